import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { HsdsReport } from "../../lib/api";
import { failure, fakeBackend, fileDialogs, chooseFile } from "../../test/ipc";
import HsdsTransfer from "./HsdsTransfer.svelte";

const refused: HsdsReport = {
  imported: false,
  organisationsNew: 0,
  organisationsById: 0,
  organisationsByName: 0,
  servicesNew: 0,
  servicesUpdated: 0,
  problems: [
    { file: "services.csv", row: 4, organisation: "", service: "Zwerver", field: "organizationId", rule: "choice", max: null },
    { file: "json", row: 2, organisation: "Huisarts Dal", service: "", field: "email", rule: "email", max: null },
  ],
  problemTotal: 2,
};

describe("HSDS exchange", () => {
  it("lists each problem of a refused file with its place", async () => {
    chooseFile("/tmp/test/kaart.zip");
    const calls = fakeBackend({ ...fileDialogs("/tmp/test"), import_social_map: () => refused });
    render(HsdsTransfer, {});
    await userEvent.click(screen.getByRole("button", { name: "Bestand inlezen…" }));
    expect(await screen.findByText("Er is niets ingelezen.")).toBeInTheDocument();
    const problems = document.getElementById("hsds-problems")?.textContent ?? "";
    expect(problems).toContain("Rij 4 van services.csv (Zwerver)");
    expect(problems).toContain("hoort bij een organisatie die niet in het bestand staat");
    expect(problems).toContain("Organisatie 2 in het bestand (Huisarts Dal): E-mail: Vul een e-mailadres in");
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
