// Dutch words for the codes of signals (signalen).
import type { NoticerKind, PlaceKind, SignalOutcome, SignalStatus } from "../../lib/api";

export const noticerKindLabel: Record<NoticerKind, string> = {
  contact_person: "Een contactpersoon",
  volunteer: "Een vrijwilliger",
  anonymous: "Anoniem doorgegeven",
};

export const placeKindLabel: Record<PlaceKind, string> = {
  street: "Een straat",
  kern: "Een kern of wijk",
  village: "Het hele dorp",
};

export const signalStatusLabel: Record<SignalStatus, string> = {
  new: "Nieuw",
  discussed: "Besproken",
  taken_up: "Opgepakt",
  closed: "Afgesloten",
};

export const signalOutcomeLabel: Record<SignalOutcome, string> = {
  help_request: "Er is een hulpvraag van gemaakt",
  referral: "Doorverwezen naar een professional",
  collective: "Gezamenlijke actie in de straat of het dorp",
  passed_on: "Doorgegeven aan iemand buiten het buurtpunt",
  nothing_needed: "Niets nodig",
};

/** "3 nov." — short Dutch date for links ("Uit signaal van 3 nov."). */
export function shortDate(iso: string): string {
  const d = new Date(`${iso}T12:00:00`);
  return d.toLocaleDateString("nl-NL", { day: "numeric", month: "short" });
}
