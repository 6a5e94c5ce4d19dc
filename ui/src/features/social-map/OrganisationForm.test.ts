import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend } from "../../test/ipc";
import OrganisationForm from "./OrganisationForm.svelte";

describe("organisation form", () => {
  it("shows Dutch errors next to the fields and keeps what was typed", async () => {
    const calls = fakeBackend({
      create_organisation: () => {
        throw failure("invalid_input", [
          { field: "email", rule: "email" },
          { field: "website", rule: "url" },
        ]);
      },
    });
    render(OrganisationForm, {});
    const name = (await screen.findByLabelText("Naam")) as HTMLInputElement;
    await userEvent.type(name, "Buurthuis Zoë");
    await userEvent.type(screen.getByLabelText("E-mail"), "info@");
    await userEvent.type(screen.getByLabelText("Website"), "buurthuis");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));

    expect((await screen.findByText(/naam@voorbeeld\.nl/)).id).toBe("org-email-error");
    expect(screen.getByText(/www\.voorbeeld\.nl\./).id).toBe("org-website-error");
    expect(screen.getByLabelText("E-mail")).toHaveAttribute("aria-invalid", "true");
    expect(name.value).toBe("Buurthuis Zoë");
    expect((screen.getByLabelText("Website") as HTMLInputElement).value).toBe("buurthuis");
    const sent = calls.find((c) => c.cmd === "create_organisation")?.args.input;
    expect(sent).toMatchObject({ name: "Buurthuis Zoë", email: "info@", website: "buurthuis" });
  });
});
