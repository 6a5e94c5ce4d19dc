import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { HsdsReport } from "../../lib/api";
import { failure, fakeBackend, fileDialogs, chooseFile } from "../../test/ipc";
import HsdsTransfer from "./HsdsTransfer.svelte";

const partly: HsdsReport = {
  imported: true,
  organisationsNew: 1,
  organisationsById: 1,
  organisationsByName: 0,
  servicesNew: 2,
  servicesUpdated: 1,
  organisationsSkipped: 1,
  servicesSkipped: 1,
  droppedFields: ["alternate_name", "wait_time"],
  problems: [
    { file: "services.csv", row: 4, organisation: "", service: "Zwerver", field: "organizationId", rule: "choice", max: null, action: "record_skipped", value: "" },
    { file: "json", row: 2, organisation: "Huisarts Dal", service: "", field: "phone", rule: "phone", max: null, action: "field_skipped", value: "bel ons" },
    { file: "json", row: 2, organisation: "Huisarts Dal", service: "Spreekuur", field: "language", rule: "choice", max: null, action: "converted", value: "fy" },
    { file: "json", row: 3, organisation: "=SOM(1)", service: "", field: "name", rule: "formula_start", max: null, action: "record_skipped", value: "" },
  ],
  problemTotal: 4,
};

describe("HSDS exchange", () => {
  it("counts what was taken, updated and skipped, and says per record what was left out", async () => {
    chooseFile("/tmp/test/kaart.zip");
    const calls = fakeBackend({ ...fileDialogs("/tmp/test"), import_social_map: () => partly });
    render(HsdsTransfer, {});
    await userEvent.click(screen.getByRole("button", { name: "Bestand inlezen…" }));
    expect(await screen.findByText("Het bestand is ingelezen.")).toBeInTheDocument();
    const counts = document.getElementById("hsds-counts")?.textContent ?? "";
    expect(counts).toContain("Nieuw12");
    expect(counts).toContain("Bijgewerkt11");
    expect(counts).toContain("Overgeslagen11");
    const problems = document.getElementById("hsds-problems")?.textContent ?? "";
    expect(problems).toContain("Dienst Zwerver: hoort bij een organisatie die niet in het bestand staat, overgeslagen");
    expect(problems).toContain('Organisatie Huisarts Dal: telefoonnummer "bel ons" niet leesbaar, overgeslagen');
    expect(problems).toContain('Dienst Spreekuur (Huisarts Dal): taal alleen als code "fy", als naam overgenomen');
    expect(problems).toContain("Organisatie =SOM(1): naam begint met =, +, - of @, overgeslagen");
    expect(document.getElementById("hsds-dropped")?.textContent).toContain("alternate_name, wait_time");
    expect(calls.find((c) => c.cmd === "import_social_map")?.args.path).toBe("/tmp/test/kaart.zip");
  });

  it("says in Dutch that a garbage file was not read, and saves exports where asked", async () => {
    chooseFile("/tmp/test/foto.jpg");
    const calls = fakeBackend({
      ...fileDialogs("/tmp/test"),
      import_social_map: () => {
        throw failure("hsds_unreadable");
      },
      export_social_map: () => ({ organisations: 9, services: 12 }),
    });
    render(HsdsTransfer, {});
    await userEvent.click(screen.getByRole("button", { name: "Bestand inlezen…" }));
    expect(await screen.findByText(/geen sociale kaart die Buurtpunt kan lezen/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Opslaan als CSV (zip)" }));
    expect(await screen.findByText(/Opgeslagen: 9 organisaties en 12 diensten/)).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "export_social_map")?.args).toEqual({
      path: "/tmp/test/sociale-kaart-csv.zip",
      format: "csv_zip",
    });
  });
});
