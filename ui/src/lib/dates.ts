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
