// Limits of the core that the UI names before anything is sent (the minimum
// passphrase length, the most rows and the largest file of an import). The
// app asks once at its start; until the answer is there, or when asking
// failed, the texts leave the number out and the core's own check speaks.
import { api, type Limits } from "./api";

export const limits = $state<{ known: Limits | null }>({ known: null });

/** Ask the core (App.svelte, at the start). */
export async function loadLimits(): Promise<void> {
  try {
    limits.known = await api.limits();
  } catch {
    limits.known = null;
  }
}
