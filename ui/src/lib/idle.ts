// Auto-lock: call `onIdle` when there was no key press, click or mouse move on
// `target` for `minutes`. The clock is checked every few seconds, so time the
// computer spent asleep counts too. Returns a function that stops watching.
export const IDLE_CHECK_MS = 5_000;
const ACTIVITY = ["keydown", "pointerdown", "pointermove"] as const;

// `limitMs`, when given, is asked at every check (see `testIdleMs`).
export function watchIdle(
  minutes: number,
  onIdle: () => void,
  target: EventTarget = window,
  limitMs: () => number = () => minutes * 60_000,
): () => void {
  if (!(minutes > 0)) return () => {};
  let last = Date.now();
  const activity = () => {
    last = Date.now();
  };
  for (const name of ACTIVITY) target.addEventListener(name, activity, { passive: true });
  const timer = setInterval(() => {
    if (Date.now() - last >= limitMs()) onIdle();
  }, IDLE_CHECK_MS);
  return () => {
    clearInterval(timer);
    for (const name of ACTIVITY) target.removeEventListener(name, activity);
  };
}

declare global {
  interface Window {
    __buurtpuntTestIdleSeconds?: number;
  }
}

/** Tests of the built app only: the idle time in ms that a WebDriver test set
 *  in `window.__buurtpuntTestIdleSeconds`, honoured only in test mode (a debug
 *  build started with `--test-files`, see src-tauri/src/files.rs); otherwise null.
 *  A user cannot reach it: release builds have no test mode. */
export function testIdleMs(testMode: boolean): number | null {
  const seconds = window.__buurtpuntTestIdleSeconds;
  return testMode && typeof seconds === "number" && seconds > 0 ? seconds * 1000 : null;
}
