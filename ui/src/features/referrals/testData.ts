// Fictional referrals for the component tests of this feature.
import type { Referral } from "../../lib/api";

export function referral(over: Partial<Referral> = {}): Referral {
  return {
    id: 21,
    requestId: 5,
    residentId: 7,
    residentName: "Geertje Mulder",
    serviceId: 12,
    organisation: "Wmo-loket Dorpsgemeente",
    service: "Huishoudelijke hulp",
    contact: "0591 123456",
    wmoDesk: true,
    reason: "Mevrouw kan het huishouden niet meer alleen.",
    urgency: "normal",
    volunteersDid: "Twee keer boodschappen gedaan.",
    status: "concept",
    allowedNext: ["sent", "closed"],
    createdOn: "2026-10-30",
    sentOn: null,
    receivedOn: null,
    answeredOn: null,
    closedOn: null,
    meldingOn: null,
    deadline: null,
    daysLeft: null,
    answer: "",
    reference: "BP-2026-0021",
    overrideReason: "",
    consentOk: true,
    consentCategories: ["identity", "contact", "question"],
    ...over,
  };
}
