import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend } from "../../test/ipc";
import { organisation } from "./testData";
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

  it("adds an address and sends it with the organisation; a wrong postcode is shown at its field", async () => {
    let tries = 0;
    const calls = fakeBackend({
      create_organisation: () => {
        tries += 1;
        if (tries === 1) throw failure("invalid_input", [{ field: "locations.0.postalCode", rule: "postcode" }]);
        return organisation({ id: 3 });
      },
    });
    render(OrganisationForm, {});
    await userEvent.type(await screen.findByLabelText("Naam"), "Repair Café");
    await userEvent.click(screen.getByRole("button", { name: "Adres toevoegen" }));
    await userEvent.type(screen.getByLabelText("Naam van de plek"), "Dorpshuis De Linde");
    await userEvent.type(screen.getByLabelText("Straat en huisnummer"), "Kerkstraat 4");
    await userEvent.type(screen.getByLabelText("Postcode"), "95");
    await userEvent.type(screen.getByLabelText("Plaats"), "Veenhoeve");
    await userEvent.selectOptions(screen.getByLabelText("Provincie"), "Drenthe");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect((await screen.findByText("Vul een postcode in zoals 1234 AB.")).id).toBe("org-address-0-postalCode-error");
    await userEvent.type(screen.getByLabelText("Postcode"), "42 CD");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    const sent = calls.filter((c) => c.cmd === "create_organisation").map((c) => c.args.input);
    expect(sent[1]).toMatchObject({
      name: "Repair Café",
      locations: [
        { id: null, name: "Dorpshuis De Linde", address1: "Kerkstraat 4", postalCode: "9542 CD", city: "Veenhoeve", stateProvince: "Drenthe" },
      ],
    });
  });
});
