// A fictional volunteer load, for the tests of the load meter (lib) and of
// the volunteer screens.
import type { Load } from "../lib/api";

export function load(over: Partial<Load> = {}): Load {
  return {
    weekHours: 1, monthHours: 3, carerHours: 0, limitHours: 4, weekLoad: 1, monthLoad: 3, monthLimit: 17.14,
    hoursLeft: 3, openMatches: 1, limitMatches: null, level: "ok", heavyCarer: false, ...over,
  };
}
