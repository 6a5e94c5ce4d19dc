// Plain-Dutch texts for volunteer facts (week grid, numbers, lists).
import { dayLabels, partLabels, slotBit } from "../../lib/labels";

/** One line per day with its parts: "maandag: ochtend en middag". */
export function availabilityLines(mask: number): string[] {
  const out: string[] = [];
  for (let d = 0; d < 7; d++) {
    const parts = partLabels.filter((_, p) => Math.floor(mask / slotBit(d, p)) % 2 === 1);
    if (parts.length === 3) out.push(`${dayLabels[d]}: de hele dag`);
    else if (parts.length > 0) out.push(`${dayLabels[d]}: ${andList(parts)}`);
  }
  return out;
}

/** "a", "a en b", "a, b en c". */
export function andList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}`;
}

/** A number the Dutch way: 2.5 → "2,5". */
export function dutchNumber(n: number): string {
  return String(Math.round(n * 100) / 100).replace(".", ",");
}

/** "spreekt Fries, heeft aanhanger" → ["spreekt Fries", "heeft aanhanger"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** Whether an ISO date lies on or before another (both `YYYY-MM-DD`). */
export function onOrBefore(iso: string | null | undefined, today: string): boolean {
  return !!iso && iso <= today;
}
