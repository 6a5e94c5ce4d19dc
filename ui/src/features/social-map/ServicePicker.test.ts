import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ServiceDetail } from "../../lib/api";
import { fakeBackend } from "../../test/ipc";
import ServicePicker from "./ServicePicker.svelte";
import { detail, location, service, summary } from "./testData";

const debt = summary({
  id: 21,
  name: "Schuldhulpverlening",
  organisationName: "Geldzaken Veenmarke",
  wmoDesk: false,
  flags: ["debts"],
  areas: ["money_and_admin"],
  address: "Dorpshuis De Linde, Kerkstraat 4, 9542 CD Veenhoeve",
});
const wmo = summary();
const doctor = summary({
  id: 31,
  name: "Spreekuur huisarts",
  organisationName: "Huisartsenpraktijk De Brink",
  wmoDesk: false,
  flags: ["medical"],
  areas: [],
});

describe("service picker", () => {
  it("shows suggested services first and hands over the chosen one with its organisation", async () => {
    const calls = fakeBackend({
      suggest_services: () => [debt, wmo],
      list_services: (args) => {
        const q = args.query as { text: string };
        const items = q.text ? [doctor] : [wmo, doctor, debt];
        return { items, total: items.length, page: 0, pageSize: 10 };
      },
      get_service: (args) => ({
        ...detail(service({ id: args.id as number, name: "Schuldhulpverlening", wmoDesk: false, flags: ["debts"] })),
        locations: [location({ name: "Dorpshuis De Linde", address1: "Kerkstraat 4", postalCode: "9542 CD", city: "Veenhoeve" })],
      }),
    });
    let chosen: ServiceDetail | null = null;
    render(ServicePicker, {
      flags: ["debts"],
      areas: ["money_and_admin"],
      onChoose: (d: ServiceDetail) => (chosen = d),
    });

    const suggested = await screen.findByRole("group", { name: "Voorgesteld bij deze vraag" });
    const names = within(suggested)
      .getAllByRole("radio")
      .map((r) => r.closest("label")?.textContent ?? "");
    expect(names[0]).toContain("Schuldhulpverlening");
    expect(names[0]).toContain("Adres Dorpshuis De Linde, Kerkstraat 4, 9542 CD Veenhoeve");
    expect(names[1]).toContain("Wmo-loket: melding, 6 weken");
    const suggest = calls.find((c) => c.cmd === "suggest_services");
    expect(suggest?.args).toMatchObject({ flags: ["debts"], areas: ["money_and_admin"] });
    // Search results leave out what is already suggested.
    const results = document.getElementById("service-picker-results");
    expect(await within(results as HTMLElement).findByText("Spreekuur huisarts")).toBeInTheDocument();
    expect(within(results as HTMLElement).queryByText("Schuldhulpverlening")).toBeNull();

    // Keyboard: tab to the first suggestion and choose it with the space bar.
    const first = within(suggested).getAllByRole("radio")[0];
    first.focus();
    await userEvent.keyboard(" ");
    expect(await screen.findByText("Gekozen dienst")).toBeInTheDocument();
    expect(chosen).not.toBeNull();
    expect((chosen as ServiceDetail | null)?.service.id).toBe(21);
    expect((chosen as ServiceDetail | null)?.organisationName).toBe("Gemeente Veenmarke");
    expect(document.getElementById("service-picker-chosen")?.textContent).toContain("0599-720 100");
    expect(document.getElementById("service-picker-address")?.textContent).toBe(
      "Dorpshuis De Linde, Kerkstraat 4, 9542 CD Veenhoeve",
    );

    // Another choice: the picker opens again and searching asks the backend.
    await userEvent.click(screen.getByRole("button", { name: "Andere dienst kiezen" }));
    await userEvent.type(screen.getByLabelText("Zoek op de sociale kaart"), "huis");
    const searched = () =>
      calls.filter((c) => c.cmd === "list_services").map((c) => (c.args.query as { text: string }).text);
    await waitFor(() => expect(searched()).toContain("huis"));
    expect(await screen.findByText("Spreekuur huisarts")).toBeInTheDocument();
  });

  it("shows a service chosen before and asks for no suggestions without topics", async () => {
    const calls = fakeBackend({
      list_services: () => ({ items: [wmo], total: 1, page: 0, pageSize: 10 }),
      get_service: () => detail(),
    });
    render(ServicePicker, { serviceId: 11 });
    const chosen = await screen.findByText("Gekozen dienst");
    expect(chosen.closest(".chosen")?.textContent).toContain("Dit is een melding");
    expect(calls.some((c) => c.cmd === "suggest_services")).toBe(false);
  });
});
