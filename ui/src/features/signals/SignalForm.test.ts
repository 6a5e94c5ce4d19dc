import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend } from "../../test/ipc";
import SignalForm from "./SignalForm.svelte";

const concern = (id: number, label: string, code: string | null, lifeArea = "other") => ({
  id, code, label, lifeArea, hidden: false, used: 0,
});
const concerns = [concern(1, "Eenzaamheid", "loneliness", "social_contact"), concern(6, "Zorgen over veiligheid thuis", "home_safety")];
const empty = { items: [], total: 0, page: 0, pageSize: 200 };
const base = {
  list_signal_concerns: () => concerns,
  list_contact_persons: () => [{ id: 2, name: "Gerda Kampinga", phone: "", email: "", active: true }],
  list_volunteers: () => empty,
  list_kernen: () => ["Lindeloo"],
};

describe("signal form", () => {
  it("chooses nothing for the user and shows the core's field errors", async () => {
    const calls = fakeBackend({
      ...base,
      create_signal: () => {
        throw failure("invalid_input", [
          { field: "noticerKind", rule: "required" },
          { field: "placeKind", rule: "required" },
          { field: "concernId", rule: "required" },
        ]);
      },
    });
    render(SignalForm, {});
    const select = (await screen.findByLabelText("Waar maakt u zich zorgen over?")) as HTMLSelectElement;
    expect(select.value).toBe("");
    for (const radio of screen.getAllByRole("radio")) expect(radio).not.toBeChecked();
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect((await screen.findByText("Kies een zorg…", { selector: "option" })).closest("select")).toHaveAttribute("aria-invalid", "true");
    expect(document.getElementById("signal-noticerKind-error")?.textContent).toBeTruthy();
    expect(document.getElementById("signal-placeKind-error")?.textContent).toBeTruthy();
    const sent = calls.find((c) => c.cmd === "create_signal")?.args.input as Record<string, unknown>;
    expect(sent.noticerKind).toBeNull();
    expect(sent.concernId).toBeNull();
    expect(sent.placeKind).toBeNull();
  });

  it("shows where to go when the concern is safety at home", async () => {
    fakeBackend(base);
    render(SignalForm, {});
    const select = await screen.findByLabelText("Waar maakt u zich zorgen over?");
    expect(document.getElementById("signal-safety")).toBeNull();
    await userEvent.selectOptions(select, "6");
    const panel = document.getElementById("signal-safety");
    expect(panel?.textContent).toContain("0800-2000");
    expect(panel?.textContent).toContain("112");
  });

  it("sends a street signal noted by a contact person", async () => {
    const calls = fakeBackend({
      ...base,
      create_signal: (a) => ({ id: 9, ...(a.input as object) }),
    });
    render(SignalForm, {});
    await userEvent.selectOptions(await screen.findByLabelText("Waar maakt u zich zorgen over?"), "1");
    await userEvent.click(screen.getByLabelText("Een contactpersoon"));
    await userEvent.selectOptions(screen.getByLabelText("Welke contactpersoon?"), "2");
    await userEvent.click(screen.getByLabelText("Een straat"));
    await userEvent.type(screen.getByLabelText("Straat"), "Kerkstraat");
    await userEvent.type(screen.getByLabelText("Kern of wijk (mag leeg)"), "Lindeloo");
    await userEvent.type(screen.getByLabelText("Wat zag of hoorde u? (kort)"), "Post stapelt zich op.");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    const sent = calls.find((c) => c.cmd === "create_signal")?.args.input as Record<string, unknown>;
    expect(sent).toMatchObject({
      noticerKind: "contact_person", contactPersonId: 2, placeKind: "street", street: "Kerkstraat",
      kern: "Lindeloo", concernId: 1, lifeArea: null, residentId: null, note: "Post stapelt zich op.",
    });
  });
});
