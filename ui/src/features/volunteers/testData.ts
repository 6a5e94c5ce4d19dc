// Fictional volunteers for the component tests (not shipped: only tests import this).
import type { Match, Skill, Volunteer, VolunteerAlert } from "../../lib/api";
import { load } from "../../test/load";

export { load };

export const skills: Skill[] = [
  { id: 1, name: "Autorijden (vervoer)", lifeArea: "transport", needsVog: false, retired: false },
  { id: 2, name: "Tuinieren", lifeArea: "garden_and_odd_jobs", needsVog: false, retired: false },
  { id: 3, name: "Oud talent", lifeArea: null, needsVog: false, retired: true },
];

export function volunteer(over: Partial<Volunteer> = {}): Volunteer {
  return {
    residentId: 7, name: "Hinke Veenstra", kern: "Lindeloo", phone: "", status: "active", statusSince: "2026-09-01",
    statusReason: "", skills: [{ id: 2, name: "Tuinieren" }], refused: [], tags: ["spreekt Fries"], availability: 1,
    mobility: ["bike"], kernen: [], limitHours: null, limitMatches: null, isCarer: false, carerHours: 0,
    vogOn: null, vogValidUntil: null, vogState: "missing", consentOn: "2026-09-01", notes: "", load: load(),
    absences: [], absentNow: null, statusLog: [], checkins: [], checkinDueOn: "2026-10-13", lastAskedOn: null,
    createdAt: "", updatedAt: "", ...over,
  };
}

export function alert(id: number, name: string, over: Partial<VolunteerAlert> = {}): VolunteerAlert {
  return {
    residentId: id, name, kern: "Lindeloo", status: "active", load: load(), vogState: "valid", date: null,
    needsSupport: false, ...over,
  };
}

export function match(over: Partial<Match> = {}): Match {
  return {
    id: 31, requestId: 12, volunteerId: 7, volunteerName: "Hinke Veenstra", residentId: 4, residentName: "Anna Bakker",
    ask: "Heg knippen", status: "agreed", allowedNext: ["active", "done", "cancelled"], agreement: "", plannedOn: null, overrideReason: "", askedOn: "2026-11-01",
    closedOn: null, closeNote: "", hours: 0, km: 0, createdAt: "", ...over,
  };
}
