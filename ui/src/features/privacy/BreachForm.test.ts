import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { failure, fakeBackend } from "../../test/ipc";
import BreachForm from "./BreachForm.svelte";
import BreachList from "./BreachList.svelte";
import { placeRoute, places } from "../../lib/draftPlaces";
import type { DataBreach } from "../../lib/api";

const breach: DataBreach = {
  id: 4,
  discoveredAt: "2026-11-29T14:30:00",
  happened: "Laptop in de trein laten liggen.",
  whoseData: "ongeveer 20 bewoners van de Kerkstraat",
  measures: "",
  apInformed: false,
  apInformedOn: null,
  notes: "",
  createdAt: "2026-11-29T15:00:00",
  deadline: {
    dueAt: "2026-12-02T14:30:00",
    state: "open" as const,
    hoursLeft: 5,
    text: "Melden bij de Autoriteit Persoonsgegevens vóór woensdag 2 december 14:30 — nog 5 uur",
  },
};

describe("data breach form", () => {
  it("sends the breach as typed, the date the ISO way, and hands the saved one back", async () => {
    const calls = fakeBackend({ create_data_breach: () => breach });
    const onDone = vi.fn();
    render(BreachForm, { onDone });
    const on = await screen.findByLabelText("Ontdekt op");
    await userEvent.clear(on);
    await userEvent.type(on, "29-11-2026");
    const time = screen.getByLabelText("Hoe laat?");
    await userEvent.clear(time);
    await userEvent.type(time, "14:30");
    await userEvent.click(screen.getByRole("button", { name: "Laptop of telefoon kwijt" }));
    await userEvent.type(screen.getByLabelText("Wat is er gebeurd?"), "in de trein.");
    await userEvent.type(screen.getByLabelText("Van wie zijn de gegevens?"), "ongeveer 20 bewoners van de Kerkstraat");
    // Nothing is ticked for the user; the date field only shows once it is.
    const informed = screen.getByLabelText("Gemeld bij de Autoriteit Persoonsgegevens");
    expect(informed).not.toBeChecked();
    expect(screen.queryByLabelText("Gemeld op")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    const sent = calls.find((c) => c.cmd === "create_data_breach")?.args.input as Record<string, unknown>;
    expect(sent).toMatchObject({
      discoveredOn: "2026-11-29",
      discoveredTime: "14:30",
      happened: "Laptop of telefoon met Buurtpunt kwijtgeraakt of gestolen: in de trein.",
      whoseData: "ongeveer 20 bewoners van de Kerkstraat",
      apInformed: false,
      apInformedOn: "",
    });
    expect(onDone).toHaveBeenCalledWith(breach);
  });

  it("shows the core's field errors beside the fields", async () => {
    fakeBackend({
      create_data_breach: () => {
        throw failure("invalid_input", [
          { field: "discoveredTime", rule: "time" },
          { field: "whoseData", rule: "required" },
          { field: "apInformedOn", rule: "period_order" },
        ]);
      },
    });
    const onDone = vi.fn();
    render(BreachForm, { onDone });
    await userEvent.click(await screen.findByLabelText("Gemeld bij de Autoriteit Persoonsgegevens"));
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect((await screen.findByLabelText("Hoe laat?")).getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById("breach-discoveredTime-error")?.textContent).toContain("14:30");
    expect(document.getElementById("breach-whoseData-error")?.textContent).toContain("Vul dit in");
    expect(document.getElementById("breach-apInformedOn-error")?.textContent).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it("keeps its draft where the privacy screen opens it again", () => {
    expect(placeRoute("data_breach", places.dataBreach())).toEqual({ screen: "privacy", breach: "new" });
    expect(placeRoute("data_breach", places.dataBreach(4))).toEqual({ screen: "privacy", breach: 4 });
    expect(placeRoute("data_breach", "x")).toBeNull();
  });
});

describe("data breach list", () => {
  it("shows each breach with its deadline as the core wrote it", () => {
    render(BreachList, { breaches: [breach, { ...breach, id: 5, deadline: { ...breach.deadline, state: "passed", text: "… — termijn verstreken" } }] });
    expect(document.getElementById("breach-4-deadline")?.textContent).toContain("vóór woensdag 2 december 14:30 — nog 5 uur");
    expect(document.getElementById("breach-5-deadline")?.textContent).toContain("Let op:");
    expect(document.getElementById("breach-4")?.textContent).toContain("29-11-2026 om 14:30");
  });
});
