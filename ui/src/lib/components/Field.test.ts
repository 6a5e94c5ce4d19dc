import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import ChoiceHarness from "../../test/ChoiceHarness.svelte";
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

describe("a choice field", () => {
  it("makes the select of the codes, in order, with their labels, bound to the value", async () => {
    render(ChoiceHarness, {});
    const select = screen.getByLabelText("Hoe dringend?") as HTMLSelectElement;
    expect(select.id).toBe("request-urgency");
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ["low", "Kan wachten"],
      ["normal", "Normaal"],
      ["high", "Dringend"],
    ]);
    expect(select.value).toBe("normal");
    await userEvent.selectOptions(select, "high");
    expect(screen.getByTestId("chosen").textContent).toBe("high");
  });
});
