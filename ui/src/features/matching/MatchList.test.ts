import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Match, MatchStatus } from "../../lib/api";
import { failure, fakeBackend } from "../../test/ipc";
import MatchList from "./MatchList.svelte";

const match = (over: Partial<Match>): Match => ({
  id: 9, requestId: 5, volunteerId: 3, volunteerName: "Evert Smit", residentId: 7, residentName: "Geertje Mulder",
  ask: "Boodschappen", status: "agreed", allowedNext: ["active", "done", "cancelled"], agreement: "Elke dinsdag boodschappen", plannedOn: "2026-11-24",
  overrideReason: "", askedOn: "2026-11-20", closedOn: null, closeNote: "", hours: 0, km: 0,
  createdAt: "2026-11-20T10:00:00", ...over,
});

const row = (id: number) => document.getElementById(`match-${id}`)!;
const choices = (id: number) =>
  [...(within(row(id)).getByRole("combobox") as HTMLSelectElement).options].map((o) => o.textContent);

describe("match list", () => {
  it("offers the moves the backend allows, and none when it allows none", () => {
    fakeBackend({});
    render(MatchList, {
      matches: [
        match({ id: 1, status: "proposed", allowedNext: ["agreed", "active", "cancelled"], volunteerName: "Anna Bakker" }),
        match({ id: 2, status: "active", allowedNext: ["done", "cancelled"], volunteerName: "Evert Smit" }),
        match({ id: 3, status: "done", allowedNext: [], volunteerName: "Kees Visser", closeNote: "Klaar, bedankt" }),
      ],
      onChanged: vi.fn(),
    });
    expect(choices(1)).toEqual(["Wijzigen naar…", "Akkoord", "Bezig", "Afgezegd"]);
    expect(choices(2)).toEqual(["Wijzigen naar…", "Klaar", "Afgezegd"]);
    expect(within(row(3)).queryByRole("combobox")).toBeNull();
    expect(within(row(3)).getByText("Klaar")).toBeTruthy();
  });

  it.each([
    ["Klaar", "done", "Boodschappen gedaan, mevrouw is weer mobiel"],
    ["Afgezegd", "cancelled", "Vrijwilliger is verhuisd"],
  ])("moves a match to %s with a note and reports back", async (label, status, note) => {
    const calls = fakeBackend({ change_match_status: (a) => match({ status: a.status as MatchStatus, allowedNext: [] }) });
    const onChanged = vi.fn();
    render(MatchList, { matches: [match({})], onChanged });
    const select = screen.getByLabelText("Koppeling met Evert Smit wijzigen") as HTMLSelectElement;
    await userEvent.selectOptions(select, label);
    await userEvent.type(screen.getByLabelText("Toelichting"), note);
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));

    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([{ cmd: "change_match_status", args: { id: 9, status, note } }]);
    expect(select.value).toBe("");
    expect((screen.getByLabelText("Toelichting") as HTMLInputElement).value).toBe("");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("asks to choose a move before saving, without calling the backend", async () => {
    const calls = fakeBackend({});
    const onChanged = vi.fn();
    render(MatchList, { matches: [match({})], onChanged });
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(screen.getByRole("alert").textContent).toBe("Kies eerst wat er verandert.");
    expect(calls).toHaveLength(0);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("shows a refused move in Dutch and keeps the choice", async () => {
    fakeBackend({
      change_match_status: () => {
        throw failure("invalid_transition");
      },
    });
    const onChanged = vi.fn();
    render(MatchList, { matches: [match({ status: "active", allowedNext: ["done", "cancelled"] })], onChanged });
    const select = screen.getByLabelText("Koppeling met Evert Smit wijzigen") as HTMLSelectElement;
    await userEvent.selectOptions(select, "Klaar");
    await userEvent.type(screen.getByLabelText("Toelichting"), "Afgerond");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Deze stap kan niet vanuit de huidige status.");
    expect(select.value).toBe("done");
    expect((screen.getByLabelText("Toelichting") as HTMLInputElement).value).toBe("Afgerond");
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("says when the note is too long", async () => {
    fakeBackend({
      change_match_status: () => {
        throw failure("invalid_input", [{ field: "note", rule: "too_long", max: 200 }]);
      },
    });
    render(MatchList, { matches: [match({})], onChanged: vi.fn() });
    await userEvent.selectOptions(screen.getByLabelText("Koppeling met Evert Smit wijzigen"), "Afgezegd");
    await userEvent.type(screen.getByLabelText("Toelichting"), "Een lang verhaal");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Toelichting: Dit is te lang. Gebruik hoogstens 200 tekens.");
  });

  it("says so when nobody is linked yet", () => {
    fakeBackend({});
    render(MatchList, { matches: [], onChanged: vi.fn() });
    expect(screen.getByText("Nog niemand gekoppeld.")).toBeTruthy();
  });
});
