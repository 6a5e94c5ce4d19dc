import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend } from "../../test/ipc";
import RightsPanel from "./RightsPanel.svelte";
import RequestsDue from "./RequestsDue.svelte";
import type { ErasePlan, PrivacyRequest } from "../../lib/api";

const asked = (kind: PrivacyRequest["kind"], id: number, daysLeft = 20): PrivacyRequest => ({
  id,
  kind,
  residentId: 7,
  residentName: "Wietske Zandbergen",
  receivedOn: "2026-11-12",
  deadlineOn: "2026-12-12",
  doneOn: null,
  note: "",
  overdue: daysLeft < 0,
  daysLeft,
});

const plan = (over: Partial<ErasePlan> = {}): ErasePlan => ({
  residentId: 7,
  name: "Wietske Zandbergen",
  blockers: [],
  handedOver: [],
  requests: 1,
  isVolunteer: false,
  inOtherNetworks: 0,
  ...over,
});

const props = { residentId: 7, name: "Wietske Zandbergen", isVolunteer: false };

describe("privacy rights on the resident's page", () => {
  it("saves the inzage through the save dialog and marks the open inzage request done", async () => {
    const calls = fakeBackend({
      resident_privacy_requests: () => [asked("inzage", 3)],
      pick_save_file: () => "/tmp/Inzage-Wietske-Zandbergen.pdf",
      make_inzage: () => ({ files: ["/tmp/Inzage-Wietske-Zandbergen.pdf", "/tmp/Inzage-Wietske-Zandbergen.json"], requestDone: 3 }),
    });
    render(RightsPanel, props);
    await screen.findByText(/Uiterlijk/);
    expect(screen.getByLabelText(/verzoek om inzage .* klaar/)).toBeChecked();
    await userEvent.click(screen.getByRole("button", { name: "Inzage maken" }));
    await screen.findByText("Inzage-Wietske-Zandbergen.json");
    expect(calls.find((c) => c.cmd === "pick_save_file")?.args).toEqual({
      kind: "inzage",
      suggested: "Inzage-Wietske-Zandbergen.pdf",
    });
    expect(calls.find((c) => c.cmd === "make_inzage")?.args).toEqual({
      residentId: 7,
      path: "/tmp/Inzage-Wietske-Zandbergen.pdf",
      requestDone: 3,
    });
  });

  it("erases only after the explanation and a reason, for the open erasure request", async () => {
    const calls = fakeBackend({
      resident_privacy_requests: () => [asked("wissen", 5)],
      erase_plan: () =>
        plan({ handedOver: [{ recipient: "Wmo-loket Aadal", madeAt: "2026-11-02T10:00:00", categories: ["identity"] }] }),
      erase_resident: (a) => {
        const input = a.input as { reason: string };
        if (!input.reason) throw failure("invalid_input", [{ field: "reason", rule: "required" }]);
        return null;
      },
      retention_notice: () => ({
        due: { dossiers: 0, requests: 0, volunteers: 0, signals: 0, exportLogs: 0, auditLines: 0 },
        backups: { daily: 9, beforeUpdate: 0, lastGoneOn: "2027-06-03" },
      }),
    });
    render(RightsPanel, props);
    await screen.findByText(/Uiterlijk/);
    await userEvent.click(screen.getByRole("button", { name: "Gegevens wissen…" }));
    const dialog = await screen.findByRole("dialog");
    await within(dialog).findByText("Wat er gebeurt");
    within(dialog).getByText("Wmo-loket Aadal");
    await userEvent.click(within(dialog).getByRole("button", { name: "Ja, alles van Wietske Zandbergen wissen" }));
    await within(dialog).findByText(/Vul dit in/);
    await userEvent.type(within(dialog).getByLabelText("Waarom worden de gegevens gewist?"), "De bewoner vroeg het zelf.");
    expect(within(dialog).queryByText(/Vul dit in/)).toBeNull();
    await userEvent.click(within(dialog).getByRole("button", { name: "Ja, alles van Wietske Zandbergen wissen" }));
    await within(dialog).findByText("De gegevens zijn gewist");
    // Honest about the backups that still hold the erased data.
    expect((await within(dialog).findByText(/reservekopieën op deze computer/)).textContent).toContain(
      "de laatste daarvan verdwijnt uiterlijk op 3 juni 2027",
    );
    expect(calls.filter((c) => c.cmd === "erase_resident").at(-1)?.args.input).toEqual({
      residentId: 7,
      reason: "De bewoner vroeg het zelf.",
      requestId: 5,
    });
  });

  it("refuses with the reasons while something is open, without an erase button", async () => {
    fakeBackend({
      resident_privacy_requests: () => [],
      erase_plan: () =>
        plan({ blockers: [{ kind: "referral", requestId: 9, text: "De doorverwijzing naar Wmo-loket Aadal van 2 november 2026 wacht nog op antwoord." }] }),
    });
    render(RightsPanel, props);
    await userEvent.click(await screen.findByRole("button", { name: "Gegevens wissen…" }));
    const dialog = await screen.findByRole("dialog");
    await within(dialog).findByText(/wacht nog op antwoord/);
    within(dialog).getByText(/Wissen kan nu nog niet/);
    expect(within(dialog).queryByRole("button", { name: /alles van .* wissen/ })).toBeNull();
  });
});

describe("privacy requests on Vandaag", () => {
  it("lists the open requests with their deadline, a late one in words", async () => {
    fakeBackend({ open_privacy_requests: () => [asked("wissen", 1, -3), asked("inzage", 2, 12)] });
    render(RequestsDue);
    await screen.findByText(/3 dagen te laat/);
    screen.getByText(/nog 12 dagen/);
  });

  it("shows nothing when no request is open", async () => {
    fakeBackend({ open_privacy_requests: () => [] });
    const { container } = render(RequestsDue);
    await new Promise((r) => setTimeout(r, 0));
    expect(container.querySelector("#block-privacy-requests")).toBeNull();
  });
});
