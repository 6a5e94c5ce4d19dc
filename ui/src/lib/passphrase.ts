// A quick check of a new passphrase before it is sent, with the core's own
// minimum (see limits.svelte.ts); the core checks again.
import { limits } from "./limits.svelte";
import { dutchInt } from "./numbers";

export type PassphraseProblems = { error: string; repeatError: string };

export function checkNewPassphrase(value: string, repeat: string): PassphraseProblems {
  const min = limits.known?.minPassphrase;
  if (min !== undefined && [...value].length < min) {
    return {
      error: `Dit wachtwoord is te kort. Kies minstens ${dutchInt(min)} tekens, bijvoorbeeld een korte zin.`,
      repeatError: "",
    };
  }
  if (value !== repeat) {
    return { error: "", repeatError: "De twee wachtwoorden zijn niet hetzelfde. Typ ze nog een keer." };
  }
  return { error: "", repeatError: "" };
}
