import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ContactPerson, ExportInput, ExportOutcome } from "../../lib/api";
import { todayIso } from "../../lib/labels";
import { failure, fakeBackend, type Call, fileDialogs } from "../../test/ipc";
import ExportForm from "./ExportForm.svelte";
import { referral } from "./testData";

const person: ContactPerson = { id: 4, name: "Jan de Vries", phone: "06-12345678", email: "", active: true };
/** Only the help point's phone matters to this form. */
const settings = (helpPointPhone: string) => ({ helpPointName: "Dorpspunt", helpPointPhone, helpPointEmail: "" });
const outcome: ExportOutcome = {
  files: ["/tmp/proef/overdracht.pdf", "/tmp/proef/overdracht.json", "/tmp/proef/overdracht.csv"],
  shared: ["identity", "question"],
  withheld: ["contact", "network", "help_so_far"],
  overrideUsed: true,
};

const exports = (calls: Call[]) => calls.filter((c) => c.cmd === "export_handover");
const makeButton = () => screen.getByRole("button", { name: "Overdracht opslaan als PDF" });

describe("handover export", () => {
  it("explains a missing consent and refuses to export without acute danger", async () => {
    const calls = fakeBackend({
      list_contact_persons: () => [person],
      current_contact_person: () => person,
      get_settings: () => settings(""),
      ...fileDialogs("/tmp/proef"),
      export_handover: () => outcome,
    });
    const onDone = vi.fn();
    render(ExportForm, { referral: referral({ consentOk: false, consentCategories: [] }), onDone, onCancel: vi.fn() });

    const why = document.getElementById("export-no-consent");
    expect(why?.textContent).toContain("Er is geen geldige toestemming");
    expect(why?.textContent).toContain("Wmo-loket Dorpsgemeente");
    expect(await screen.findByRole("option", { name: "Jan de Vries" })).toBeTruthy();

    await userEvent.click(makeButton());
    expect(document.getElementById("export-error-21")?.textContent).toContain("Er is geen geldige toestemming van de bewoner");
    expect(exports(calls)).toHaveLength(0);
    expect(calls.some((c) => c.cmd === "pick_save_file")).toBe(false); // no file was even asked for
    expect(onDone).not.toHaveBeenCalled();
  });

  it("shares in acute danger only with a reason, and passes reason and chosen data to the export", async () => {
    const calls = fakeBackend({
      list_contact_persons: () => [person],
      current_contact_person: () => person,
      get_settings: () => settings(""),
      ...fileDialogs("/tmp/proef"),
      export_handover: () => outcome,
    });
    const onDone = vi.fn();
    render(ExportForm, { referral: referral({ consentOk: false, consentCategories: [] }), onDone, onCancel: vi.fn() });
    await screen.findByRole("option", { name: "Jan de Vries" });

    await userEvent.click(screen.getByLabelText("Er is acuut gevaar: ik deel toch"));
    await userEvent.click(makeButton());
    const reason = screen.getByLabelText("Wat is het acute gevaar?");
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById("export-reason-21-error")?.textContent).toBe(
      "Schrijf op wat het acute gevaar is. Dit wordt vastgelegd.",
    );
    expect(exports(calls)).toHaveLength(0);

    await userEvent.type(reason, "Mevrouw is gevallen en ligt alleen thuis.");
    await userEvent.click(screen.getByLabelText("Adres en contactgegevens")); // not needed: leave out
    await userEvent.click(makeButton());

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    const [call] = exports(calls);
    const input = call.args.input as ExportInput;
    expect({ ...input, overrideCategories: [...input.overrideCategories].sort() }).toEqual({
      referralId: 21,
      contactPersonId: 4,
      overrideReason: "Mevrouw is gevallen en ligt alleen thuis.",
      overrideCategories: ["identity", "question"],
    });
    expect(call.args.path).toBe(`/tmp/proef/overdracht-wmo-loket-dorpsgemeente-${todayIso()}.pdf`);
    const done = await screen.findByRole("status");
    expect(done.textContent).toContain("De overdracht is gemaakt");
    expect(done.textContent).toContain("Gedeeld: naam en geboortedatum, de hulpvraag en de vraag achter de vraag.");
    expect(done.textContent).toContain("/tmp/proef/overdracht.json");
  });

  it("says which data to choose when the override shares nothing", async () => {
    const calls = fakeBackend({
      list_contact_persons: () => [person],
      current_contact_person: () => person,
      get_settings: () => settings(""),
      ...fileDialogs("/tmp/proef"),
      export_handover: () => {
        throw failure("invalid_input", [{ field: "overrideCategories", rule: "required" }]);
      },
    });
    const onDone = vi.fn();
    render(ExportForm, { referral: referral({ consentOk: false, consentCategories: [] }), onDone, onCancel: vi.fn() });
    await screen.findByRole("option", { name: "Jan de Vries" });
    await userEvent.click(screen.getByLabelText("Er is acuut gevaar: ik deel toch"));
    await userEvent.type(screen.getByLabelText("Wat is het acute gevaar?"), "Brandgevaar in de woning.");
    for (const c of ["Naam en geboortedatum", "Adres en contactgegevens", "De hulpvraag en de vraag achter de vraag"]) {
      await userEvent.click(screen.getByLabelText(c));
    }
    await userEvent.click(makeButton());
    await vi.waitFor(() => expect(exports(calls)).toHaveLength(1));
    await vi.waitFor(() =>
      expect(document.getElementById("export-categories-21-error")?.textContent).toBe("Kies minstens één soort gegevens."),
    );
    expect((screen.getByLabelText("Wat is het acute gevaar?") as HTMLTextAreaElement).value).toBe("Brandgevaar in de woning.");
    expect(onDone).not.toHaveBeenCalled();
  });

  it("with consent shares only what the consent covers and sends no override", async () => {
    const calls = fakeBackend({
      list_contact_persons: () => [person],
      current_contact_person: () => person,
      get_settings: () => settings(""),
      ...fileDialogs("/tmp/proef"),
      export_handover: () => ({ ...outcome, overrideUsed: false }),
    });
    const onDone = vi.fn();
    render(ExportForm, { referral: referral(), onDone, onCancel: vi.fn() });
    expect(screen.getByText(/Er is toestemming\. Alleen dit gaat mee: naam en geboortedatum, adres en contactgegevens/)).toBeTruthy();
    expect(screen.getByText(/Niet mee, want daar is geen toestemming voor: eigen kracht, netwerk en mantelzorg/)).toBeTruthy();
    expect(screen.queryByLabelText("Er is acuut gevaar: ik deel toch")).toBeNull();
    await screen.findByRole("option", { name: "Jan de Vries" });
    await userEvent.click(makeButton());
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(exports(calls)[0].args.input).toEqual({
      referralId: 21,
      contactPersonId: 4,
      overrideReason: "",
      overrideCategories: [],
    });
  });

  it("asks for a name when the help point has no contact person yet, then records one", async () => {
    const calls = fakeBackend({
      list_contact_persons: () => [],
      current_contact_person: () => null,
      get_settings: () => settings("0591-111111"),
      create_contact_person: (a) => ({ id: 8, ...(a.input as object) }),
      ...fileDialogs("/tmp/proef"),
      export_handover: () => outcome,
    });
    const onDone = vi.fn();
    render(ExportForm, { referral: referral(), onDone, onCancel: vi.fn() });
    const name = await screen.findByLabelText("Uw naam (contactpersoon van het buurtpunt)");
    await userEvent.click(makeButton());
    expect((await screen.findByRole("alert")).textContent).toBe("Vul uw naam in.");
    expect(calls.some((c) => c.cmd === "create_contact_person")).toBe(false);

    await userEvent.type(name, "Jan de Vries");
    await userEvent.click(makeButton());
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(calls.find((c) => c.cmd === "create_contact_person")?.args).toEqual({
      input: { name: "Jan de Vries", phone: "", email: "", active: true },
    });
    expect((exports(calls)[0].args.input as ExportInput).contactPersonId).toBe(8);
  });

  it("shows a failed export as a Dutch sentence", async () => {
    fakeBackend({
      list_contact_persons: () => [person],
      current_contact_person: () => person,
      get_settings: () => settings(""),
      ...fileDialogs("/tmp/proef"),
      export_handover: () => {
        throw failure("handover_failed");
      },
    });
    const onDone = vi.fn();
    render(ExportForm, { referral: referral(), onDone, onCancel: vi.fn() });
    await screen.findByRole("option", { name: "Jan de Vries" });
    await userEvent.click(makeButton());
    await vi.waitFor(() =>
      expect(document.getElementById("export-error-21")?.textContent).toBe(
        "Het overdrachtsbestand kon niet gemaakt worden. Er is niets opgeslagen of gedeeld.",
      ),
    );
    expect(onDone).not.toHaveBeenCalled();
  });

  it("asks for a number to call back when neither the contact person nor the help point has one, and keeps it", async () => {
    const nophone = { ...person, phone: "" };
    const calls = fakeBackend({
      list_contact_persons: () => [nophone],
      current_contact_person: () => nophone,
      get_settings: () => settings(""),
      update_contact_person: (a) => ({ ...nophone, ...(a.input as object), id: 4 }),
      ...fileDialogs("/tmp/proef"),
      export_handover: () => outcome,
    });
    render(ExportForm, { referral: referral({ consentOk: true, consentCategories: ["identity", "question"] }), onDone: vi.fn(), onCancel: vi.fn() });
    await screen.findByRole("option", { name: "Jan de Vries" });

    await userEvent.click(makeButton());
    expect(document.getElementById("export-phone-21-error")?.textContent).toContain("zodat het loket u kan terugbellen");
    expect(exports(calls)).toHaveLength(0);

    await userEvent.type(screen.getByLabelText("Uw telefoonnummer"), "0591-765432");
    await userEvent.click(makeButton());
    await screen.findByText(/De overdracht is gemaakt/);
    const saved = calls.find((c) => c.cmd === "update_contact_person");
    expect(saved?.args).toMatchObject({ id: 4, input: { name: "Jan de Vries", phone: "0591-765432" } });
    expect(exports(calls)).toHaveLength(1);
  });
});
