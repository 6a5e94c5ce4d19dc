import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Page, ResidentQuery, ResidentSummary } from "../../lib/api";
import { fakeBackend, type Call } from "../../test/ipc";
import ResidentList from "./ResidentList.svelte";

const resident = (id: number, over: Partial<ResidentSummary> = {}): ResidentSummary => ({
  id, firstName: `Bewoner${id}`, lastName: "Jansen", street: "Dorpsstraat", houseNumber: String(id),
  kern: "Lindeloo", phone: "", openRequests: 0, ...over,
});

/** 60 residents, served 25 a page like the backend does. */
function village(extra: Partial<ResidentSummary> = {}) {
  const all = Array.from({ length: 60 }, (_, i) => resident(i + 1, i === 0 ? extra : {}));
  return fakeBackend({
    list_kernen: () => ["Lindeloo", "Oosterveen"],
    list_residents: (a): Page<ResidentSummary> => {
      const q = a.query as ResidentQuery;
      const start = q.page * q.pageSize;
      return { items: all.slice(start, start + q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize, moreThan: false, hasNext: start + q.pageSize < all.length };
    },
  });
}

const queries = (calls: Call[]) => calls.filter((c) => c.cmd === "list_residents").map((c) => c.args.query);
const rows = () => document.querySelectorAll("tr.resident-row");

describe("residents list", () => {
  it("shows 25 a page and asks for the next page with the next button", async () => {
    const calls = village();
    render(ResidentList);
    expect(await screen.findByText("60 bewoners")).toBeTruthy();
    expect(rows()).toHaveLength(25);
    expect(screen.getByText("Pagina 1 van 3")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Vorige" })).toBeDisabled();
    expect(queries(calls)).toEqual([{ text: "", kern: "", page: 0, pageSize: 25 }]);

    await userEvent.click(screen.getByRole("button", { name: "Volgende" }));
    await screen.findByText("Pagina 2 van 3");
    expect(queries(calls)[1]).toEqual({ text: "", kern: "", page: 1, pageSize: 25 });
    expect(screen.getByText("Bewoner26 Jansen")).toBeTruthy();
    expect(screen.queryByText("Bewoner1 Jansen")).toBeNull();
    expect(screen.getByRole("button", { name: "Vorige" })).toBeEnabled();

    await userEvent.click(screen.getByRole("button", { name: "Volgende" }));
    await screen.findByText("Pagina 3 van 3");
    expect(rows()).toHaveLength(10);
    expect(screen.getByRole("button", { name: "Volgende" })).toBeDisabled();

    await userEvent.click(screen.getByRole("button", { name: "Vorige" }));
    await screen.findByText("Pagina 2 van 3");
    expect(queries(calls).map((q) => (q as ResidentQuery).page)).toEqual([0, 1, 2, 1]);
  });

  it("goes back to the first page when the kern filter changes", async () => {
    const calls = village();
    render(ResidentList);
    await screen.findByText("Pagina 1 van 3");
    await userEvent.click(screen.getByRole("button", { name: "Volgende" }));
    await screen.findByText("Pagina 2 van 3");
    await userEvent.selectOptions(screen.getByLabelText("Kern of wijk"), "Oosterveen");
    await vi.waitFor(() => expect(queries(calls)).toHaveLength(3));
    expect(queries(calls)[2]).toEqual({ text: "", kern: "Oosterveen", page: 0, pageSize: 25 });
  });

  it("shows a name with HTML in it as plain text", async () => {
    const html = '<img src=x onerror="alert(1)"><b>Jan</b>';
    village({ firstName: html, lastName: "<script>x()</script>", street: "<i>Kerkpad</i>" });
    render(ResidentList);
    const name = await screen.findByText(`${html} <script>x()</script>`);
    expect(name.tagName).toBe("STRONG");
    expect(screen.getByText("<i>Kerkpad</i> 1")).toBeTruthy();
    const table = document.querySelector("table")!;
    expect(table.querySelector("img, b, i, script")).toBeNull();
  });
});
