// Dutch words for the codes the Rust side uses. Order = order in menus.
import { fromIso } from "./dates";
export const dutchDate = fromIso;
import type {
  Channel,
  ContactPreference,
  LifeArea,
  NetworkRole,
  Scope,
  Status,
  Urgency,
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

/** Status moves the Rust side allows (mirror of `Status::can_become`). */
export const statusMoves: Record<Status, Status[]> = {
  new: ["in_progress", "matched", "referred", "lapsed", "done"],
  in_progress: ["matched", "done", "referred", "lapsed"],
  matched: ["in_progress", "done", "referred", "lapsed"],
  done: ["in_progress"],
  referred: ["in_progress"],
  lapsed: ["in_progress"],
};

/** Closing statuses need a reason. */
export const closing: Status[] = ["done", "referred", "lapsed"];

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
  return `${n} ${n === 1 ? one : many}`;
}
