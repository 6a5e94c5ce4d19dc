import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend } from "../../test/ipc";
import DueBlock from "./DueBlock.svelte";

const due = (id: number, residentName: string, dueOn: string, snoozeNote = "") => ({
  id,
  requestId: 40 + id,
  residentName,
  dueOn,
  note: "Bellen hoe het gaat",
  repeatWeeks: 0,
  snoozeNote,
});

describe("follow-up on the Vandaag screen", () => {
  it("marks a reminder done with a note, right on Vandaag", async () => {
    let open = [due(1, "Aaltje Geërtsema", "2020-01-01"), due(2, "Berend Kuipers", "2020-01-01", "Op vakantie")];
    const calls = fakeBackend({
      due_reminders: () => [open, open.length],
      open_wmo_referrals: () => [],
      complete_reminder: (a) => {
        open = open.filter((r) => r.id !== a.id);
        return null;
      },
    });
    render(DueBlock);
    await screen.findByText("Aaltje Geërtsema");

    expect(screen.getByText("Eerder verschoven: Op vakantie")).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Gedaan (Aaltje Geërtsema)" }));
    await userEvent.type(screen.getByLabelText("Wat is er gedaan? (mag leeg)"), "Gaat goed");
    await userEvent.click(screen.getByRole("button", { name: "Gedaan" }));

    await screen.findByText("Opvolging van Aaltje Geërtsema is gedaan.");
    expect(calls.find((c) => c.cmd === "complete_reminder")?.args).toEqual({ id: 1, note: "Gaat goed" });
    expect(screen.queryByText("Aaltje Geërtsema")).toBeNull();
    expect(screen.getByText("Berend Kuipers")).toBeTruthy();
  });

  it("moves a reminder to a later date with a reason, and says so in Dutch when the date is wrong", async () => {
    const calls = fakeBackend({
      due_reminders: () => [[due(3, "Cor Smidt", "2020-01-01")], 1],
      open_wmo_referrals: () => [],
      snooze_reminder: (a) => {
        if (a.until === "2020-01-02") throw failure("invalid_input", [{ field: "until", rule: "date" }]);
        return { ...due(3, "Cor Smidt", String(a.until)), doneOn: null, doneNote: "" };
      },
    });
    render(DueBlock);
    await userEvent.click(await screen.findByRole("button", { name: "Later (Cor Smidt)" }));
    await userEvent.type(screen.getByLabelText("Nieuwe datum"), "02-01-2020");
    await userEvent.type(screen.getByLabelText("Waarom later? (mag leeg)"), "Dochter belt eerst");
    await userEvent.click(screen.getByRole("button", { name: "Verschuiven" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Kies een datum na vandaag");
    // What was typed stays.
    expect((screen.getByLabelText("Waarom later? (mag leeg)") as HTMLInputElement).value).toBe("Dochter belt eerst");

    const date = screen.getByLabelText("Nieuwe datum");
    await userEvent.clear(date);
    await userEvent.type(date, "09-12-2099");
    await userEvent.click(screen.getByRole("button", { name: "Verschuiven" }));
    await screen.findByText("Opvolging van Cor Smidt is verschoven.");
    expect(calls.filter((c) => c.cmd === "snooze_reminder").at(-1)?.args).toEqual({
      id: 3,
      until: "2099-12-09",
      note: "Dochter belt eerst",
    });
  });
});
