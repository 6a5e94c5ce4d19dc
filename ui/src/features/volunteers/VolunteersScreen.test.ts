import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { VolunteerOverview, VolunteerSummary } from "../../lib/api";
import { fakeBackend } from "../../test/ipc";
import { alert, load, skills } from "./testData";
import { volunteerListState } from "./listState.svelte";
import VolunteersScreen from "./VolunteersScreen.svelte";

const overview: VolunteerOverview = {
  nearLimit: [alert(1, "Gerrit Mulder", { load: load({ level: "over", weekLoad: 5, hoursLeft: 0 }) })],
  notAsked: [alert(2, "Klaasje Meijer", { date: null }), alert(3, "Jelle Dijkstra", { date: "2026-08-01" })],
  vogExpiring: [alert(4, "Sietske Bos", { vogState: "expiring", date: "2099-12-15" })],
  checkinsDue: [
    alert(5, "Wiebe Smit", { needsSupport: true }),
    alert(6, "Hinke Veenstra", { date: "2026-10-13" }),
  ],
  active: 12, applied: 2, paused: 1, stopped: 3, notAskedWeeks: 8,
};

function row(id: number, name: string, status: VolunteerSummary["status"]): VolunteerSummary {
  return {
    residentId: id, name, kern: "Lindeloo", status, skills: ["Tuinieren", "Autorijden (vervoer)"],
    load: load({ weekLoad: 1.5 }), vogState: "expired", lastAskedOn: null,
  };
}

describe("volunteers screen", () => {
  it("shows the overview blocks with counts and the list", async () => {
    Object.assign(volunteerListState, { text: "", status: "", skill: "", kern: "", page: 0 });
    const calls = fakeBackend({
      volunteer_overview: () => overview,
      list_volunteers: () => ({ items: [row(9, "Anna Bakker", "active"), row(10, "Wubbo Elzinga", "paused")], total: 2, page: 0, pageSize: 25 }),
      list_skills: () => skills,
      list_kernen: () => ["Lindeloo"],
    });
    render(VolunteersScreen);

    const near = await screen.findByRole("region", { name: /Bijna of over de grens/ });
    expect(near.textContent).toContain("(1)");
    expect(within(near).getByText("Gerrit Mulder")).toBeInTheDocument();
    expect(within(near).getByText("Over de grens")).toBeInTheDocument();

    const notAsked = screen.getByRole("region", { name: /Lang niet gevraagd/ });
    expect(notAsked.textContent).toContain("8 weken");
    expect(within(notAsked).getByText("Nog nooit gevraagd")).toBeInTheDocument();
    expect(within(notAsked).getByText("Laatst gevraagd op 01-08-2026")).toBeInTheDocument();

    const vog = screen.getByRole("region", { name: /VOG verloopt/ });
    expect(vog.textContent).toContain("geldig tot 15-12-2099");

    const talks = screen.getByRole("region", { name: /Gesprek nodig/ });
    const names = within(talks).getAllByRole("button").map((b) => b.textContent ?? "");
    expect(names[0]).toContain("Wiebe Smit");
    expect(names[0]).toContain("Heeft steun nodig");
    expect(names[1]).toContain("gepland op 13-10-2026");

    expect(screen.getByText("actief").parentElement?.textContent).toContain("12");
    expect((await screen.findByRole("status")).textContent).toBe("2 vrijwilligers");
    const listRow = screen.getByText("Anna Bakker").closest("tr");
    expect(listRow?.textContent).toContain("Actief");
    expect(listRow?.textContent).toContain("Tuinieren, Autorijden (vervoer)");
    expect(listRow?.textContent).toContain("1,5 van 4 uur");
    expect(listRow?.textContent).toContain("VOG verlopen");
    // Someone on a pause has no load to show.
    const paused = screen.getByText("Wubbo Elzinga").closest("tr");
    expect(paused?.textContent).toContain("Pauze");
    expect(paused?.textContent).not.toContain("van 4 uur");

    await userEvent.selectOptions(screen.getByLabelText("Talent of taak"), "2");
    await screen.findByRole("status");
    const last = calls.filter((c) => c.cmd === "list_volunteers").at(-1)?.args.query as Record<string, unknown>;
    expect(last.skillId).toBe(2);
    expect(last.status).toBeNull();
  });
});
