// Dutch words of the social map: field names, topics, the check line.
import type { HsdsProblem, LifeArea, Location, ProfessionalFlag, Service, ServiceStatus } from "../../lib/api";
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
  url: "Webpagina",
  status: "Status",
  minimumAge: "Leeftijd vanaf",
  maximumAge: "Leeftijd tot en met",
  address: "Adres",
  language: "Taal",
  contacts: "Contactpersoon",
};

/** What a contact person reads for a service's status. */
export const statusLabel: Record<ServiceStatus, string> = {
  active: "Actief",
  "temporarily closed": "Tijdelijk gesloten",
  inactive: "Niet actief",
  defunct: "Gestopt",
};

/** "Dorpshuis De Linde, Kerkstraat 4, 9542 CD Veenhoeve". */
export function addressLine(l: Location): string {
  return [l.name, l.address1, l.address2, `${l.postalCode} ${l.city}`.trim()].filter(Boolean).join(", ");
}

/** "Vanaf 18 jaar", "12 tot en met 18 jaar", "" when no limits. */
export function agesText(s: Pick<Service, "minimumAge" | "maximumAge">): string {
  const { minimumAge: min, maximumAge: max } = s;
  if (min !== null && max !== null) return `${min} tot en met ${max} jaar`;
  if (min !== null) return `Vanaf ${min} jaar`;
  if (max !== null) return `Tot en met ${max} jaar`;
  return "";
}

/** The addresses where a service is given: its own, else all of its organisation's. */
export function serviceLocations(s: Service, all: Location[]): Location[] {
  const own = all.filter((l) => s.locationIds.includes(l.id));
  return own.length ? own : all;
}

/** "Schulden of geldzorgen, Wonen" for a service's topics. */
export function topicsText(flags: ProfessionalFlag[], areas: LifeArea[]): string {
  return [...flags.map((f) => professionalFlagLabel[f]), ...areas.map((a) => lifeAreaLabel[a])].join(", ");
}

/** "Gecontroleerd op 3-10-2026 door Gerda Mulder" or "Nog nooit gecontroleerd". */
export function checkedText(on: string | null, by: string): string {
  if (!on) return "Nog nooit gecontroleerd";
  return by ? `Gecontroleerd op ${dutchDate(on)} door ${by}` : `Gecontroleerd op ${dutchDate(on)}`;
}

/** Who a note of an import is about: "Organisatie Huisarts Dal", "Dienst Spreekuur (Huisarts Dal)". */
export function problemPlace(p: HsdsProblem): string {
  if (p.service) return p.organisation ? `Dienst ${p.service} (${p.organisation})` : `Dienst ${p.service}`;
  if (p.organisation) return `Organisatie ${p.organisation}`;
  if (p.file.endsWith(".csv")) return `Rij ${p.row} van ${p.file}`;
  return `Organisatie ${p.row} in het bestand`;
}

/** The words for a field in a sentence: "telefoonnummer", "e-mailadres". */
const fieldWords: Record<string, string> = {
  phone: "telefoonnummer",
  contactPhone: "telefoonnummer van de contactpersoon",
  email: "e-mailadres",
  contactEmail: "e-mailadres van de contactpersoon",
  website: "website",
  url: "webpagina",
  status: "status",
  minimumAge: "leeftijd vanaf",
  maximumAge: "leeftijd tot en met",
  lastCheckedOn: "datum van controle",
  lastCheckedBy: "naam van wie controleerde",
  wmoDesk: "Wmo-loket (ja of nee)",
  contactName: "naam van de contactpersoon",
  description: "beschrijving",
  schedule: "openingstijden",
  languages: "talen",
};

function quoted(v: string): string {
  return v ? ` "${v}"` : "";
}

/** What the import did with it, in plain Dutch. */
export function problemText(p: HsdsProblem): string {
  const words = fieldWords[p.field] ?? (fieldLabel[p.field] ?? p.field).toLowerCase();
  if (p.field === "id" && p.rule === "duplicate") return `dit nummer (id) staat al eerder in het bestand, overgeslagen`;
  if (p.field === "organizationId") return "hoort bij een organisatie die niet in het bestand staat, overgeslagen";
  if (p.field === "name" && p.rule === "formula_start") return "naam begint met =, +, - of @, overgeslagen";
  if (p.field === "name") return "geen naam, overgeslagen";
  if (p.field === "field") return `onbekend gegeven${quoted(p.value)}, niet overgenomen`;
  if (p.field === "language" && p.action === "converted") return `taal alleen als code${quoted(p.value)}, als naam overgenomen`;
  if (p.field === "language") return `taalcode${quoted(p.value)} onbekend, overgeslagen`;
  if (p.field === "topics") return `onderwerp${quoted(p.value)} past niet bij de onderwerpen van Buurtpunt, niet overgenomen`;
  if (p.field === "contacts") return `nog een contactpersoon${quoted(p.value)}, niet overgenomen (Buurtpunt bewaart er één)`;
  if (p.field === "address" && p.action === "dropped") return `plaats${quoted(p.value)} zonder adres, niet overgenomen`;
  if (p.field === "address") return `adres${quoted(p.value)} niet compleet of niet leesbaar, overgeslagen`;
  if (p.field.startsWith("locations.")) return "adres niet compleet of niet leesbaar, overgeslagen";
  if (p.action === "record_skipped") return `${words}: ${fieldText({ field: p.field, rule: p.rule, max: p.max })} Overgeslagen.`;
  return `${words}${quoted(p.value)} niet leesbaar, overgeslagen`;
}
