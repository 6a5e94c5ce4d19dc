import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { HelpRequest } from "../../lib/api";
import { fakeBackend } from "../../test/ipc";
import StatusChange from "./StatusChange.svelte";

/** A request as the backend sends it: its status, and where the core lets it go. */
function request(status: HelpRequest["status"], allowedNext: HelpRequest["allowedNext"], canClose: boolean): HelpRequest {
  return {
    id: 9, residentId: 1, residentName: "Anna Bakker", kern: "Lindeloo", receivedOn: "2026-11-20",
    channel: "phone", ask: "Boodschappen", underlyingNeed: "", lifeAreas: [], ownStrength: "", tried: "",
    urgency: "normal", dueOn: null, scope: "individual", scopeNote: "", status, allowedNext, canClose, closeReason: "",
    createdAt: "", updatedAt: "", contactLog: [], skills: [], needsVog: false, wantedSlots: 0, volunteersNeeded: 1, estimatedHours: null, goalShort: "", goalLong: "", outcome: "", closeKind: null, flags: [],
  };
}

function options(): string[] {
  const select = screen.getByLabelText("Status wijzigen naar") as HTMLSelectElement;
  return [...select.options].map((o) => o.value).filter(Boolean);
}

describe("status change", () => {
  it("offers only reopening for a closed request, as the core says", () => {
    fakeBackend({});
    render(StatusChange, { request: request("done", ["in_progress"], false), onChanged: vi.fn() });
    expect(options()).toEqual(["in_progress"]);
  });

  it("offers the steps the core allows and closing for an open request", () => {
    fakeBackend({});
    render(StatusChange, { request: request("new", ["in_progress", "matched"], true), onChanged: vi.fn() });
    expect(options()).toEqual(["in_progress", "matched", "close"]);
    const select = screen.getByLabelText("Status wijzigen naar") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["Kies…", "In behandeling", "Gekoppeld", "Afsluiten…"]);
  });

  it("needs a reason kind to close, a text for other, and sends the outcome", async () => {
    const closed = { ...request("lapsed", ["in_progress"], false), closeReason: "Verhuisd" };
    const calls = fakeBackend({ close_request: () => closed });
    const onChanged = vi.fn();
    render(StatusChange, { request: request("in_progress", ["matched"], true), onChanged });
    await userEvent.selectOptions(screen.getByLabelText("Status wijzigen naar"), "close");
    await userEvent.click(screen.getByRole("button", { name: "Afsluiten" }));
    expect(screen.getByRole("alert").textContent).toContain("Kies waarom");
    await userEvent.click(screen.getByLabelText("Anders"));
    await userEvent.click(screen.getByRole("button", { name: "Afsluiten" }));
    expect(screen.getByRole("alert").textContent).toContain("waarom");
    expect(calls).toHaveLength(0);
    await userEvent.type(screen.getByLabelText("Toelichting"), "Verhuisd");
    await userEvent.type(screen.getByLabelText("Wat is het resultaat voor de bewoner?"), "Woont nu bij haar dochter.");
    await userEvent.click(screen.getByRole("button", { name: "Afsluiten" }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledWith(closed));
    expect(calls[0].args).toEqual({
      id: 9,
      input: { kind: "other", note: "Verhuisd", outcome: "Woont nu bij haar dochter." },
    });
  });
});
