import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { RequestSummary } from "../../lib/api";
import { fakeBackend } from "../../test/ipc";
import RequestList from "./RequestList.svelte";
import { listState } from "./listState.svelte";

function row(id: number, name: string): RequestSummary {
  return {
    id, residentId: id, residentName: name, kern: "Lindeloo", receivedOn: "2026-11-20", ask: "Vervoer",
    status: "new", urgency: "high", dueOn: null, lifeAreas: ["transport"],
  };
}

describe("request list", () => {
  it("counts in plain Dutch and shows names with HTML as text", async () => {
    Object.assign(listState, { text: "", status: "", area: "", kern: "", urgency: "", page: 0 });
    const html = "<img src=x onerror=alert(1)>";
    let items = [row(1, html), row(2, "Zoë Hofstede")];
    const calls = fakeBackend({
      list_requests: () => ({ items, total: items.length, page: 0, pageSize: 25 }),
      list_kernen: () => ["Lindeloo"],
    });
    const { container } = render(RequestList);
    expect((await screen.findByRole("status")).textContent).toBe("2 hulpvragen");
    expect(screen.getByText(html)).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();

    items = [row(2, "Zoë Hofstede")];
    await userEvent.selectOptions(screen.getByLabelText("Status"), "open");
    await screen.findByText("1 hulpvraag");
    const last = calls.filter((c) => c.cmd === "list_requests").at(-1)?.args.query as Record<string, unknown>;
    expect(last.openOnly).toBe(true);
    expect(last.status).toBeNull();
  });
});
