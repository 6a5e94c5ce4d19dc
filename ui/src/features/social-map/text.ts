// Dutch words of the social map: field names, topics, the check line.
import type { HsdsProblem, LifeArea, ProfessionalFlag } from "../../lib/api";
import { fieldText } from "../../lib/errors";
import { dutchDate, lifeAreaLabel, professionalFlagLabel } from "../../lib/labels";

/** Form fields (and import columns) by their code, as the forms call them. */
export const fieldLabel: Record<string, string> = {
  name: "Naam",
  description: "Wat ze doen",
  email: "E-mail",
  website: "Website",
  phone: "Telefoon",
  applicationProcess: "Hoe aanmelden",
  eligibilityDescription: "Voor wie",
  feesDescription: "Wat het kost",
  languages: "Talen",
  serviceArea: "Werkgebied",
  schedule: "Openingstijden",
  contactName: "Contactpersoon",
  contactPhone: "Telefoon contactpersoon",
  contactEmail: "E-mail contactpersoon",
  wmoDesk: "Wmo-loket (ja of nee)",
  topics: "Onderwerpen",
  lastCheckedOn: "Laatst gecontroleerd",
  lastCheckedBy: "Gecontroleerd door",
  id: "Nummer (id)",
  organizationId: "Organisatie",
};

/** "Schulden of geldzorgen, Wonen" for a service's topics. */
export function topicsText(flags: ProfessionalFlag[], areas: LifeArea[]): string {
  return [...flags.map((f) => professionalFlagLabel[f]), ...areas.map((a) => lifeAreaLabel[a])].join(", ");
}

/** "Gecontroleerd op 3-10-2026 door Gerda Mulder" or "Nog nooit gecontroleerd". */
export function checkedText(on: string | null, by: string): string {
  if (!on) return "Nog nooit gecontroleerd";
  return by ? `Gecontroleerd op ${dutchDate(on)} door ${by}` : `Gecontroleerd op ${dutchDate(on)}`;
}

/** Where a problem of an import is: "Rij 3 van services.csv" or "Organisatie 2 in het bestand". */
export function problemPlace(p: HsdsProblem): string {
  const where = p.file.endsWith(".csv") ? `Rij ${p.row} van ${p.file}` : `Organisatie ${p.row} in het bestand`;
  const what = [p.organisation, p.service].filter(Boolean).join(" – ");
  return what ? `${where} (${what})` : where;
}

/** What is wrong, in plain Dutch. */
export function problemText(p: HsdsProblem): string {
  const label = fieldLabel[p.field] ?? p.field;
  if (p.field === "id" && p.rule === "duplicate") return "Dit nummer (id) staat twee keer in het bestand.";
  if (p.field === "organizationId") return "Deze dienst hoort bij een organisatie die niet in het bestand staat.";
  if (p.field === "topics") return "Onbekend onderwerp. Gebruik de codes van Buurtpunt, zoals debts of housing.";
  if (p.field === "wmoDesk") return "Vul true of false in.";
  return `${label}: ${fieldText({ field: p.field, rule: p.rule, max: p.max })}`;
}
