// Words of the privacy rights screens (B1 Dutch).
import type { PrivacyRequest, PrivacyRequestKind } from "../../lib/api";
import { dutchDate } from "../../lib/labels";

export const kindLabel: Record<PrivacyRequestKind, string> = {
  inzage: "Inzage: wil weten wat wij over hem of haar bewaren",
  correctie: "Correctie: iets klopt niet en moet anders",
  wissen: "Wissen: wil dat wij alles over hem of haar wissen",
};

export const kindShort: Record<PrivacyRequestKind, string> = {
  inzage: "Inzage",
  correctie: "Correctie",
  wissen: "Wissen",
};

/** "Uiterlijk 22 december 2026 (nog 30 dagen)" / "… (3 dagen te laat)". */
export function deadlineText(r: PrivacyRequest): string {
  const when = `Uiterlijk ${dutchDate(r.deadlineOn)}`;
  if (r.daysLeft < 0) return `${when} (${-r.daysLeft} ${r.daysLeft === -1 ? "dag" : "dagen"} te laat)`;
  if (r.daysLeft === 0) return `${when} (vandaag)`;
  return `${when} (nog ${r.daysLeft} ${r.daysLeft === 1 ? "dag" : "dagen"})`;
}
