import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ServiceInput } from "../../lib/api";
import { failure, fakeBackend } from "../../test/ipc";
import OrganisationDetail from "./OrganisationDetail.svelte";
import { location, organisation, service } from "./testData";

describe("organisation page", () => {
  it("shows every filled-in field of a service and what is missing", async () => {
    fakeBackend({ get_organisation: () => organisation() });
    render(OrganisationDetail, { id: 1 });
    const item = (await screen.findByRole("heading", { name: "Wmo-loket" })).closest("li") as HTMLElement;
    const text = item.textContent ?? "";
    for (const part of ["Bel en doe een melding.", "Inwoners van Veenmarke.", "Ma–vr 9.00–12.30 uur", "Team Wmo", "0599-720 100",
      "Persoonlijke verzorging", "Huishouden", "Wmo-loket: melding, 6 weken"]) {
      expect(text).toContain(part);
    }
    expect(text).toContain("Nog niet ingevuld: Wat het kost.");
    expect(screen.getByText(/Gecontroleerd op 10-01-2025 door Jan Kuiper/)).toBeInTheDocument();
    expect(screen.getByText(/12 maanden of langer geleden/)).toBeInTheDocument();
  });

  it("shows where to go, and a service's status, ages and own address", async () => {
    const anker = location({ id: 7, name: "Buurthuis Het Anker", address1: "Ankerweg 7", postalCode: "9543 EF", city: "Heidebroek" });
    fakeBackend({
      get_organisation: () =>
        organisation({
          locations: [location(), anker],
          services: [
            service({
              name: "Budgetcursus",
              status: "defunct",
              minimumAge: 18,
              maximumAge: null,
              locationIds: [7],
              moreContacts: [{ name: "Joost Hendriks", title: "Budgetcoach", email: "", phones: ["0599-650 652"] }],
            }),
          ],
        }),
    });
    render(OrganisationDetail, { id: 1 });
    const addresses = await screen.findByText("Gemeentehuis, Raadhuisplein 1, 9541 AA Lindeloo");
    expect(addresses.closest("dd")?.textContent).toContain("Buurthuis Het Anker, Ankerweg 7, 9543 EF Heidebroek");
    expect(screen.getByText("Adressen")).toBeInTheDocument();
    const item = screen.getByRole("heading", { name: "Budgetcursus" }).closest("li") as HTMLElement;
    expect(item.querySelector('[data-field="status"]')?.textContent).toBe("Gestopt");
    expect(item.querySelector('[data-field="ages"]')?.textContent).toBe("Vanaf 18 jaar");
    expect(item.querySelector('[data-field="where"]')?.textContent).toBe("Buurthuis Het Anker, Ankerweg 7, 9543 EF Heidebroek");
    expect(item.querySelector('[data-field="contact"]')?.textContent).toContain("Joost Hendriks (Budgetcoach)\n0599-650 652");
  });

  it("asks who checked before saving the check", async () => {
    const calls = fakeBackend({
      get_organisation: () => organisation(),
      mark_organisation_checked: (args) => {
        if (!(args.by as string).trim()) throw failure("invalid_input", [{ field: "checkedBy", rule: "required" }]);
        return organisation({ lastCheckedOn: "2026-11-22", lastCheckedBy: args.by as string, needsCheck: false });
      },
    });
    render(OrganisationDetail, { id: 1 });
    await userEvent.click(await screen.findByRole("button", { name: "Gecontroleerd" }));
    const who = screen.getByLabelText("Wie heeft het gecontroleerd?");
    expect(who).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Opslaan met de datum van vandaag" }));
    expect((await screen.findByText("Vul dit in.")).id).toBe("checked-by-error");
    await userEvent.type(who, "Aaltje Zandstra{Enter}");
    expect(await screen.findByText(/Gecontroleerd op 22-11-2026 door Aaltje Zandstra/)).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === "mark_organisation_checked").map((c) => c.args.by)).toEqual(["", "Aaltje Zandstra"]);
  });

  it("adds a service; a failed save keeps the form and shows the error at the field", async () => {
    let current = organisation({ services: [] });
    const calls = fakeBackend({
      get_organisation: () => current,
      create_service: (args) => {
        const input = args.input as ServiceInput;
        if (input.contactPhone === "12") throw failure("invalid_input", [{ field: "contactPhone", rule: "phone" }]);
        const s = service({
          id: 40,
          ...input,
          locationIds: input.locationIds ?? [],
          morePhones: input.morePhones ?? [],
          moreContacts: input.moreContacts ?? [],
          schedules: input.schedules ?? [],
        });
        current = organisation({ services: [s] });
        return s;
      },
    });
    render(OrganisationDetail, { id: 1 });
    await userEvent.click(await screen.findByRole("button", { name: "Dienst toevoegen" }));
    await userEvent.type(screen.getByLabelText("Naam van de dienst"), "Schuldhulp");
    await userEvent.type(screen.getByLabelText("Telefoon"), "12");
    await userEvent.click(screen.getByLabelText("Schulden of geldzorgen"));
    await userEvent.click(screen.getByLabelText("Geld en administratie"));
    await userEvent.click(screen.getByRole("button", { name: "Dienst opslaan" }));
    expect((await screen.findByText(/0612345678/)).id).toBe("service-contactPhone-error");
    expect((screen.getByLabelText("Naam van de dienst") as HTMLInputElement).value).toBe("Schuldhulp");

    await userEvent.clear(screen.getByLabelText("Telefoon"));
    await userEvent.type(screen.getByLabelText("Telefoon"), "0599-720 400");
    await userEvent.click(screen.getByRole("button", { name: "Dienst opslaan" }));
    expect(await screen.findByText('Dienst "Schuldhulp" is opgeslagen.')).toBeInTheDocument();
    const sent = calls.filter((c) => c.cmd === "create_service").at(-1)?.args;
    expect(sent).toMatchObject({
      organisationId: 1,
      input: { name: "Schuldhulp", contactPhone: "0599-720 400", flags: ["debts"], areas: ["money_and_admin"], wmoDesk: false },
    });
  });
});
