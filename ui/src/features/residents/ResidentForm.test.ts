import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { nav } from "../../lib/nav.svelte";
import { failure, fakeBackend } from "../../test/ipc";
import ResidentForm from "./ResidentForm.svelte";

const existing = {
  id: 3, firstName: "Anna", lastName: "Bakker", street: "Brink", houseNumber: "3", postcode: "7991 LA",
  kern: "Lindeloo", phone: "", email: "", contactPreference: "phone", contactTime: "", birthDate: null,
  notes: "", proxyName: "", proxyRelation: "", proxyPhone: "", proxyEmail: "", network: [],
  createdAt: "", updatedAt: "",
};

describe("resident form", () => {
  it("warns about a likely duplicate and saves anyway only when asked", async () => {
    const calls = fakeBackend({
      list_kernen: () => ["Lindeloo"],
      get_resident: () => existing,
      create_resident: (args) => {
        if (!args.allowDuplicate) throw failure("likely_duplicate", [], [3]);
        return { ...existing, id: 8 };
      },
    });
    render(ResidentForm, {});
    await userEvent.type(await screen.findByLabelText("Voornaam"), "Anna");
    await userEvent.type(screen.getByLabelText("Achternaam"), "Bakker");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    const warning = await screen.findByText(/staat er misschien al in/);
    expect(warning.closest("#duplicate-warning")?.textContent).toContain("Brink 3");
    await userEvent.click(screen.getByRole("button", { name: /Toch opslaan/ }));
    const creates = calls.filter((c) => c.cmd === "create_resident");
    expect(creates.map((c) => c.args.allowDuplicate)).toEqual([false, true]);
  });

  it("shows a postcode error next to the postcode and keeps the name", async () => {
    fakeBackend({
      list_kernen: () => [],
      create_resident: () => {
        throw failure("invalid_input", [{ field: "postcode", rule: "postcode" }]);
      },
    });
    render(ResidentForm, {});
    const first = (await screen.findByLabelText("Voornaam")) as HTMLInputElement;
    await userEvent.type(first, "Zoë");
    await userEvent.type(screen.getByLabelText("Postcode"), "12345");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect((await screen.findByText(/1234 AB\./)).id).toBe("resident-postcode-error");
    expect(first.value).toBe("Zoë");
  });

  it("made from the request form: a save goes back there with the new resident chosen", async () => {
    fakeBackend({ list_kernen: () => [], create_resident: () => ({ ...existing, id: 12 }) });
    const back = { screen: "request-new", channel: "wmo_desk" } as const;
    nav.route = { screen: "resident-new", back };
    render(ResidentForm, { back });
    expect(await screen.findByText(/Na opslaan gaat u terug naar de hulpvraag/)).toBeTruthy();
    await userEvent.type(await screen.findByLabelText("Voornaam"), "Fenna");
    await userEvent.type(screen.getByLabelText("Achternaam"), "Draaisma");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    await vi.waitFor(() => expect(nav.route).toEqual({ screen: "request-new", channel: "wmo_desk", chosen: 12 }));
  });

  it("made from the request form: Annuleren goes back there", async () => {
    fakeBackend({ list_kernen: () => [] });
    const back = { screen: "request-edit", id: 42 } as const;
    render(ResidentForm, { back });
    await userEvent.click(await screen.findByRole("button", { name: "Annuleren" }));
    expect(nav.route).toEqual(back);
  });

  it("made from the request form: a likely duplicate can be chosen for the request instead", async () => {
    fakeBackend({
      list_kernen: () => [],
      get_resident: () => existing,
      create_resident: () => {
        throw failure("likely_duplicate", [], [3]);
      },
    });
    const back = { screen: "request-new" } as const;
    render(ResidentForm, { back });
    await userEvent.type(await screen.findByLabelText("Voornaam"), "Anna");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    await userEvent.click(await screen.findByRole("button", { name: "Deze bewoner kiezen voor de hulpvraag" }));
    await vi.waitFor(() => expect(nav.route).toEqual({ screen: "request-new", chosen: 3 }));
  });

  it("after a refused save focuses the first field with a message, in form order", async () => {
    fakeBackend({
      list_kernen: () => [],
      create_resident: () => {
        throw failure("invalid_input", [
          { field: "postcode", rule: "postcode" },
          { field: "firstName", rule: "required" },
        ]);
      },
    });
    render(ResidentForm, {});
    await userEvent.type(await screen.findByLabelText("Postcode"), "12");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    await vi.waitFor(() => expect(document.activeElement?.id).toBe("resident-firstName"));
  });
});
