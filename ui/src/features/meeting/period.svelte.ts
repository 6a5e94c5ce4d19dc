// The period the meeting looks at, shared by its screens (Resultaten and
// Signalen show the same months). Starts at this year.
import type { PeriodChoice } from "../../lib/api";

export const meetingPeriod = $state<{ choice: PeriodChoice }>({
  choice: { kind: "year", year: new Date().getFullYear() },
});
