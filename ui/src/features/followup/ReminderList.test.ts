import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Reminder, ReminderInput } from "../../lib/api";
import { failure, fakeBackend, type Call } from "../../test/ipc";
import ReminderList from "./ReminderList.svelte";

const reminder = (over: Partial<Reminder>): Reminder => ({
  id: 1, requestId: 5, dueOn: "2026-11-25", note: "", repeatWeeks: 0, doneOn: null, doneNote: "", snoozeNote: "", ...over,
});

const two = () => [
  reminder({ id: 1, dueOn: "2026-11-25", note: "Bellen hoe het gaat" }),
  reminder({ id: 2, dueOn: "2026-12-02", note: "Langs gaan", repeatWeeks: 2 }),
];

/** A fake store of reminders for request 5. */
function store(start: Reminder[]) {
  let items = [...start];
  const calls = fakeBackend({
    request_reminders: () => items,
    complete_reminder: (a) => {
      items = items.map((r) => (r.id === a.id ? { ...r, doneOn: "2026-11-22", doneNote: a.note as string } : r));
      return null;
    },
    snooze_reminder: (a) => {
      items = items.map((r) => (r.id === a.id ? { ...r, dueOn: a.until as string } : r));
      return items.find((r) => r.id === a.id);
    },
    add_reminder: (a) => {
      const added = reminder({ ...(a.input as ReminderInput), id: 10 + items.length });
      items = [...items, added];
      return added;
    },
  });
  return calls;
}

const row = (id: number) => document.getElementById(`reminder-${id}`)!;
const only = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd);

describe("follow-up reminders", () => {
  it("marks a reminder done with a note, and it moves to the ones done before", async () => {
    const calls = store(two());
    const onChanged = vi.fn();
    render(ReminderList, { requestId: 5, onChanged });
    await screen.findByText(/Bellen hoe het gaat/);
    expect(row(2).textContent).toContain("(elke 2 weken)");

    await userEvent.click(within(row(1)).getByRole("button", { name: "Gedaan" }));
    await userEvent.type(within(row(1)).getByLabelText("Wat is er gedaan? (mag leeg)"), "Gebeld, het gaat goed");
    await userEvent.click(within(row(1)).getByRole("button", { name: "Gedaan" }));

    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(only(calls, "complete_reminder")[0].args).toEqual({ id: 1, note: "Gebeld, het gaat goed" });
    expect(document.getElementById("reminder-1")).toBeNull();
    expect(screen.getByText("Eerder gedaan (1)")).toBeTruthy();
    expect(screen.getByText("22-11-2026: Bellen hoe het gaat — Gebeld, het gaat goed")).toBeTruthy();
    expect(row(2)).toBeTruthy();
  });

  it("snoozes a reminder to a new date with a note", async () => {
    const calls = store(two());
    const onChanged = vi.fn();
    render(ReminderList, { requestId: 5, onChanged });
    await screen.findByText(/Langs gaan/);

    await userEvent.click(within(row(2)).getByRole("button", { name: "Later" }));
    await userEvent.type(within(row(2)).getByLabelText("Nieuwe datum"), "9-12-2026");
    await userEvent.type(within(row(2)).getByLabelText("Waarom later? (mag leeg)"), "Familie is op bezoek");
    await userEvent.click(within(row(2)).getByRole("button", { name: "Verschuiven" }));

    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(only(calls, "snooze_reminder")[0].args).toEqual({ id: 2, until: "2026-12-09", note: "Familie is op bezoek" });
    expect(only(calls, "complete_reminder")).toHaveLength(0);
    expect(within(row(2)).getByText("09-12-2026")).toBeTruthy();
    expect(within(row(2)).queryByLabelText("Nieuwe datum")).toBeNull();
  });

  it("asks for a later date when snoozing to the past, and keeps what was typed", async () => {
    const calls = fakeBackend({
      request_reminders: () => two(),
      snooze_reminder: () => {
        throw failure("invalid_input", [{ field: "until", rule: "date" }]);
      },
    });
    const onChanged = vi.fn();
    render(ReminderList, { requestId: 5, onChanged });
    await screen.findByText(/Bellen hoe het gaat/);
    await userEvent.click(within(row(1)).getByRole("button", { name: "Later" }));
    const until = within(row(1)).getByLabelText("Nieuwe datum") as HTMLInputElement;
    await userEvent.type(until, "1-1-2020");
    await userEvent.click(within(row(1)).getByRole("button", { name: "Verschuiven" }));

    expect((await within(row(1)).findByRole("alert")).textContent).toBe("Kies een datum na vandaag, zoals 29-11-2026.");
    expect(until.value).toBe("1-1-2020");
    expect(only(calls, "snooze_reminder")[0].args).toMatchObject({ until: "2020-01-01" });
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("says at the form when the note of a done reminder is too long", async () => {
    fakeBackend({
      request_reminders: () => two(),
      complete_reminder: () => {
        throw failure("invalid_input", [{ field: "doneNote", rule: "too_long", max: 200 }]);
      },
    });
    const onChanged = vi.fn();
    render(ReminderList, { requestId: 5, onChanged });
    await screen.findByText(/Bellen hoe het gaat/);
    await userEvent.click(within(row(1)).getByRole("button", { name: "Gedaan" }));
    await userEvent.type(within(row(1)).getByLabelText("Wat is er gedaan? (mag leeg)"), "Heel veel");
    await userEvent.click(within(row(1)).getByRole("button", { name: "Gedaan" }));
    expect((await within(row(1)).findByRole("alert")).textContent).toBe("Dit is te lang. Gebruik hoogstens 200 tekens.");
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("plans a new reminder that repeats", async () => {
    const calls = store([]);
    render(ReminderList, { requestId: 5, onChanged: vi.fn() });
    expect(await screen.findByText("Geen opvolging gepland.")).toBeTruthy();
    await userEvent.type(screen.getByLabelText("Datum"), "30-11-2026");
    await userEvent.type(screen.getByLabelText("Wat moet er dan gebeuren?"), "Vragen of de hulp bevalt");
    await userEvent.selectOptions(screen.getByLabelText("Herhalen"), "Elke 4 weken");
    await userEvent.click(screen.getByRole("button", { name: "Plannen" }));
    await screen.findByText(/Vragen of de hulp bevalt/);
    expect(only(calls, "add_reminder")[0].args).toEqual({
      requestId: 5,
      input: { dueOn: "2026-11-30", note: "Vragen of de hulp bevalt", repeatWeeks: 4 },
    });
    expect(screen.getByText("(elke 4 weken)")).toBeTruthy();
  });
});
