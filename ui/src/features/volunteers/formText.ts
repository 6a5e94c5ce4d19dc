// The volunteer form's own words for field errors, where the general text
// ("Maak een keuze.", "Vul een getal in") would not say what to do.
import { ApiError } from "../../lib/api";
import { fieldText } from "../../lib/errors";

const specific: Record<string, string> = {
  refused: "Een taak staat nu bij 'doet graag' én bij 'wil niet'. Haal één van de twee vinkjes weg.",
  skills: "Een gekozen talent bestaat niet meer. Open dit scherm opnieuw.",
  availability: "Kies dagdelen in het rooster.",
  limitHours: "Vul een aantal uren per week in van 0,5 tot en met 40, zoals 4 of 2,5. Of laat het leeg.",
  limitMatches: "Vul een heel getal in van 1 tot en met 50, zoals 2. Of laat het leeg.",
  carerHours: "Vul een aantal uren per week in, zoals 6 of 10,5.",
};

/** Field → Dutch message, with clearer words for this form's numbers and choices. */
export function volunteerFieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const f of e.payload.fields) {
    if (f.field in out) continue;
    const own = (f.rule === "choice" || f.rule === "number") && f.field in specific;
    out[f.field] = own ? specific[f.field] : fieldText(f);
  }
  return out;
}
