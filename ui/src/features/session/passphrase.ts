// Client-side check of a new passphrase; the Rust side checks again.
export const MIN_PASSPHRASE = 10;

export type PassphraseProblems = { error: string; repeatError: string };

export function checkNewPassphrase(value: string, repeat: string): PassphraseProblems {
  if ([...value].length < MIN_PASSPHRASE) {
    return {
      error: `Dit wachtwoord is te kort. Kies minstens ${MIN_PASSPHRASE} tekens, bijvoorbeeld een korte zin.`,
      repeatError: "",
    };
  }
  if (value !== repeat) {
    return { error: "", repeatError: "De twee wachtwoorden zijn niet hetzelfde. Typ ze nog een keer." };
  }
  return { error: "", repeatError: "" };
}
