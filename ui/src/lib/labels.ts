// Dutch words for the codes the Rust side uses. Order = order in menus.
import { fromIso } from "./dates";
export const dutchDate = fromIso;
import { dutchDecimal, dutchInt } from "./numbers";
import type {
  AgeBand,
  AgendaStatus,
  FoundKind,
  AbsenceKind,
  Channel,
  CloseKind,
  ConsentHow,
  DataCategory,
  GivenBy,
  Party,
  ProfessionalFlag,
  ReferralStatus,
  ContactPreference,
  LifeArea,
  LoadLevel,
  MatchStatus,
  Mobility,
  NetworkRole,
  Scope,
  Status,
  Urgency,
  VogState,
  VolunteerStatus,
} from "./api";

export const statusLabel: Record<Status, string> = {
  new: "Nieuw",
  in_progress: "In behandeling",
  matched: "Gekoppeld",
  done: "Afgerond",
  referred: "Doorverwezen",
  lapsed: "Vervallen",
};

export const channelLabel: Record<Channel, string> = {
  phone: "Telefoon",
  at_the_door: "Aan de deur",
  help_point: "Bij het dorpspunt",
  via_someone_else: "Via iemand anders",
  wmo_desk: "Wmo-loket",
};

export const lifeAreaLabel: Record<LifeArea, string> = {
  housing: "Wonen",
  transport: "Vervoer",
  social_contact: "Sociaal contact",
  health: "Gezondheid",
  money_and_admin: "Geld en administratie",
  household: "Huishouden",
  garden_and_odd_jobs: "Tuin en klussen",
  other: "Anders",
};

export const urgencyLabel: Record<Urgency, string> = {
  low: "Kan wachten",
  normal: "Normaal",
  high: "Dringend",
};

export const scopeLabel: Record<Scope, string> = {
  individual: "Voor één persoon",
  street: "Voor een straat of buurt",
  village: "Voor het hele dorp",
};

export const contactPreferenceLabel: Record<ContactPreference, string> = {
  phone: "Telefoon",
  email: "E-mail",
  at_the_door: "Langs gaan",
  via_proxy: "Via de contactpersoon",
};

export const networkRoleLabel: Record<NetworkRole, string> = {
  informal_carer: "Mantelzorger",
  family: "Familie",
  neighbour: "Buur",
  friend: "Vriend(in)",
  other: "Anders",
};

export const volunteerStatusLabel: Record<VolunteerStatus, string> = {
  applied: "Aanmelding",
  active: "Actief",
  paused: "Pauze",
  stopped: "Gestopt",
};

export const mobilityLabel: Record<Mobility, string> = {
  car: "Auto",
  bike: "Fiets",
  on_foot: "Lopend",
};

export const absenceKindLabel: Record<AbsenceKind, string> = {
  holiday: "Vakantie",
  illness: "Ziek",
  other: "Anders",
};

/** A volunteer's status as a sentence ("Neemt even pauze"). */
export const volunteerStatusSentence: Record<VolunteerStatus, string> = {
  applied: "Heeft zich aangemeld, nog niet kennisgemaakt",
  active: "Doet actief mee",
  paused: "Neemt even pauze",
  stopped: "Is gestopt",
};

export const vogStateLabel: Record<VogState, string> = {
  missing: "Geen VOG",
  valid: "VOG geldig",
  expiring: "VOG verloopt binnenkort",
  expired: "VOG verlopen",
};

export const matchStatusLabel: Record<MatchStatus, string> = {
  proposed: "Voorgesteld",
  agreed: "Akkoord",
  active: "Bezig",
  done: "Klaar",
  cancelled: "Afgezegd",
};

export const loadLevelLabel: Record<LoadLevel, string> = {
  ok: "Ruimte genoeg",
  near: "Bijna aan de grens",
  at_limit: "Aan de grens",
  over: "Over de grens",
};

export const dayLabels = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
export const dayShort = ["ma", "di", "wo", "do", "vr", "za", "zo"];
export const partLabels = ["ochtend", "middag", "avond"];

/** The week-grid bit of a day (Monday = 0) and part (morning = 0). */
export function slotBit(day: number, part: number): number {
  return 2 ** (day * 3 + part);
}

/** "di-ochtend, do-middag" for a week-grid mask; empty for 0. */
export function slotsText(mask: number): string {
  const out: string[] = [];
  for (let d = 0; d < 7; d++) {
    for (let p = 0; p < 3; p++) {
      if (Math.floor(mask / slotBit(d, p)) % 2 === 1) out.push(`${dayShort[d]}-${partLabels[p]}`);
    }
  }
  return out.join(", ");
}

/** A number of hours in Dutch: "1,5 uur", "1 uur". */
export function hoursText(h: number): string {
  return `${dutchDecimal(h)} uur`;
}

export const professionalFlagLabel: Record<ProfessionalFlag, string> = {
  personal_care: "Persoonlijke verzorging",
  debts: "Schulden of geldzorgen",
  crisis: "Crisis",
  domestic_violence: "Huiselijk geweld",
  medical: "Medische vraag",
};

export const closeKindLabel: Record<CloseKind, string> = {
  need_met: "De vraag is beantwoord",
  referred: "Doorverwezen naar een professional",
  no_capacity: "Geen vrijwilliger of ruimte",
  no_longer_needed: "Niet meer nodig",
  declined: "De bewoner wilde het niet",
  other: "Anders",
};

export const partyLabel: Record<Party, string> = {
  resident: "De bewoner",
  network: "Familie of buren",
  volunteer: "Een vrijwilliger",
  professional: "Een professional",
  help_point: "Het buurtpunt",
};

export const referralStatusLabel: Record<ReferralStatus, string> = {
  concept: "Concept",
  sent: "Verstuurd",
  received: "Ontvangen",
  answered: "Beantwoord",
  closed: "Afgerond",
};

export const givenByLabel: Record<GivenBy, string> = {
  resident: "De bewoner zelf",
  representative: "Een vertegenwoordiger",
};

export const consentHowLabel: Record<ConsentHow, string> = {
  oral: "Mondeling",
  written: "Schriftelijk",
};

export const dataCategoryLabel: Record<DataCategory, string> = {
  identity: "Naam en geboortedatum",
  contact: "Adres en contactgegevens",
  question: "De hulpvraag en de vraag achter de vraag",
  network: "Eigen kracht, netwerk en mantelzorg",
  help_so_far: "Wat al gedaan of geprobeerd is",
};

export function keys<K extends string>(r: Record<K, string>): K[] {
  return Object.keys(r) as K[];
}


/** Today as `YYYY-MM-DD` in local time. */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function countLabel(n: number, one: string, many: string): string {
  return `${dutchInt(n)} ${n === 1 ? one : many}`;
}

export const ageBandLabel: Record<AgeBand, string> = {
  under_30: "Jonger dan 30",
  "30_49": "30 tot 50 jaar",
  "50_64": "50 tot 65 jaar",
  "65_74": "65 tot 75 jaar",
  "75_84": "75 tot 85 jaar",
  "85_plus": "85 jaar of ouder",
  unknown: "Leeftijd onbekend",
};

export const agendaStatusLabel: Record<AgendaStatus, string> = {
  agenda: "Op de agenda",
  discussed: "Besproken",
  done: "Uitkomst verwerkt",
};

/** "(een naam uit de bewoners)" — what kind of personal data was found. */
export const foundKindLabel: Record<FoundKind, string> = {
  name: "een naam uit de bewoners",
  street: "een straat uit de adressen",
  phone: "een telefoonnummer uit de bewoners",
  email: "een e-mailadres uit de bewoners",
  postcode: "een postcode uit de adressen",
  birth_date: "een geboortedatum uit de bewoners",
};
