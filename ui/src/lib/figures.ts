// How a cell of the group's results reads: counts the Dutch way, amounts
// with their unit, suppressed numbers as "< 5" or "x".
import type { Cell } from "./api";
import { dutchDecimal, dutchInt } from "./numbers";

export function cellText(cell: Cell, threshold: number): string {
  switch (cell.kind) {
    case "count":
      return dutchInt(cell.n);
    case "amount":
      switch (cell.unit) {
        case "hours":
          return `${dutchDecimal(cell.value, 1)} uur`;
        case "euros":
          return `€ ${dutchInt(Math.round(cell.value))}`;
        case "days":
          return cell.value === 1 ? "1 dag" : `${dutchDecimal(cell.value, 1)} dagen`;
        case "percent":
          return `${dutchDecimal(cell.value, 0)}%`;
      }
      return dutchDecimal(cell.value, 1);
    case "small":
      return `< ${threshold}`;
    case "hidden":
      return "x";
    case "empty":
      return "–";
  }
}

/** What a screen reader says for a cell that shows no number. */
export function cellTitle(cell: Cell, threshold: number): string | undefined {
  if (cell.kind === "small") return `minder dan ${threshold}`;
  if (cell.kind === "hidden") return "verborgen, anders is een klein aantal terug te rekenen";
  if (cell.kind === "empty") return "geen gegevens";
  return undefined;
}
