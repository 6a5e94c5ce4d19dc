// Auto-lock: call `onIdle` when there was no key press, click or mouse move on
// `target` for `minutes`. The clock is checked every few seconds, so time the
// computer spent asleep counts too. Returns a function that stops watching.
export const IDLE_CHECK_MS = 5_000;
const ACTIVITY = ["keydown", "pointerdown", "pointermove"] as const;

export function watchIdle(minutes: number, onIdle: () => void, target: EventTarget = window): () => void {
  if (!(minutes > 0)) return () => {};
  let last = Date.now();
  const activity = () => {
    last = Date.now();
  };
  for (const name of ACTIVITY) target.addEventListener(name, activity, { passive: true });
  const timer = setInterval(() => {
    if (Date.now() - last >= minutes * 60_000) onIdle();
  }, IDLE_CHECK_MS);
  return () => {
    clearInterval(timer);
    for (const name of ACTIVITY) target.removeEventListener(name, activity);
  };
}
