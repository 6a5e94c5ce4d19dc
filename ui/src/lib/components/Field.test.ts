import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import FieldHarness from "../../test/FieldHarness.svelte";

const input = () => screen.getByLabelText("Telefoon") as HTMLInputElement;

describe("a form field", () => {
  it("labels its control and ties the hint and then the error to it", () => {
    render(FieldHarness, { hint: "Bijvoorbeeld 0591 123456", error: "Vul een telefoonnummer in." });
    expect(input().id).toBe("resident-phone");
    expect(input().getAttribute("aria-invalid")).toBe("true");
    expect(input().getAttribute("aria-describedby")).toBe("resident-phone-hint resident-phone-error");
    expect(document.getElementById("resident-phone-hint")?.textContent).toBe("Bijvoorbeeld 0591 123456");
    const error = document.getElementById("resident-phone-error");
    expect(error?.textContent).toBe("Vul een telefoonnummer in.");
    expect(error?.getAttribute("role")).toBe("alert");
  });

  it("names only what is there", async () => {
    const { rerender } = render(FieldHarness, { hint: "Bijvoorbeeld 0591 123456" });
    expect(input().getAttribute("aria-describedby")).toBe("resident-phone-hint");
    expect(input().hasAttribute("aria-invalid")).toBe(false);
    await rerender({ hint: "", error: "Vul een telefoonnummer in." });
    expect(input().getAttribute("aria-describedby")).toBe("resident-phone-error");
    expect(document.getElementById("resident-phone-hint")).toBeNull();
  });

  it("without hint or error the control has no description", () => {
    render(FieldHarness, {});
    expect(input().hasAttribute("aria-describedby")).toBe(false);
    expect(input().hasAttribute("aria-invalid")).toBe(false);
    expect(document.querySelector(".field-error")).toBeNull();
  });
});
