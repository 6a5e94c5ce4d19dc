import { describe, expect, it } from "vitest";
import type { Reason } from "../../lib/api";
import { reasonText } from "./reasons";

describe("reasonText", () => {
  it("says why in plain Dutch, with Dutch numbers and dates", () => {
    expect(reasonText({ kind: "hours_left", hours: 2.5 })).toBe("Heeft deze week nog 2,5 uur");
    expect(reasonText({ kind: "same_kern", kern: "Lindeloo" })).toBe("Woont in dezelfde kern (Lindeloo)");
    expect(reasonText({ kind: "helped_before", resident: "Anna de Vries" })).toBe("Hielp Anna de Vries eerder");
    expect(reasonText({ kind: "absent", until: "2026-12-03", absence: "holiday" })).toBe(
      "Afwezig tot en met 03-12-2026 (vakantie)",
    );
    expect(reasonText({ kind: "at_limit", load: 4, limit: 4, carerHours: 0 })).toBe("Aan de grens: 4 van 4 uur deze week");
    expect(reasonText({ kind: "at_limit", load: 5.5, limit: 4, carerHours: 0 })).toBe("Over de grens: 5,5 van 4 uur deze week");
    expect(reasonText({ kind: "at_limit", load: 9, limit: 8, carerHours: 6 })).toBe(
      "Over de grens: 9 van 8 uur deze week (waarvan 6 uur mantelzorg)",
    );
    expect(reasonText({ kind: "status", status: "paused" })).toBe("Neemt even pauze");
    expect(reasonText({ kind: "month_near_limit", load: 13, limit: 17.14 })).toBe(
      "Deze maand bijna aan de grens: 13 van 17,14 uur",
    );
    expect(reasonText({ kind: "away_part", from: "2026-11-24", until: "2026-12-10", absence: "holiday" })).toBe(
      "Een deel van de tijd afwezig: 24-11-2026 tot en met 10-12-2026 (vakantie)",
    );
  });

  it("has a sentence for every kind of reason", () => {
    const all: Reason[] = [
      { kind: "has_skill", skill: "Klussen" }, { kind: "fits_life_area", area: "transport" },
      { kind: "same_kern", kern: "A" }, { kind: "serves_kern", kern: "A" }, { kind: "other_kern", kern: "A" },
      { kind: "has_car" }, { kind: "no_car" }, { kind: "available_at_wanted_time" }, { kind: "not_at_wanted_time" },
      { kind: "hours_left", hours: 1 }, { kind: "near_limit", load: 3, limit: 4, carerHours: 1 },
      { kind: "would_pass_limit", left: 1, estimate: 2 }, { kind: "heavy_carer", hours: 10 },
      { kind: "helped_before", resident: "X" }, { kind: "never_asked" }, { kind: "not_asked_since", date: "2026-01-01" },
      { kind: "valid_vog" }, { kind: "vog_expiring", until: null }, { kind: "status", status: "paused" },
      { kind: "absent", until: "2026-01-01", absence: "illness" }, { kind: "at_limit", load: 4, limit: 4, carerHours: 0 },
      { kind: "matches_full", open: 2, limit: 2 }, { kind: "refuses_task", skill: "Tuin" }, { kind: "vog_missing" },
      { kind: "vog_expired", until: "2025-01-01" }, { kind: "month_near_limit", load: 13, limit: 17.14 },
      { kind: "matches_near", open: 1, limit: 2 },
      { kind: "away_part", from: "2026-11-24", until: "2026-12-10", absence: "holiday" },
    ];
    for (const r of all) expect(reasonText(r).length).toBeGreaterThan(5);
  });
});
