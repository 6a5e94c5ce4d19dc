import { describe, expect, it } from "vitest";
import { count, dutchInt as dutch } from "./numbers";

describe("Dutch numbers", () => {
  it("puts a dot between thousands", () => {
    expect(dutch(0)).toBe("0");
    expect(dutch(999)).toBe("999");
    expect(dutch(20000)).toBe("20.000");
    expect(dutch(1234567)).toBe("1.234.567");
    expect(dutch(-4500)).toBe("-4.500");
  });

  it("counts with the right word", () => {
    expect(count(1, "bewoner", "bewoners")).toBe("1 bewoner");
    expect(count(0, "bewoner", "bewoners")).toBe("0 bewoners");
    expect(count(1204, "hulpvraag", "hulpvragen")).toBe("1.204 hulpvragen");
  });
});
