import { describe, expect, it } from "vitest";
import { ApiError, toApiError } from "./api";
import { errorText, fieldErrors } from "./errors";

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
    expect(f.ask).toContain("20000");
    expect(Object.keys(f)).toHaveLength(2);
  });
});
