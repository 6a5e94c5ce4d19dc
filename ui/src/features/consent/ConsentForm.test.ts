import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { CategoryPreview, Consent, ConsentFormInput, ConsentInput } from "../../lib/api";
import { todayIso } from "../../lib/labels";
import { draftCommands, failure, fakeBackend, fileDialogs } from "../../test/ipc";
import AskDialog from "../../lib/components/AskDialog.svelte";
import ConsentForm from "./ConsentForm.svelte";

function stored(residentId: number, input: ConsentInput): Consent {
  return {
    ...input,
    id: 31,
    residentId,
    validUntil: input.validUntil || null,
    withdrawnOn: null,
    validNow: true,
  };
}

function recorded(calls: { cmd: string; args: Record<string, unknown> }[]) {
  return calls.filter((c) => c.cmd === "record_consent");
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe("consent form", () => {
  it("records an oral consent given by the resident for the chosen data, until a date", async () => {
    const calls = fakeBackend({ record_consent: (a) => stored(a.residentId as number, a.input as ConsentInput) });
    const onSaved = vi.fn();
    render(ConsentForm, { residentId: 7, recipient: "Wmo-loket Dorpsgemeente", serviceId: 12, onSaved, onCancel: vi.fn() });

    expect(input("Met wie mag het gedeeld worden?").value).toBe("Wmo-loket Dorpsgemeente");
    expect(input("De bewoner zelf").checked).toBe(true);
    expect(input("Mondeling").checked).toBe(true);
    // Only a representative has a name to fill in.
    expect(screen.queryByLabelText("Naam en relatie van de vertegenwoordiger")).toBeNull();

    // Nothing is ticked beforehand: the resident chooses.
    for (const box of document.querySelectorAll<HTMLInputElement>("[id^=consent-cat-]")) {
      expect(box.checked, box.id).toBe(false);
    }
    await userEvent.click(screen.getByLabelText("Naam en geboortedatum"));
    await userEvent.click(screen.getByLabelText("De hulpvraag en de vraag achter de vraag"));
    await userEvent.click(screen.getByLabelText("Eigen kracht, netwerk en mantelzorg"));
    await userEvent.type(input("Geldig tot en met"), "31-12-2027");
    await userEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const [call] = recorded(calls);
    expect(call.args.residentId).toBe(7);
    const sent = call.args.input as ConsentInput;
    expect({ ...sent, categories: [...sent.categories].sort() }).toEqual({
      givenBy: "resident",
      representative: "",
      givenOn: todayIso(),
      how: "oral",
      categories: ["identity", "network", "question"],
      serviceId: 12,
      recipient: "Wmo-loket Dorpsgemeente",
      validUntil: "2027-12-31",
      note: "",
    });
    expect(onSaved.mock.calls[0][0]).toMatchObject({ id: 31, recipient: "Wmo-loket Dorpsgemeente" });
  });

  it("records a written consent by a named representative, and needs that name", async () => {
    const calls = fakeBackend({
      record_consent: (a) => {
        const i = a.input as ConsentInput;
        if (i.givenBy === "representative" && !i.representative.trim()) {
          throw failure("invalid_input", [{ field: "representative", rule: "required" }]);
        }
        return stored(a.residentId as number, i);
      },
    });
    const onSaved = vi.fn();
    render(ConsentForm, { residentId: 7, recipient: "Thuiszorg De Linde", onSaved, onCancel: vi.fn() });

    await userEvent.click(screen.getByLabelText("Een vertegenwoordiger"));
    await userEvent.click(screen.getByLabelText("Schriftelijk"));
    await userEvent.clear(input("Datum"));
    await userEvent.type(input("Datum"), "2-11-2026");
    await userEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));

    const name = input("Naam en relatie van de vertegenwoordiger");
    await vi.waitFor(() => expect(name.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("consent-representative-error")?.textContent).toBe("Vul dit in.");
    expect(onSaved).not.toHaveBeenCalled();
    // What was chosen and typed stays.
    expect(input("Schriftelijk").checked).toBe(true);
    expect(input("Datum").value).toBe("2-11-2026");

    await userEvent.type(name, "Ineke Jansen, dochter");
    await userEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const sent = recorded(calls)[1].args.input as ConsentInput;
    expect(sent).toMatchObject({
      givenBy: "representative",
      representative: "Ineke Jansen, dochter",
      how: "written",
      givenOn: "2026-11-02",
      recipient: "Thuiszorg De Linde",
      serviceId: null,
      validUntil: "",
    });
  });

  it("shows the backend's field errors as Dutch sentences and keeps what was typed", async () => {
    fakeBackend({
      record_consent: () => {
        throw failure("invalid_input", [
          { field: "validUntil", rule: "date" },
          { field: "categories", rule: "required" },
        ]);
      },
    });
    const onSaved = vi.fn();
    render(ConsentForm, { residentId: 7, recipient: "Wmo-loket", onSaved, onCancel: vi.fn() });
    for (const c of ["Naam en geboortedatum", "Adres en contactgegevens", "De hulpvraag en de vraag achter de vraag"]) {
      await userEvent.click(screen.getByLabelText(c));
    }
    await userEvent.type(input("Geldig tot en met"), "31-02-2027");
    await userEvent.type(input("Opmerking (mag leeg)"), "Gevraagd bij huisbezoek");
    await userEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));

    await vi.waitFor(() => expect(document.getElementById("consent-validUntil-error")).not.toBeNull());
    expect(document.getElementById("consent-validUntil-error")?.textContent).toBe("Vul een datum in zoals 22-11-2026.");
    expect(document.getElementById("consent-categories-error")?.textContent).toBe("Kies minstens één soort gegevens.");
    expect(input("Geldig tot en met").value).toBe("31-02-2027");
    expect(input("Geldig tot en met").getAttribute("aria-invalid")).toBe("true");
    expect(input("Opmerking (mag leeg)").value).toBe("Gevraagd bij huisbezoek");
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("says when the note is too long, at the note", async () => {
    fakeBackend({
      record_consent: () => {
        throw failure("invalid_input", [{ field: "note", rule: "too_long", max: 200 }]);
      },
    });
    render(ConsentForm, { residentId: 7, recipient: "Wmo-loket", onSaved: vi.fn(), onCancel: vi.fn() });
    const note = input("Opmerking (mag leeg)");
    await userEvent.type(note, "Lang verhaal");
    await userEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Dit is te lang. Gebruik hoogstens 200 tekens.");
    expect(note.getAttribute("aria-invalid")).toBe("true");
    expect(note.value).toBe("Lang verhaal");
  });

  it("shows an error that belongs to no field as a Dutch sentence", async () => {
    fakeBackend({
      record_consent: () => {
        throw failure("not_found");
      },
    });
    const onSaved = vi.fn();
    render(ConsentForm, { residentId: 99, recipient: "Wmo-loket", onSaved, onCancel: vi.fn() });
    await userEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Dit bestaat niet (meer).");
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("asks before Annuleren throws away what was typed, and keeps it as a concept when asked to", async () => {
    const store = draftCommands();
    fakeBackend(store.handlers);
    render(AskDialog);
    const onCancel = vi.fn();
    const form = render(ConsentForm, { residentId: 7, residentName: "Anna Bakker", recipient: "Wmo-loket", onSaved: vi.fn(), onCancel });
    await userEvent.type(input("Opmerking (mag leeg)"), "Dochter was erbij");
    await userEvent.click(screen.getByRole("button", { name: "Annuleren" }));
    const dialog = document.getElementById("ask-dialog") as HTMLDialogElement;
    await vi.waitFor(() => expect(dialog.open).toBe(true));
    expect(dialog.textContent).toContain("Toestemming van Anna Bakker voor Wmo-loket");
    await userEvent.click(screen.getByRole("button", { name: "Bewaren als concept en sluiten" }));
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(store.stored.map((d) => [d.kind, d.context])).toEqual([["consent", "resident-7"]]);

    // Opened again: the concept is back.
    form.unmount();
    render(ConsentForm, { residentId: 7, residentName: "Anna Bakker", recipient: "Wmo-loket", onSaved: vi.fn(), onCancel });
    await vi.waitFor(() => expect(input("Opmerking (mag leeg)").value).toBe("Dochter was erbij"));
    expect(document.getElementById("consent-restored")?.textContent).toContain("Dit komt uit een concept");
  });

  it("closes on Annuleren without a question when nothing was typed", async () => {
    fakeBackend({});
    const onCancel = vi.fn();
    render(AskDialog);
    render(ConsentForm, { residentId: 7, recipient: "Wmo-loket", onSaved: vi.fn(), onCancel });
    await userEvent.click(screen.getByRole("button", { name: "Annuleren" }));
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect((document.getElementById("ask-dialog") as HTMLDialogElement).open).toBe(false);
  });

  it("throws the concept away on 'Weggooien en sluiten'", async () => {
    const store = draftCommands();
    fakeBackend(store.handlers);
    render(AskDialog);
    const onCancel = vi.fn();
    render(ConsentForm, { residentId: 7, recipient: "Wmo-loket", onSaved: vi.fn(), onCancel });
    await userEvent.type(input("Opmerking (mag leeg)"), "Dochter was erbij");
    await vi.waitFor(() => expect(store.stored).toHaveLength(1), { timeout: 3000 });
    await userEvent.click(screen.getByRole("button", { name: "Annuleren" }));
    await userEvent.click(await screen.findByRole("button", { name: "Weggooien en sluiten" }));
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(store.stored).toHaveLength(0);
  });

  it("focuses the kinds of data when none is chosen (a group without its own field)", async () => {
    fakeBackend({
      record_consent: () => {
        throw failure("invalid_input", [{ field: "categories", rule: "choice" }]);
      },
    });
    render(ConsentForm, { residentId: 7, recipient: "Wmo-loket", onSaved: vi.fn(), onCancel: vi.fn() });
    await userEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));
    await vi.waitFor(() => expect(document.activeElement?.id).toBe("consent-cat-identity"));
  });

  it("shows what each kind of data holds, reads the choice aloud, and prints it to sign", async () => {
    const preview: CategoryPreview[] = [
      { category: "identity", holds: ["Geertje Mulder", "geboren 5 maart 1941"], flags: [], areas: [] },
      { category: "contact", holds: [], flags: [], areas: [] },
      { category: "question", holds: ["Ik kan mij niet meer goed wassen."], flags: ["personal_care"], areas: ["health"] },
      { category: "network", holds: ["Ruben Mulder"], flags: [], areas: [] },
      { category: "help_so_far", holds: [], flags: [], areas: [] },
    ];
    const calls = fakeBackend({
      consent_preview: () => preview,
      get_settings: () => ({ consentValidMonths: 12 }),
      ...fileDialogs("/tmp/proef"),
      make_consent_form: (a) => String(a.path),
    });
    render(ConsentForm, { residentId: 7, recipient: "Wmo-loket Dorpsgemeente", onSaved: vi.fn(), onCancel: vi.fn() });

    const question = await screen.findByText(/Ik kan mij niet meer goed wassen/);
    expect(question.textContent).toContain("Let op: dit gaat over gezondheid, persoonlijke verzorging.");
    expect(document.getElementById("consent-holds-contact")?.textContent).toContain("Niets ingevuld.");
    // No end date typed: the group's term of 12 months holds, and is said.
    const hint = document.getElementById("consent-validUntil-hint")?.textContent ?? "";
    expect(hint).toContain("Leeg: 12 maanden");

    const aloud = () => document.getElementById("consent-read-aloud")?.textContent ?? "";
    expect(aloud()).toContain("U kiest zelf wat wel en wat niet");
    await userEvent.click(screen.getByLabelText("Naam en geboortedatum"));
    await userEvent.click(screen.getByLabelText("De hulpvraag en de vraag achter de vraag"));
    expect(aloud()).toContain(
      "Mogen wij aan Wmo-loket Dorpsgemeente doorgeven: naam en geboortedatum; de hulpvraag en de vraag achter de vraag? Meer niet.",
    );
    expect(aloud()).toContain("U mag nee zeggen");

    // "Schriftelijk": the same choices on a form to sign.
    expect(screen.queryByRole("button", { name: "Formulier om te tekenen (PDF)" })).toBeNull();
    await userEvent.click(screen.getByLabelText("Schriftelijk"));
    await userEvent.click(screen.getByRole("button", { name: "Formulier om te tekenen (PDF)" }));
    await screen.findByText(/Het formulier is opgeslagen/);
    const made = calls.find((c) => c.cmd === "make_consent_form");
    expect(made?.args.residentId).toBe(7);
    const sent = made?.args.input as ConsentFormInput;
    expect([...sent.categories].sort()).toEqual(["identity", "question"]);
    expect(sent.recipient).toBe("Wmo-loket Dorpsgemeente");
    expect(sent.givenOn).toBe(todayIso());
  });
});
