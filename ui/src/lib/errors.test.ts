import { describe, expect, it } from "vitest";
import { ApiError, toApiError } from "./api";
import { errorText, fieldErrors, fieldText } from "./errors";
import { dutchDecimal, dutchInt } from "./numbers";

describe("error mapping", () => {
  it("turns a wrong passphrase into a Dutch sentence", () => {
    const e = toApiError({ code: "wrong_passphrase", message: "wrong passphrase", fields: [], ids: [] });
    expect(errorText(e)).toContain("Dit wachtwoord klopt niet");
  });

  it("never shows the technical message for an unknown code", () => {
    const e = toApiError({ code: "something_new", message: "SQLITE_BUSY at line 3", fields: [], ids: [] });
    expect(errorText(e)).not.toContain("SQLITE");
    expect(errorText(e)).toContain("Er ging iets mis");
  });

  it("names the limits the payload gives, the Dutch way, and says it without a number when there is none", () => {
    const e = (code: "import_too_many_rows" | "import_file_too_large" | "weak_passphrase", limit: number | null) =>
      toApiError({ code, message: "", fields: [], ids: [], limit });
    expect(errorText(e("import_too_many_rows", 20000))).toBe(
      "Dit bestand heeft meer dan 20.000 rijen. Buurtpunt leest hoogstens 20.000 rijen tegelijk. Verdeel de rijen over een paar kleinere bestanden.",
    );
    expect(errorText(e("import_file_too_large", 50))).toContain("(meer dan 50 MB)");
    expect(errorText(e("weak_passphrase", 12))).toContain("Kies minstens 12 tekens");
    for (const code of ["import_too_many_rows", "import_file_too_large", "weak_passphrase"] as const) {
      expect(errorText(e(code, null))).not.toMatch(/\d/);
    }
  });

  it("wraps a thrown string as an internal error", () => {
    const e = toApiError("kapot");
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe("internal");
  });

  it("maps field rules to Dutch, per field, first rule wins", () => {
    const e = toApiError({
      code: "invalid_input",
      message: "invalid",
      fields: [
        { field: "postcode", rule: "postcode", max: null },
        { field: "ask", rule: "too_long", max: 20000 },
        { field: "ask", rule: "required", max: null },
      ],
      ids: [],
    });
    const f = fieldErrors(e);
    expect(f.postcode).toContain("1234 AB");
    expect(f.ask).toBe("Dit is te lang. Gebruik hoogstens 20.000 tekens.");
    expect(Object.keys(f)).toHaveLength(2);
  });
});

describe("numbers in messages", () => {
  it("use a dot between thousands, the Dutch way", () => {
    expect(dutchInt(20000)).toBe("20.000");
    expect(dutchInt(999)).toBe("999");
    expect(dutchInt(1000)).toBe("1.000");
    expect(dutchInt(1234567)).toBe("1.234.567");
    expect(dutchInt(-4500)).toBe("-4.500");
  });

  it("use a comma before decimals and drop trailing zeros", () => {
    expect(dutchDecimal(1234.5)).toBe("1.234,5");
    expect(dutchDecimal(2)).toBe("2");
    expect(dutchDecimal(0.25)).toBe("0,25");
    expect(dutchDecimal(1.005, 1)).toBe("1");
    expect(dutchDecimal(-0.001)).toBe("0");
  });

  it("say the limit of a too long text in Dutch notation, and without a limit say to shorten it", () => {
    expect(fieldText({ field: "ask", rule: "too_long", max: 20000 })).toBe("Dit is te lang. Gebruik hoogstens 20.000 tekens.");
    expect(fieldText({ field: "name", rule: "too_long", max: 200 })).toBe("Dit is te lang. Gebruik hoogstens 200 tekens.");
    expect(fieldText({ field: "name", rule: "too_long", max: null })).toBe("Dit is te lang. Maak het korter.");
  });
});
