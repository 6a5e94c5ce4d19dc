import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { TodoItem } from "../../lib/api";
import { todayIso } from "../../lib/labels";
import { failure, fakeBackend } from "../../test/ipc";
import TodoList from "./TodoList.svelte";
import { lateText } from "./late";

const item = (over: Partial<TodoItem>): TodoItem => ({
  requestId: 1, residentName: "Geertje Mulder", kern: "Lindeloo", ask: "Wie doet boodschappen?", status: "new",
  urgency: "normal", reminders: [], lateDays: null, dueOn: null, wmoLateDays: null, isNew: false, urgent: false, ...over,
});

describe("Vandaag's to-do list", () => {
  it("says how late in words", () => {
    expect(lateText(1)).toBe("1 dag te laat");
    expect(lateText(10)).toBe("10 dagen te laat");
    expect(lateText(42)).toBe("6 weken te laat");
  });

  it("shows each request once with all its labels, and a call done right on the row", async () => {
    const calls = fakeBackend({ complete_reminder: () => null });
    const onChanged = vi.fn();
    render(TodoList, {
      items: [
        item({
          requestId: 1, urgent: true, isNew: true, lateDays: 42,
          reminders: [{ id: 9, requestId: 1, residentName: "Geertje Mulder", dueOn: todayIso(), note: "Terugbellen", repeatWeeks: 0, snoozeNote: "" }],
        }),
        item({ requestId: 2, residentName: "Hidde Pompoenhof", wmoLateDays: 15, status: "referred" }),
      ],
      more: true,
      onChanged,
    });
    const first = document.getElementById("todo-1") as HTMLElement;
    for (const label of ["Bellen: vandaag", "Dringend", "6 weken te laat", "Nieuw", "Terugbellen"]) {
      expect(within(first).getByText(label, { exact: false })).toBeTruthy();
    }
    expect(document.getElementById("todo-2")?.textContent).toContain("Antwoord Wmo-loket 2 weken te laat");
    expect(document.querySelectorAll(".todo-row")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Alle open hulpvragen" })).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: /Gedaan/ }));
    await userEvent.type(document.getElementById("due-note-9") as HTMLElement, "Gebeld.");
    await userEvent.click(document.getElementById("due-confirm-9") as HTMLElement);
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls.some((c) => c.cmd === "complete_reminder")).toBe(true);
    expect(screen.getByRole("status").textContent).toBe("Opvolging van Geertje Mulder is gedaan.");
  });

  it("moves a call to a later date with a reason, and says so in Dutch when the date is wrong", async () => {
    const calls = fakeBackend({
      snooze_reminder: (a) => {
        if (a.until === "2020-01-02") throw failure("invalid_input", [{ field: "until", rule: "date" }]);
        return null;
      },
    });
    const onChanged = vi.fn();
    render(TodoList, {
      items: [
        item({
          requestId: 4, residentName: "Cor Smidt",
          reminders: [{ id: 3, requestId: 4, residentName: "Cor Smidt", dueOn: "2020-01-01", note: "Bellen hoe het gaat", repeatWeeks: 0, snoozeNote: "Op vakantie" }],
        }),
      ],
      more: false,
      onChanged,
    });
    expect(screen.getByText(/eerder verschoven: Op vakantie/)).toBeTruthy();
    expect(screen.getByText("Bellen: sinds 01-01-2020").className).toContain("late");
    await userEvent.click(screen.getByRole("button", { name: "Later (Cor Smidt)" }));
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
    expect(calls.filter((c) => c.cmd === "snooze_reminder").at(-1)?.args).toEqual({ id: 3, until: "2099-12-09", note: "Dochter belt eerst" });
    expect(onChanged).toHaveBeenCalled();
  });
});
