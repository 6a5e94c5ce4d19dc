import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ReferralStatus, ReferralStep } from "../../lib/api";
import { failure, fakeBackend, type Call } from "../../test/ipc";
import ReferralItem from "./ReferralItem.svelte";
import { referral } from "./testData";

const steps = (calls: Call[]) => calls.filter((c) => c.cmd === "change_referral_status");
const stepButtons = () =>
  [...document.querySelectorAll<HTMLButtonElement>("button[id^='referral-step-']")].map((b) => b.textContent?.trim());
const form = (name: string) => screen.getByRole("form", { name });

function backend() {
  return fakeBackend({ change_referral_status: (a) => referral({ status: a.status as ReferralStatus, allowedNext: [] }) });
}

describe("referral lifecycle", () => {
  it("sends a referral to the Wmo-loket with the send date and the melding date", async () => {
    const calls = backend();
    const onChanged = vi.fn();
    render(ReferralItem, { referral: referral(), onChanged });
    expect(stepButtons()).toEqual(["Versturen", "Afronden"]);

    await userEvent.click(screen.getByRole("button", { name: "Versturen" }));
    const f = form("Versturen");
    await userEvent.type(within(f).getByLabelText("Datum (leeg = vandaag)"), "3-11-2026");
    await userEvent.type(
      within(f).getByLabelText("Datum van de melding bij het Wmo-loket (leeg = verstuurdatum)"),
      "2-11-2026",
    );
    await userEvent.click(within(f).getByRole("button", { name: "Versturen" }));

    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(steps(calls)[0].args).toEqual({
      id: 21,
      status: "sent",
      step: { onDate: "2026-11-03", meldingOn: "2026-11-02", answer: "", overrideReason: "" },
    });
    expect(screen.queryByRole("form", { name: "Versturen" })).toBeNull();
  });

  it("asks no melding date when the recipient is not the Wmo-loket", async () => {
    const calls = backend();
    render(ReferralItem, {
      referral: referral({ wmoDesk: false, organisation: "Thuiszorg De Linde", service: "" }),
      onChanged: vi.fn(),
    });
    await userEvent.click(screen.getByRole("button", { name: "Versturen" }));
    expect(screen.queryByLabelText(/Datum van de melding/)).toBeNull();
    await userEvent.click(within(form("Versturen")).getByRole("button", { name: "Versturen" }));
    await vi.waitFor(() => expect(steps(calls)).toHaveLength(1));
    // An empty date means today: the backend fills it in.
    expect(steps(calls)[0].args.step).toEqual({ onDate: "", meldingOn: "", answer: "", overrideReason: "" });
  });

  it("shows the melding date and the 6-week deadline, and records that the loket received it", async () => {
    const calls = backend();
    const onChanged = vi.fn();
    const sent = referral({
      status: "sent", allowedNext: ["received", "answered", "closed"], sentOn: "2026-11-03", meldingOn: "2026-11-02", deadline: "2026-12-14", daysLeft: 20,
    });
    render(ReferralItem, { referral: sent, onChanged });
    expect(document.getElementById("referral-deadline-21")?.textContent?.replace(/\s+/g, " ").trim()).toBe(
      "Melding op 02-11-2026. Het onderzoek van de gemeente duurt hoogstens 6 weken: klaar uiterlijk 14-12-2026 (nog 20 dagen).",
    );
    expect(screen.getByText(/verstuurd 03-11-2026/)).toBeTruthy();
    expect(stepButtons()).toEqual(["Ontvangen", "Antwoord vastleggen", "Afronden"]);

    await userEvent.click(screen.getByRole("button", { name: "Ontvangen" }));
    const f = form("Ontvangen");
    expect(within(f).queryByLabelText(/Datum van de melding/)).toBeNull();
    await userEvent.type(within(f).getByLabelText("Datum (leeg = vandaag)"), "5-11-2026");
    await userEvent.click(within(f).getByRole("button", { name: "Ontvangen" }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(steps(calls)[0].args).toMatchObject({ id: 21, status: "received", step: { onDate: "2026-11-05" } });
  });

  it("says how many days the loket is late", () => {
    fakeBackend({});
    const late = referral({
      status: "received", allowedNext: ["answered", "closed"], sentOn: "2026-09-01", receivedOn: "2026-09-03",
      meldingOn: "2026-09-01", deadline: "2026-10-13", daysLeft: -3,
    });
    render(ReferralItem, { referral: late, onChanged: vi.fn() });
    expect(document.getElementById("referral-deadline-21")?.textContent).toContain("klaar uiterlijk 13-10-2026 (3 dagen te laat)");
    expect(screen.getByText(/verstuurd 01-09-2026 · ontvangen 03-09-2026/)).toBeTruthy();
  });

  it("records the loket's answer, which is then shown, and closes the referral", async () => {
    const calls = fakeBackend({
      change_referral_status: (a) => {
        const step = a.step as ReferralStep;
        if (a.status === "answered" && !step.answer.trim()) {
          throw failure("invalid_input", [{ field: "answer", rule: "required" }]);
        }
        return referral({ status: a.status as ReferralStatus, allowedNext: [] });
      },
    });
    const onChanged = vi.fn();
    const received = referral({
      status: "received", allowedNext: ["answered", "closed"], sentOn: "2026-11-03", receivedOn: "2026-11-05",
    });
    const { rerender } = render(ReferralItem, { referral: received, onChanged });
    // The kenmerk the loket quotes is on the referral, and beside the answer.
    expect(document.getElementById("referral-reference-21")?.textContent).toBe("Kenmerk BP-2026-0021");

    await userEvent.click(screen.getByRole("button", { name: "Antwoord vastleggen" }));
    const f = form("Antwoord vastleggen");
    await userEvent.click(within(f).getByRole("button", { name: "Antwoord vastleggen" }));
    const answer = within(f).getByLabelText("Wat is het antwoord?");
    expect(f.textContent).toContain("Dit is BP-2026-0021.");
    await vi.waitFor(() => expect(answer.getAttribute("aria-invalid")).toBe("true"));
    expect(within(f).getAllByRole("alert").map((a) => a.textContent)).toContain("Vul dit in.");
    expect(onChanged).not.toHaveBeenCalled();

    await userEvent.type(answer, "Huishoudelijke hulp toegekend, 3 uur per week.");
    await userEvent.type(within(f).getByLabelText("Datum (leeg = vandaag)"), "20-11-2026");
    await userEvent.click(within(f).getByRole("button", { name: "Antwoord vastleggen" }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(steps(calls)[1].args).toEqual({
      id: 21,
      status: "answered",
      step: { onDate: "2026-11-20", meldingOn: "", answer: "Huishoudelijke hulp toegekend, 3 uur per week.", overrideReason: "" },
    });

    await rerender({
      referral: referral({
        ...received, status: "answered", allowedNext: ["closed"], answeredOn: "2026-11-20", answer: "Huishoudelijke hulp toegekend, 3 uur per week.",
      }),
      onChanged,
    });
    expect(screen.getByText("Huishoudelijke hulp toegekend, 3 uur per week.")).toBeTruthy();
    expect(screen.getByText(/beantwoord 20-11-2026/)).toBeTruthy();
    expect(stepButtons()).toEqual(["Afronden"]);

    await userEvent.click(screen.getByRole("button", { name: "Afronden" }));
    await userEvent.click(within(form("Afronden")).getByRole("button", { name: "Afronden" }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(steps(calls)[2].args).toMatchObject({ id: 21, status: "closed", step: { onDate: "" } });

    await rerender({ referral: referral({ ...received, status: "closed", allowedNext: [], closedOn: "2026-11-21" }), onChanged });
    expect(stepButtons()).toEqual([]);
    expect(screen.getByText(/afgerond 21-11-2026/)).toBeTruthy();
  });

  it("sends without consent only in acute danger with a reason", async () => {
    const calls = backend();
    const onChanged = vi.fn();
    render(ReferralItem, { referral: referral({ consentOk: false, consentCategories: [] }), onChanged });
    expect(document.getElementById("referral-consent-21")?.textContent).toContain(
      "Nog geen toestemming van de bewoner om gegevens met Wmo-loket Dorpsgemeente te delen.",
    );
    await userEvent.click(screen.getByRole("button", { name: "Versturen" }));
    const f = form("Versturen");
    const send = within(f).getByRole("button", { name: "Versturen" });

    await userEvent.click(send);
    expect(within(f).getByRole("alert").textContent).toContain("Er is geen geldige toestemming");
    await userEvent.click(within(f).getByLabelText("Er is acuut gevaar: ik verstuur zonder toestemming"));
    await userEvent.click(send);
    expect(within(f).getByRole("alert").textContent).toBe("Schrijf op wat het acute gevaar is. Dit wordt vastgelegd.");
    expect(steps(calls)).toHaveLength(0);

    await userEvent.type(within(f).getByLabelText("Wat is het acute gevaar?"), "Meneer is verward en alleen.");
    await userEvent.click(send);
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(steps(calls)[0].args).toMatchObject({
      status: "sent",
      step: { overrideReason: "Meneer is verward en alleen." },
    });
  });

  it("says at the reason when the acute-danger reason is too long", async () => {
    fakeBackend({
      change_referral_status: () => {
        throw failure("invalid_input", [{ field: "overrideReason", rule: "too_long", max: 200 }]);
      },
    });
    const onChanged = vi.fn();
    render(ReferralItem, { referral: referral({ consentOk: false, consentCategories: [] }), onChanged });
    await userEvent.click(screen.getByRole("button", { name: "Versturen" }));
    const f = form("Versturen");
    await userEvent.click(within(f).getByLabelText("Er is acuut gevaar: ik verstuur zonder toestemming"));
    const reason = within(f).getByLabelText("Wat is het acute gevaar?");
    await userEvent.type(reason, "Een heel lang verhaal.");
    await userEvent.click(within(f).getByRole("button", { name: "Versturen" }));
    await vi.waitFor(() => expect(reason.getAttribute("aria-invalid")).toBe("true"));
    expect(within(f).getAllByRole("alert").map((a) => a.textContent)).toContain("Dit is te lang. Gebruik hoogstens 200 tekens.");
    expect((reason as HTMLTextAreaElement).value).toBe("Een heel lang verhaal.");
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("shows a refused step as a Dutch sentence and keeps the form", async () => {
    fakeBackend({
      change_referral_status: () => {
        throw failure("invalid_transition");
      },
    });
    const onChanged = vi.fn();
    render(ReferralItem, { referral: referral({ status: "sent", allowedNext: ["received", "answered", "closed"], sentOn: "2026-11-03" }), onChanged });
    await userEvent.click(screen.getByRole("button", { name: "Ontvangen" }));
    const f = form("Ontvangen");
    await userEvent.type(within(f).getByLabelText("Datum (leeg = vandaag)"), "5-11-2026");
    await userEvent.click(within(f).getByRole("button", { name: "Ontvangen" }));
    await vi.waitFor(() =>
      expect(document.getElementById("referral-error-21")?.textContent).toBe("Deze stap kan niet vanuit de huidige status."),
    );
    expect((within(f).getByLabelText("Datum (leeg = vandaag)") as HTMLInputElement).value).toBe("5-11-2026");
    expect(onChanged).not.toHaveBeenCalled();
  });
});
