import type { Channel } from "./api";
// Which screen is shown while the help point is open. One tiny store, no router.

export type Route =
  | { screen: "today" }
  | { screen: "requests" }
  | { screen: "request"; id: number }
  | { screen: "request-new"; residentId?: number; channel?: Channel }
  | { screen: "request-edit"; id: number }
  | { screen: "residents" }
  | { screen: "resident"; id: number }
  | { screen: "resident-new" }
  | { screen: "resident-edit"; id: number }
  | { screen: "volunteers" }
  | { screen: "volunteer-new"; residentId: number }
  | { screen: "volunteer-edit"; id: number }
  | { screen: "import" }
  | { screen: "social-map"; needsCheck?: boolean }
  | { screen: "organisation"; id: number }
  | { screen: "organisation-new" }
  | { screen: "organisation-edit"; id: number }
  | { screen: "settings" };

export const nav = $state<{ route: Route }>({ route: { screen: "today" } });

export function go(route: Route): void {
  nav.route = route;
  // Put keyboard focus on the new screen's heading for screen readers and keyboard users.
  queueMicrotask(() => {
    const h = document.querySelector<HTMLElement>("main h1");
    h?.focus();
  });
}
