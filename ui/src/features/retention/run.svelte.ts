// The anonymising run: one step (one transaction of about 500 requests) per
// call, so the window stays usable in between. The state lives here, not in
// the notice, so leaving Vandaag and coming back shows the same progress.
import { api, type RetentionNotice } from "../../lib/api";
import { errorText } from "../../lib/errors";

export const run = $state({
  notice: null as RetentionNotice | null,
  running: false,
  /** Dossiers done so far, of `total`. */
  done: 0,
  total: 0,
  finished: false,
  error: "",
});

/** Read what passed its term (also while Vandaag stays open). */
export async function loadNotice(): Promise<void> {
  if (run.running) return;
  try {
    run.notice = await api.retentionNotice();
    run.error = "";
  } catch (e) {
    run.error = errorText(e);
  }
}

/** Anonymise everything that passed its term, step by step. */
export async function anonymiseAll(): Promise<void> {
  if (run.running || !run.notice) return;
  run.running = true;
  run.finished = false;
  run.error = "";
  run.done = 0;
  run.total = run.notice.due.dossiers;
  let after = 0;
  try {
    for (;;) {
      const step = await api.anonymiseStep(after);
      run.done = Math.min(run.total, run.done + step.dossiers);
      after = step.after;
      if (step.finished) break;
      // Let the window draw and answer clicks between two steps.
      await new Promise((r) => setTimeout(r, 0));
    }
    run.finished = true;
  } catch (e) {
    run.error = errorText(e);
  } finally {
    run.running = false;
  }
  await loadNotice();
}

/** Forget the run (tests; a new help point). */
export function resetRun(): void {
  Object.assign(run, { notice: null, running: false, done: 0, total: 0, finished: false, error: "" });
}
