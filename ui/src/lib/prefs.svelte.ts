// Preferences of this computer (not of the help point): kept in localStorage.

const KEY = "buurtpunt.largeText";

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return false; // storage unavailable: default size
  }
}

export const largeText = $state({ on: read() });

export function setLargeText(on: boolean): void {
  largeText.on = on;
  try {
    localStorage.setItem(KEY, on ? "1" : "0");
  } catch {
    // Storage unavailable: the setting lasts for this session only.
  }
}
