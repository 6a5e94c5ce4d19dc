import type { Channel } from "./api";
// Which screen is shown while the help point is open. One tiny store, no router.

export type Route =
  | { screen: "today" }
  | { screen: "requests" }
  | { screen: "phone-note" }
  // `refer`: open the referral form at once (a signal made into a referral).
  | { screen: "request"; id: number; refer?: boolean }
  // `chosen`: a resident just made with "Nieuwe bewoner toevoegen" (see `back`).
  // `fromSignal`: the form opens with the facts of that signal, and saving links both;
  // with `refer` the referral form opens on the saved request.
  | { screen: "request-new"; residentId?: number; channel?: Channel; chosen?: number; fromSignal?: number; refer?: boolean }
  | { screen: "request-edit"; id: number; chosen?: number }
  | { screen: "residents" }
  | { screen: "resident"; id: number }
  // `back`: the request form that asked for this new resident; saving or
  // cancelling goes back there (with the new resident as `chosen`).
  | { screen: "resident-new"; back?: RequestFormRoute }
  | { screen: "resident-edit"; id: number }
  | { screen: "volunteers" }
  // Without `residentId`: someone not in Buurtpunt yet (made as a resident too).
  | { screen: "volunteer-new"; residentId?: number }
  | { screen: "volunteer-edit"; id: number }
  | { screen: "import" }
  | { screen: "social-map"; needsCheck?: boolean }
  | { screen: "organisation"; id: number }
  | { screen: "organisation-new" }
  | { screen: "organisation-edit"; id: number }
  | { screen: "settings" }
  | { screen: "wmo-desk" }
  | { screen: "report"; year?: number }
  // `breach`: the data breach form is open (a new one, or breach `id`);
  // `saved`: a breach was just saved (say so).
  | { screen: "privacy"; breach?: "new" | number; saved?: boolean }
  | { screen: "signals" }
  | { screen: "signal"; id: number }
  | { screen: "signal-new"; residentId?: number }
  | { screen: "signal-edit"; id: number };

export type RequestFormRoute = Extract<Route, { screen: "request-new" | "request-edit" }>;

export const nav = $state<{ route: Route }>({ route: { screen: "today" } });

/** Returns true when it holds the move (a form with changes asks first, and
 *  calls `proceed` when the user chose to go on). Set by lib/drafts.svelte.ts. */
type LeaveGuard = (proceed: () => void) => boolean;
let leaveGuard: LeaveGuard | null = null;

export function guardLeaving(guard: LeaveGuard | null): void {
  leaveGuard = guard;
}

export function go(route: Route): void {
  if (leaveGuard?.(() => show(route))) return;
  show(route);
}

/** Start on `route` without asking: for the moment no form is open (right
 *  after an unlock), so the screen of before the lock never shows again. */
export function startAt(route: Route): void {
  show(route);
}

function show(route: Route): void {
  nav.route = route;
  // Put keyboard focus on the new screen's heading for screen readers and keyboard users.
  queueMicrotask(() => {
    const h = document.querySelector<HTMLElement>("main h1");
    h?.focus();
  });
}
