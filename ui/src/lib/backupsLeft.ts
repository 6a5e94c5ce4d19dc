// What the backups on this computer still hold after data is anonymised or
// erased, said plainly (the retention notice and the erase dialog).
import type { BackupsLeft } from "./api";
import { longDate } from "./dates";
import { count } from "./numbers";

export function backupText(b: BackupsLeft): string {
  const parts: string[] = [];
  if (b.daily > 0 && b.lastGoneOn) {
    parts.push(
      `Oudere gegevens staan nog in ${count(b.daily, "reservekopie", "reservekopieën")} op deze computer; ` +
        `de laatste daarvan verdwijnt uiterlijk op ${longDate(b.lastGoneOn)} (als Buurtpunt elke dag gebruikt wordt).`,
    );
  }
  if (b.beforeUpdate > 0) {
    parts.push(
      `Ook ${count(b.beforeUpdate, "reservekopie", "reservekopieën")} van vóór een update ${b.beforeUpdate === 1 ? "bevat" : "bevatten"} ` +
        "nog oudere gegevens; die verdwijnen na drie nieuwe updates.",
    );
  }
  parts.push("Reservekopieën die u zelf op een USB-stick hebt gezet, moet u zelf weggooien.");
  return parts.join(" ");
}
