import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { TodoItem } from "../../lib/api";
import { todayIso } from "../../lib/labels";
import { fakeBackend } from "../../test/ipc";
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
});
