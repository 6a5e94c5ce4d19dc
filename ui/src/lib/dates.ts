// Dates are typed the Dutch way (22-11-2026) and stored as ISO (2026-11-22).

/** `22-11-2026`, `2-3-2026`, `22/11/2026` or `2026-11-22` → `2026-11-22`.
 * Anything else is returned trimmed but unchanged, so the Rust side can
 * reject it with a field error (the user's text is never thrown away). */
export function toIso(text: string): string {
  const t = text.trim();
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (nl) return `${nl[3]}-${nl[2].padStart(2, "0")}-${nl[1].padStart(2, "0")}`;
  return t;
}

/** `2026-11-22` → `22-11-2026`; empty stays empty. */
export function fromIso(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** The last day of a term of `months` months from `iso` (`YYYY-MM-DD`):
 * 2026-12-02 + 12 → 2027-12-01. Empty for a date that is not ISO. */
export function termEnd(iso: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return "";
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1 + months, Number(m[3])];
  // The same day `months` later (or the month's last day), minus one day.
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(y, mo, Math.min(d, last)) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

const MONTHS = [
  "januari", "februari", "maart", "april", "mei", "juni",
  "juli", "augustus", "september", "oktober", "november", "december",
];

/** `2027-12-01` → `1 december 2027` (to read aloud); anything else unchanged. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}
