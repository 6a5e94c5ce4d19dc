/** How late, in words: "1 dag te laat", "10 dagen te laat", "6 weken te laat". */
export function lateText(days: number): string {
  if (days >= 14) return `${Math.floor(days / 7)} weken te laat`;
  return days === 1 ? "1 dag te laat" : `${days} dagen te laat`;
}
