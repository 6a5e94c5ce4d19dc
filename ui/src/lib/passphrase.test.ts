import { describe, expect, it } from "vitest";
import { limits } from "./limits.svelte";
import { checkNewPassphrase } from "./passphrase";

describe("the quick check of a new passphrase", () => {
  it("uses the minimum the core gave, in Dutch notation", () => {
    limits.known = { minPassphrase: 12, importMaxRows: 20000, importMaxMb: 50 };
    expect(checkNewPassphrase("elf tekens!", "elf tekens!").error).toBe(
      "Dit wachtwoord is te kort. Kies minstens 12 tekens, bijvoorbeeld een korte zin.",
    );
    expect(checkNewPassphrase("twaalf teken", "twaalf teken")).toEqual({ error: "", repeatError: "" });
  });

  it("leaves the length to the core while its minimum is unknown, but still compares the two", () => {
    limits.known = null;
    expect(checkNewPassphrase("kort", "kort")).toEqual({ error: "", repeatError: "" });
    expect(checkNewPassphrase("kort", "anders").repeatError).toContain("niet hetzelfde");
  });
});
