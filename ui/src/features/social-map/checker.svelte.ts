// Who checked the last entry, so the next "Gecontroleerd" already has the
// name filled in (until the app closes).
export const checker = $state({ name: "" });
