import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeBackend } from "../../test/ipc";
import HourTotals from "./HourTotals.svelte";

const totals = {
  hours: 12.5,
  km: 42.5,
  entries: 7,
  byVolunteer: [
    { volunteerId: 3, name: "Evert Brinkhuis", hours: 8, km: 30 },
    { volunteerId: 4, name: "Geesje Lanting", hours: 4.5, km: 12.5 },
  ],
};

describe("hour totals", () => {
  it("shows this month's hours per volunteer, and another period on request", async () => {
    const calls = fakeBackend({ hour_totals: () => totals });
    render(HourTotals, {});
    await vi.waitFor(() => expect(screen.getByText("12,5 uur")).toBeTruthy());
    expect(screen.getByText("Evert Brinkhuis")).toBeTruthy();
    expect(screen.getByText(/42,5 km reizen/)).toBeTruthy();
    const first = calls[0].args.query as { from: string; to: string; volunteerId: number | null };
    expect(first.from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(first.volunteerId).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText("Periode"), "all");
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].args.query).toMatchObject({ from: "", to: "" });
  });

  it("says in Dutch when the chosen dates are wrong", async () => {
    fakeBackend({
      hour_totals: (a) => {
        const q = a.query as { from: string };
        if (!/^\d{4}-\d{2}-\d{2}$/.test(q.from)) throw { code: "invalid_input", message: "x", fields: [{ field: "from", rule: "date", max: null }], ids: [] };
        return totals;
      },
    });
    render(HourTotals, { volunteerId: 3 });
    await userEvent.selectOptions(screen.getByLabelText("Periode"), "custom");
    await userEvent.clear(screen.getByLabelText("Van"));
    await userEvent.type(screen.getByLabelText("Van"), "gisteren");
    await userEvent.click(screen.getByRole("button", { name: "Tonen" }));
    await vi.waitFor(() => expect(screen.getByRole("alert").textContent).toContain("twee datums"));
    expect(screen.queryByText("Evert Brinkhuis")).toBeNull();
  });
});
