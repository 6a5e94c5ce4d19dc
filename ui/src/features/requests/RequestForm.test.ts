import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { failure, fakeBackend } from "../../test/ipc";
import { nav } from "../../lib/nav.svelte";
import RequestForm from "./RequestForm.svelte";

const resident = {
  id: 4, firstName: "Zoë", lastName: "Hofstede", street: "Brink", houseNumber: "3", postcode: "7991 LA",
  kern: "Lindeloo", phone: "", email: "", contactPreference: "phone", contactTime: "", birthDate: null,
  notes: "", proxyName: "", proxyRelation: "", proxyPhone: "", proxyEmail: "", network: [],
  createdAt: "", updatedAt: "",
};

describe("request form", () => {
  it("shows the backend's field errors next to the fields and keeps every word typed", async () => {
    const calls = fakeBackend({
      get_resident: () => resident,
      create_request: () => {
        throw failure("invalid_input", [
          { field: "ask", rule: "required" },
          { field: "dueOn", rule: "date" },
        ]);
      },
    });
    render(RequestForm, { residentId: 4 });
    await screen.findByText("Zoë Hofstede");
    const need = screen.getByLabelText("De vraag achter de vraag") as HTMLTextAreaElement;
    await userEvent.type(need, "Voelt zich alleen sinds de verhuizing");
    const due = screen.getByLabelText("Graag klaar op (mag leeg)") as HTMLInputElement;
    await userEvent.type(due, "31-02-2026");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));

    expect((await screen.findByText("Vul dit in.")).id).toBe("request-ask-error");
    expect(document.getElementById("request-dueOn-error")?.textContent).toContain("datum");
    expect(screen.getByLabelText("De vraag in de woorden van de bewoner")).toHaveAttribute("aria-invalid", "true");
    expect(need.value).toBe("Voelt zich alleen sinds de verhuizing");
    expect(due.value).toBe("31-02-2026");
    const sent = calls.find((c) => c.cmd === "create_request")?.args.input as Record<string, unknown>;
    expect(sent.residentId).toBe(4);
    expect(sent.dueOn).toBe("2026-02-31");
  });

  it("asks for a resident before saving", async () => {
    const calls = fakeBackend({ list_residents: () => ({ items: [], total: 0, page: 0, pageSize: 8 }) });
    render(RequestForm, {});
    await userEvent.click(await screen.findByRole("button", { name: "Opslaan" }));
    expect(document.getElementById("request-residentId-error")?.textContent).toContain("bewoner");
    expect(calls.filter((c) => c.cmd === "create_request")).toHaveLength(0);
  });
});

describe("request form from a signal", () => {
  it("opens with the signal's facts and saving links it to the signal", async () => {
    const calls = fakeBackend({
      get_signal: () => ({
        id: 5, noticedOn: "2026-11-19", noticerKind: "anonymous", contactPersonId: null, volunteerId: null,
        noticerName: "", residentId: null, residentName: null, placeKind: "street", street: "Kerkstraat",
        kern: "Lindeloo", placeLabel: "Kerkstraat, Lindeloo", concernId: 7, concernLabel: "Woning en straat",
        homeSafety: false, lifeArea: "housing", notRight: false, note: "Losse stoeptegels bij de bushalte.",
        status: "new", allowedNext: ["discussed", "taken_up", "closed"], outcome: null, passedTo: "",
        closedOn: null, requestId: null, referralId: null, collectiveRequestId: null,
      }),
      list_skills: () => [],
      make_request_from_signal: () => ({ id: 31 }),
    });
    render(RequestForm, { fromSignal: 5 });
    expect(await screen.findByText(/Gemaakt uit een signaal/)).toBeInTheDocument();
    const ask = (await screen.findByLabelText("De vraag in de woorden van de bewoner")) as HTMLTextAreaElement;
    expect(ask.value).toBe("Losse stoeptegels bij de bushalte.");
    expect(screen.getByLabelText("Wonen")).toBeChecked();
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    const made = calls.find((c) => c.cmd === "make_request_from_signal");
    expect(made?.args.signalId).toBe(5);
    expect(made?.args.input).toMatchObject({ residentId: null, scope: "street", scopeNote: "Kerkstraat, Lindeloo" });
    expect(calls.some((c) => c.cmd === "create_request")).toBe(false);
  });

  it("made to refer: after saving, the request opens with its referral form", async () => {
    fakeBackend({
      get_signal: () => ({
        id: 6, noticedOn: "2026-11-19", noticerKind: "anonymous", contactPersonId: null, volunteerId: null,
        noticerName: "", residentId: 4, residentName: "Zoë Hofstede", placeKind: "street", street: "Brink",
        kern: "Lindeloo", placeLabel: "Brink, Lindeloo", concernId: 2, concernLabel: "Geldzorgen of schulden",
        homeSafety: false, lifeArea: "money_and_admin", notRight: false, note: "Brieven van de deurwaarder.",
        status: "new", allowedNext: ["discussed", "taken_up", "closed"], outcome: null, passedTo: "",
        closedOn: null, requestId: null, referralId: null, collectiveRequestId: null,
      }),
      get_resident: () => resident,
      list_skills: () => [],
      make_request_from_signal: () => ({ id: 32, residentId: 4 }),
    });
    render(RequestForm, { fromSignal: 6, refer: true });
    expect(await screen.findByText(/Na het opslaan vult u de doorverwijzing in/)).toBeInTheDocument();
    const ask = (await screen.findByLabelText("De vraag in de woorden van de bewoner")) as HTMLTextAreaElement;
    expect(ask.value).toBe("Brieven van de deurwaarder.");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    await vi.waitFor(() => expect(nav.route).toEqual({ screen: "request", id: 32, refer: true }));
  });
});
