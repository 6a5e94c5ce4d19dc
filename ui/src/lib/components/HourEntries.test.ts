import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeBackend } from "../../test/ipc";
import HourEntries from "./HourEntries.svelte";

const entry = (id: number, hours: number, onDate: string, note = "") => ({
  id,
  matchId: 9,
  volunteerId: 3,
  requestId: 5,
  onDate,
  hours,
  km: null,
  note,
  createdAt: `${onDate}T10:00:00`,
});

describe("hour entries", () => {
  it("takes a wrong entry away only after a confirmation, then tells the page", async () => {
    let stored = [entry(2, 20, "2026-11-20", "typfout"), entry(1, 2, "2026-11-13")];
    const calls = fakeBackend({
      match_hours: () => stored,
      remove_hours: (a) => {
        stored = stored.filter((e) => e.id !== a.id);
        return null;
      },
    });
    const onChanged = vi.fn();
    render(HourEntries, { matchId: 9, onChanged });
    await vi.waitFor(() => expect(screen.getByText("20 uur")).toBeTruthy());

    expect(screen.getByText("typfout")).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: /Weghalen \(20 uur op 20-11-2026\)/ }));
    // Nothing is removed yet: "Nee" keeps it.
    await userEvent.click(screen.getByRole("button", { name: "Nee" }));
    expect(calls.some((c) => c.cmd === "remove_hours")).toBe(false);

    await userEvent.click(screen.getByRole("button", { name: /Weghalen \(20 uur op 20-11-2026\)/ }));
    await userEvent.click(screen.getByRole("button", { name: "Ja, weghalen" }));
    await vi.waitFor(() => expect(screen.queryByText("20 uur")).toBeNull());
    expect(screen.getByText("2 uur")).toBeTruthy();
    expect(calls.find((c) => c.cmd === "remove_hours")?.args).toMatchObject({ id: 2 });
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it("says in Dutch when removing fails and keeps the entry", async () => {
    fakeBackend({
      match_hours: () => [entry(2, 3, "2026-11-20")],
      remove_hours: () => {
        throw { code: "not_found", message: "hours 2 not found", fields: [], ids: [] };
      },
    });
    const onChanged = vi.fn();
    render(HourEntries, { matchId: 9, onChanged });
    await userEvent.click(await screen.findByRole("button", { name: /Weghalen/ }));
    await userEvent.click(screen.getByRole("button", { name: "Ja, weghalen" }));
    await vi.waitFor(() => expect(screen.getByRole("alert").textContent).not.toBe(""));
    expect(screen.getByText("3 uur")).toBeTruthy();
    expect(onChanged).not.toHaveBeenCalled();
  });
});
