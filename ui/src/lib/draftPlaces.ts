// Where each form keeps its draft (the `context` of its form kind), and the
// screen that opens that form again for "Verder gaan".
import type { Channel, FormKind } from "./api";
import type { Route } from "./nav.svelte";

export const places = {
  /** A new request ("new", "wmo", "resident-5") or a change of request 42 ("edit-42"). */
  request: (p: { id?: number; residentId?: number; channel?: Channel; fromSignal?: number }): string =>
    p.id !== undefined
      ? `edit-${p.id}`
      : p.fromSignal !== undefined
        ? `signal-${p.fromSignal}`
        : p.residentId !== undefined
        ? `resident-${p.residentId}`
        : p.channel === "wmo_desk"
          ? "wmo"
          : "new",
  resident: (id?: number): string => (id !== undefined ? `edit-${id}` : "new"),
  volunteer: (p: { id?: number; residentId?: number }): string =>
    p.id !== undefined ? `edit-${p.id}` : `resident-${p.residentId ?? 0}`,
  /** On the resident's page, or on a referral of a request (its recipient filled in). */
  consent: (residentId: number, referral?: { requestId: number; id: number }): string =>
    referral ? `request-${referral.requestId}-referral-${referral.id}` : `resident-${residentId}`,
  /** A new referral of request 42, or a change of its referral 9. */
  referral: (requestId: number, referralId?: number): string =>
    referralId !== undefined ? `request-${requestId}-referral-${referralId}` : `request-${requestId}`,
  contactNote: (requestId: number): string => `request-${requestId}`,
  /** The foreword and notes of the annual report of a year ("year-2026"). */
  reportTexts: (year: number): string => `year-${year}`,
  /** A new data breach ("new") or a change of breach 3 ("edit-3"). */
  dataBreach: (id?: number): string => (id !== undefined ? `edit-${id}` : "new"),
  /** The phone note: one at a time. */
  phoneNote: (): string => "new",
  /** A new signal ("new", "resident-5") or a change of signal 12 ("edit-12"). */
  signal: (p: { id?: number; residentId?: number }): string =>
    p.id !== undefined ? `edit-${p.id}` : p.residentId !== undefined ? `resident-${p.residentId}` : "new",
};

/** The screen of a draft's form; null for a context this version does not know. */
export function placeRoute(kind: FormKind, context: string): Route | null {
  const num = (re: RegExp): number | null => {
    const m = re.exec(context);
    return m ? Number(m[1]) : null;
  };
  const edit = num(/^edit-(\d+)$/);
  const resident = num(/^resident-(\d+)$/);
  const request = num(/^request-(\d+)(?:-referral-\d+)?$/);
  const signal = num(/^signal-(\d+)$/);
  switch (kind) {
    case "request":
      if (context === "new") return { screen: "request-new" };
      if (context === "wmo") return { screen: "request-new", channel: "wmo_desk" };
      if (edit !== null) return { screen: "request-edit", id: edit };
      if (resident !== null) return { screen: "request-new", residentId: resident };
      if (signal !== null) return { screen: "request-new", fromSignal: signal };
      return null;
    case "resident":
      if (context === "new") return { screen: "resident-new" };
      return edit !== null ? { screen: "resident-edit", id: edit } : null;
    case "volunteer":
      if (edit !== null) return { screen: "volunteer-edit", id: edit };
      return resident !== null ? { screen: "volunteer-new", residentId: resident } : null;
    case "consent":
      if (resident !== null) return { screen: "resident", id: resident };
      return request !== null ? { screen: "request", id: request } : null;
    case "signal":
      if (context === "new") return { screen: "signal-new" };
      if (edit !== null) return { screen: "signal-edit", id: edit };
      return resident !== null ? { screen: "signal-new", residentId: resident } : null;
    case "referral":
    case "contact_note":
      return request !== null ? { screen: "request", id: request } : null;
    case "data_breach":
      if (context === "new") return { screen: "privacy", breach: "new" };
      return edit !== null ? { screen: "privacy", breach: edit } : null;
    case "report_texts": {
      const year = num(/^year-(\d{4})$/);
      return year !== null ? { screen: "report", year } : null;
    }
    default:
      return null;
  }
}

/** Keep labels short enough for the notice (and the store's limit). */
export function shortName(name: string, max = 80): string {
  const t = name.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
