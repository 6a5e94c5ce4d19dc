import { describe, expect, it } from "vitest";
import { fromIso, longDate, termEnd, toIso } from "./dates";

describe("dates", () => {
  it("reads Dutch dates and writes them back", () => {
    expect(toIso("2-3-2026")).toBe("2026-03-02");
    expect(fromIso("2026-03-02")).toBe("02-03-2026");
    expect(longDate("2027-12-01")).toBe("1 december 2027");
    expect(longDate("morgen")).toBe("morgen");
  });

  it("ends a term the day before the same date months later", () => {
    expect(termEnd("2026-12-02", 12)).toBe("2027-12-01");
    expect(termEnd("2026-08-31", 6)).toBe("2027-02-27");
    expect(termEnd("2026-01-01", 1)).toBe("2026-01-31");
    expect(termEnd("nee", 12)).toBe("");
  });
});
