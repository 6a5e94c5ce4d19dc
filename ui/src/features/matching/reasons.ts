// Matching reasons from Rust (computed, typed) → short Dutch sentences.
import type { LifeArea, Reason } from "../../lib/api";
import { dutchDate, lifeAreaLabel, volunteerStatusSentence, absenceKindLabel } from "../../lib/labels";

function n(v: number): string {
  return String(Math.round(v * 100) / 100).replace(".", ",");
}

/** " (waarvan 6 uur mantelzorg)" when care is part of the week's load. */
function care(hours: number): string {
  return hours > 0 ? ` (waarvan ${n(hours)} uur mantelzorg)` : "";
}

/** Why a request with no task still needs a VOG. */
export function vogAreasText(areas: LifeArea[]): string {
  const names = areas.map((a) => `"${lifeAreaLabel[a]}"`).join(" en ");
  return `Zolang er geen taak is gekozen, geldt de VOG-regel van ${names}: daar hoort een taak bij waarvoor een VOG nodig is.`;
}

export function reasonText(r: Reason): string {
  switch (r.kind) {
    case "has_skill":
      return `Heeft als talent: ${r.skill}`;
    case "fits_life_area":
      return `Helpt bij ${lifeAreaLabel[r.area].toLowerCase()}`;
    case "same_kern":
      return `Woont in dezelfde kern (${r.kern})`;
    case "serves_kern":
      return `Komt ook in ${r.kern}`;
    case "other_kern":
      return `Woont in een andere kern${r.kern ? ` (${r.kern})` : ""}`;
    case "has_car":
      return "Heeft een auto";
    case "no_car":
      return "Heeft geen auto, en de vraag gaat over vervoer";
    case "available_at_wanted_time":
      return "Kan op de gevraagde tijd";
    case "not_at_wanted_time":
      return "Kan meestal niet op de gevraagde tijd";
    case "hours_left":
      return `Heeft deze week nog ${n(r.hours)} uur`;
    case "near_limit":
      return `Bijna aan de grens: ${n(r.load)} van ${n(r.limit)} uur deze week${care(r.carerHours)}`;
    case "month_near_limit":
      return `Deze maand bijna aan de grens: ${n(r.load)} van ${n(r.limit)} uur`;
    case "matches_near":
      return `Heeft al ${r.open} van ${r.limit} koppelingen tegelijk; dit wordt de laatste`;
    case "away_part":
      return `Een deel van de tijd afwezig: ${dutchDate(r.from)} tot en met ${dutchDate(r.until)} (${absenceKindLabel[r.absence].toLowerCase()})`;
    case "would_pass_limit":
      return `Deze hulp (${n(r.estimate)} uur) is meer dan de ${n(r.left)} uur die nog over is`;
    case "heavy_carer":
      return `Is zelf mantelzorger, ${n(r.hours)} uur per week`;
    case "helped_before":
      return `Hielp ${r.resident} eerder`;
    case "never_asked":
      return "Is nog nooit gevraagd";
    case "not_asked_since":
      return `Lang niet gevraagd (laatst op ${dutchDate(r.date)})`;
    case "valid_vog":
      return "Heeft een geldige VOG";
    case "vog_expiring":
      return `VOG verloopt${r.until ? ` op ${dutchDate(r.until)}` : " binnenkort"}`;
    case "status":
      return volunteerStatusSentence[r.status];
    case "absent":
      return `Afwezig tot en met ${dutchDate(r.until)} (${absenceKindLabel[r.absence].toLowerCase()})`;
    case "at_limit":
      return `${r.load > r.limit + 0.005 ? "Over" : "Aan"} de grens: ${n(r.load)} van ${n(r.limit)} uur deze week${care(r.carerHours)}`;
    case "matches_full":
      return `Heeft al ${r.open} van ${r.limit} koppelingen tegelijk`;
    case "refuses_task":
      return `Wil dit liever niet doen: ${r.skill}`;
    case "vog_missing":
      return "Heeft geen VOG, en die is nodig";
    case "vog_expired":
      return `VOG is verlopen${r.until ? ` (op ${dutchDate(r.until)})` : ""}`;
  }
}
