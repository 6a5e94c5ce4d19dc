import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { fakeBackend } from "../../test/ipc";
import type { Referral } from "../../lib/api";
import DueBlock from "./DueBlock.svelte";

/** A referral waiting on the loket (only what this block shows matters). */
const referral = (over: Partial<Referral>): Referral => ({
  id: 1, requestId: 5, residentId: 7, residentName: "", serviceId: null, organisation: "Wmo-loket Dorpsgemeente",
  service: "", contact: "", wmoDesk: true, reason: "", urgency: "normal", volunteersDid: "", status: "sent",
  allowedNext: [], createdOn: "2026-10-30", sentOn: "2026-11-01", receivedOn: null, answeredOn: null, closedOn: null,
  meldingOn: "2026-11-01", deadline: null, daysLeft: null, answer: "", reference: "BP-2026-0001", overrideReason: "",
  consentOk: true, consentCategories: [], ...over,
});

describe("the Wmo-loket's answers on Vandaag", () => {
  it("lists the referrals waiting on the loket, with the deadline in words", async () => {
    fakeBackend({
      open_wmo_referrals: () => [
        referral({ id: 1, residentName: "Aaltje Geërtsema", status: "sent", deadline: "2026-12-20", daysLeft: 18 }),
        referral({ id: 2, residentName: "Berend Kuipers", status: "sent", deadline: "2026-11-20", daysLeft: -12 }),
      ],
    });
    render(DueBlock);
    expect((await screen.findByText("Aaltje Geërtsema")).closest("button")?.textContent).toContain("nog 18 dagen");
    expect(screen.getByText("Berend Kuipers").closest("button")?.textContent).toContain("termijn verlopen op 20-11-2026");
  });

  it("shows nothing when nothing waits on the loket", async () => {
    fakeBackend({ open_wmo_referrals: () => [] });
    render(DueBlock);
    await new Promise((r) => setTimeout(r, 20));
    expect(document.getElementById("today-followup")).toBeNull();
  });
});
