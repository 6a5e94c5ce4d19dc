// Dutch words for the import: the fields a column can fill, and the problems
// of a row as a plain sentence.
import type { ImportField, ImportPreview, MappingProblem, RowProblem, SkippedRow } from "../../lib/api";
import { fieldText } from "../../lib/errors";
import { dutchInt } from "../../lib/numbers";

export const residentFields: { field: ImportField; label: string }[] = [
  { field: "firstName", label: "Voornaam" },
  { field: "infix", label: "Tussenvoegsel (van, de, van der)" },
  { field: "lastName", label: "Achternaam" },
  { field: "fullName", label: "Hele naam (voornaam en achternaam)" },
  { field: "address", label: "Adres (straat en huisnummer samen)" },
  { field: "street", label: "Straat" },
  { field: "houseNumber", label: "Huisnummer" },
  { field: "houseNumberAddition", label: "Toevoeging bij huisnummer" },
  { field: "postcode", label: "Postcode" },
  { field: "kern", label: "Kern of wijk" },
  { field: "phone", label: "Telefoon" },
  { field: "email", label: "E-mail" },
  { field: "birthDate", label: "Geboortedatum" },
  { field: "notes", label: "Notities" },
];

export const volunteerFields: { field: ImportField; label: string }[] = [
  { field: "isVolunteer", label: "Is vrijwilliger (ja of nee)" },
  { field: "status", label: "Status als vrijwilliger" },
  { field: "skills", label: "Vaardigheden" },
  { field: "limitHours", label: "Uren per week" },
  { field: "mobility", label: "Vervoer (auto, fiets, te voet)" },
  { field: "vogOn", label: "Datum VOG" },
  { field: "carerHours", label: "Uren mantelzorg per week" },
  { field: "consentOn", label: "Datum toestemming" },
];

const labels = new Map<string, string>([...residentFields, ...volunteerFields].map((f) => [f.field, f.label]));

/** The Dutch name of a field (or the code itself for a field the import leaves empty). */
export function fieldLabel(field: string): string {
  return labels.get(field) ?? field;
}

/** What is wrong in one cell, in plain Dutch. */
export function problemText(p: RowProblem): string {
  if (p.rule === "choice") {
    switch (p.field) {
      case "isVolunteer":
        return "Schrijf ja of nee.";
      case "status":
        return "Schrijf actief, aanmelding, pauze of gestopt.";
      case "mobility":
        return "Schrijf auto, fiets of te voet (of een paar daarvan, met komma's ertussen).";
    }
  }
  if (p.rule === "required" && !p.value) return "Dit is leeg. Vul het in.";
  return fieldText({ field: p.field, rule: p.rule, max: p.max });
}

/** A mapping problem as a sentence. */
export function mappingText(p: MappingProblem): string {
  const name = fieldLabel(p.field);
  if (p.issue === "twice") return `Twee kolommen zijn gekozen voor ${name}. Kies er één.`;
  return `Kies welke kolom de ${name.toLowerCase()} heeft (of kies Hele naam).`;
}

/** Why a row is left out. */
export function skippedText(s: SkippedRow): string {
  if (s.addsVolunteer) return "staat al in Buurtpunt en wordt nu ook vrijwilliger";
  if (s.earlierRow !== null && s.existingId === null) return `staat al in rij ${s.earlierRow}`;
  return "staat al in Buurtpunt (zelfde naam en adres)";
}

/** How the file was read, for the line above the mapping. */
export function readAs(p: ImportPreview): string {
  if (p.kind === "workbook") return p.sheets.length > 1 ? `Werkblad ${p.sheet}` : "Excel-bestand";
  const sep = p.separator === ";" ? "puntkomma" : p.separator === "," ? "komma" : "tab";
  return `CSV-bestand, kolommen gescheiden door ${sep}`;
}

/** 10000 → "10.000". */
export function number(n: number): string {
  return dutchInt(n);
}

/** "42 bewoners en 12 vrijwilligers", leaving out a part that is zero. */
export function added(residents: number, volunteers: number): string {
  const r = `${number(residents)} ${residents === 1 ? "bewoner" : "bewoners"}`;
  const v = `${number(volunteers)} ${volunteers === 1 ? "vrijwilliger" : "vrijwilligers"}`;
  if (volunteers === 0) return r;
  if (residents === 0) return v;
  return `${r} en ${v}`;
}
