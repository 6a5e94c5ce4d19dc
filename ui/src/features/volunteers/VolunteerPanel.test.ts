import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { HourInput, Volunteer } from "../../lib/api";
import { fakeBackend } from "../../test/ipc";
import { load, match, volunteer } from "./testData";
import VolunteerPanel from "./VolunteerPanel.svelte";

describe("volunteer panel", () => {
  it("logs hours typed with a comma and then shows the new load", async () => {
    let current = volunteer();
    const calls = fakeBackend({
      volunteer_matches: () => [match()],
      log_hours: (args) => {
        const input = args.input as HourInput;
        current = volunteer({ load: load({ weekHours: 2.5, weekLoad: 2.5, hoursLeft: 1.5 }) });
        return { id: 1, matchId: input.matchId, volunteerId: 7, requestId: 12, onDate: input.onDate, hours: 1.5, km: null, note: "" };
      },
      get_volunteer: () => current,
    });
    const view = render(VolunteerPanel, {
      volunteer: current,
      onChanged: (v: Volunteer) => view.rerender({ volunteer: v }),
    });
    expect(screen.getByText("Deze week 1 uur van 4 uur")).toBeInTheDocument();
    expect(screen.getByText(/spreekt Fries/)).toBeInTheDocument();
    expect(screen.getByText("maandag: ochtend")).toBeInTheDocument();

    await userEvent.click(await screen.findByRole("button", { name: "Uren schrijven" }));
    await userEvent.clear(screen.getByLabelText("Datum"));
    await userEvent.type(screen.getByLabelText("Datum"), "20-11-2026");
    await userEvent.type(screen.getByLabelText("Uren"), "1,5");
    await userEvent.click(screen.getByRole("button", { name: "Uren opslaan" }));

    expect(await screen.findByText("1,5 uur opgeslagen op 20-11-2026.")).toBeInTheDocument();
    expect(await screen.findByText("Deze week 2,5 uur van 4 uur")).toBeInTheDocument();
    const sent = calls.find((c) => c.cmd === "log_hours")?.args.input as HourInput;
    expect(sent).toMatchObject({ matchId: 31, hours: "1,5", onDate: "2026-11-20", km: "" });
  });

  it("asks for a reason before a pause", async () => {
    const calls = fakeBackend({ volunteer_matches: () => [] });
    render(VolunteerPanel, { volunteer: volunteer(), onChanged: () => {} });
    await userEvent.selectOptions(screen.getByLabelText("Status wijzigen naar"), "paused");
    await userEvent.click(screen.getByRole("button", { name: "Status wijzigen" }));
    expect((await screen.findByText(/Schrijf kort waarom/)).id).toBe("volunteer-status-reason-error");
    expect(calls.some((c) => c.cmd === "change_volunteer_status")).toBe(false);
  });
});
