import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { HelpRequest } from "../../lib/api";
import { fakeBackend } from "../../test/ipc";
import StatusChange from "./StatusChange.svelte";

function request(status: HelpRequest["status"]): HelpRequest {
  return {
    id: 9, residentId: 1, residentName: "Anna Bakker", kern: "Lindeloo", receivedOn: "2026-11-20",
    channel: "phone", ask: "Boodschappen", underlyingNeed: "", lifeAreas: [], ownStrength: "", tried: "",
    urgency: "normal", dueOn: null, scope: "individual", scopeNote: "", status, closeReason: "",
    createdAt: "", updatedAt: "", contactLog: [], skills: [], needsVog: false, wantedSlots: 0, volunteersNeeded: 1, estimatedHours: null,
  };
}

function options(): string[] {
  const select = screen.getByLabelText("Status wijzigen naar") as HTMLSelectElement;
  return [...select.options].map((o) => o.value).filter(Boolean);
}

describe("status change", () => {
  it("offers only the moves the lifecycle allows", () => {
    fakeBackend({});
    render(StatusChange, { request: request("done"), onChanged: vi.fn() });
    expect(options()).toEqual(["in_progress"]);
  });

  it("offers every next step from new, but never new itself", () => {
    fakeBackend({});
    render(StatusChange, { request: request("new"), onChanged: vi.fn() });
    expect(options()).not.toContain("new");
    expect(options()).toEqual(expect.arrayContaining(["in_progress", "matched", "done", "referred", "lapsed"]));
  });

  it("needs a reason to close and sends it", async () => {
    const closed = { ...request("done"), closeReason: "Buurman helpt" };
    const calls = fakeBackend({ change_request_status: () => closed });
    const onChanged = vi.fn();
    render(StatusChange, { request: request("in_progress"), onChanged });
    await userEvent.selectOptions(screen.getByLabelText("Status wijzigen naar"), "done");
    await userEvent.click(screen.getByRole("button", { name: "Status wijzigen" }));
    expect(screen.getByRole("alert").textContent).toContain("waarom");
    expect(calls).toHaveLength(0);
    await userEvent.type(screen.getByLabelText("Waarom wordt de vraag afgesloten?"), "Buurman helpt");
    await userEvent.click(screen.getByRole("button", { name: "Status wijzigen" }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledWith(closed));
    expect(calls[0].args).toEqual({ id: 9, status: "done", reason: "Buurman helpt" });
  });
});
