import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it, vi } from "vitest";
import type { ImportPreview, ImportReport } from "../../lib/api";
import { failure, type Call, type Handler, fileDialogs, chooseFile } from "../../test/ipc";
import ImportScreen from "./ImportScreen.svelte";
import { limits } from "../../lib/limits.svelte";

// Like fakeBackend, with Tauri's event mock on (for `import-progress`).
function backend(handlers: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  mockIPC(
    (cmd, args) => {
      const a = (args ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args: a });
      const h = handlers[cmd];
      if (!h) throw failure("internal");
      return h(a);
    },
    { shouldMockEvents: true },
  );
  return calls;
}

const FILE = "/tmp/proef/bewoners.csv";

const preview: ImportPreview = {
  kind: "csv",
  encoding: "UTF-8",
  encodingGuessed: false,
  separator: ";",
  sheets: [],
  sheet: "",
  headers: ["Voornaam", "Achternaam", "Postcode", "Opmerking"],
  rows: [
    { row: 2, cells: ["Anna", "Bakker", "7991 LA", ""] },
    { row: 3, cells: ["Cor", "Jansen", "12345", "belt liever"] },
  ],
  rowCount: 2,
  wideRows: [],
  wideRowCount: 0,
  mapping: { sheet: "", columns: ["firstName", "lastName", "postcode", null], allVolunteers: false, fingerprint: "f1" },
};

const clean: ImportReport = {
  rows: 2, residents: 2, volunteers: 1, mappingProblems: [], problems: [], problemCount: 0, problemRows: 0,
  skipped: [], skippedCount: 0, unknownSkills: [], volunteerColumnsUnused: false, ready: true, wideRows: [], wideRowCount: 0,
};

const withProblem: ImportReport = {
  ...clean,
  residents: 1,
  problems: [
    { row: 3, name: "Cor Jansen", column: "Postcode", field: "postcode", rule: "postcode", max: null, value: "12345" },
  ],
  problemCount: 1,
  problemRows: 1,
  ready: false,
};

async function toMapping() {
  chooseFile(FILE);
  await userEvent.click(screen.getByRole("button", { name: "Bestand kiezen" }));
  await screen.findByRole("heading", { name: /Welke kolom is wat/ });
}

describe("spreadsheet import", () => {
  it("shows the bad row, imports nothing, and imports after the file is fixed", async () => {
    let checks = 0;
    let finish: () => void = () => {};
    const calls = backend({
      ...fileDialogs("/tmp/proef"),
      import_preview: () => preview,
      import_check: () => (++checks === 1 ? withProblem : clean),
      import_run: async () => {
        await emit("import-progress", { done: 1, total: 2 });
        await new Promise<void>((resolve) => (finish = resolve));
        return { residents: 2, volunteers: 1, skipped: 0 };
      },
    });
    render(ImportScreen, {});
    await toMapping();

    // The mapping step: a choice per column, with examples from the first rows.
    const postcode = screen.getByLabelText("Postcode") as HTMLSelectElement;
    expect(postcode.value).toBe("postcode");
    expect(screen.getByRole("row", { name: /Opmerking/ }).textContent).toContain("belt liever");
    await userEvent.selectOptions(screen.getByLabelText("Opmerking"), "notes");
    await userEvent.click(screen.getByRole("button", { name: "Controleren" }));

    // The report names the row, the column and what to do; import is blocked.
    await screen.findByRole("heading", { name: /Controle/ });
    const sent = calls.find((c) => c.cmd === "import_check")?.args;
    expect(sent).toEqual({
      path: FILE,
      mapping: { sheet: "", columns: ["firstName", "lastName", "postcode", "notes"], allVolunteers: false, fingerprint: "f1" },
    });
    expect(screen.getByRole("alert").textContent).toContain("In 1 rij klopt iets niet");
    const problem = within(document.getElementById("import-problems") as HTMLElement).getAllByRole("row")[1];
    expect(problem.textContent).toContain("Rij 3");
    expect(problem.textContent).toContain("Cor Jansen");
    expect(problem.textContent).toContain("12345");
    expect(problem.textContent).toContain("1234 AB");
    expect(screen.getByRole("button", { name: "Importeren" })).toBeDisabled();

    // The user fixed the file: check again, then import with progress.
    await userEvent.click(screen.getByRole("button", { name: "Opnieuw controleren" }));
    expect(await screen.findByText(/Alles is in orde/)).toHaveTextContent("2 bewoners en 1 vrijwilliger");
    await userEvent.click(screen.getByRole("button", { name: "Importeren" }));
    await vi.waitFor(() => expect(screen.getByText(/1 van 2 rijen/)).toBeInTheDocument());
    expect(screen.getByRole("progressbar", { name: "Voortgang" })).toHaveAttribute("aria-valuenow", "1");
    finish();
    expect(await screen.findByText(/toegevoegd/)).toHaveTextContent("2 bewoners en 1 vrijwilliger toegevoegd.");
    expect(calls.filter((c) => c.cmd === "import_run")).toHaveLength(1);
  });

  it("reads a file saved again since it was chosen, keeps the choices, and imports only what a check saw", async () => {
    // Each read of the file gives its fingerprint; the backend refuses a
    // mapping made for an older one.
    let version = 1;
    const calls = backend({
      ...fileDialogs("/tmp/proef"),
      import_preview: () => ({ ...preview, mapping: { ...preview.mapping, fingerprint: `f${version}` } }),
      import_check: (a) => {
        const m = a.mapping as { fingerprint: string };
        if (m.fingerprint !== `f${version}`) throw failure("import_file_changed");
        return version === 3 ? withProblem : clean;
      },
      import_run: (a) => {
        const m = a.mapping as { fingerprint: string };
        if (m.fingerprint !== `f${version}`) throw failure("import_file_changed");
        return { residents: 2, volunteers: 1, skipped: 0 };
      },
    });
    render(ImportScreen, {});
    await toMapping();
    await userEvent.selectOptions(screen.getByLabelText("Opmerking"), "notes");

    // Saved again in the spreadsheet program while the columns were chosen.
    version = 2;
    await userEvent.click(screen.getByRole("button", { name: "Controleren" }));
    await screen.findByRole("heading", { name: /Controle/ });
    expect(document.getElementById("import-notice")?.textContent).toContain("Het bestand is veranderd nadat u het koos");
    const checked = calls.filter((c) => c.cmd === "import_check").at(-1)?.args.mapping;
    expect(checked).toEqual({
      sheet: "",
      columns: ["firstName", "lastName", "postcode", "notes"],
      allVolunteers: false,
      fingerprint: "f2",
    });

    // Saved again after the check, now with a bad row: nothing imported,
    // the new check is shown and import waits.
    version = 3;
    await userEvent.click(screen.getByRole("button", { name: "Importeren" }));
    expect(await screen.findByText(/Er is niets geïmporteerd. Buurtpunt heeft het opnieuw gelezen en gecontroleerd/)).toBeInTheDocument();
    expect(await screen.findByText(/In 1 rij klopt iets niet/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Importeren" })).toBeDisabled();
    expect(calls.filter((c) => c.cmd === "import_run")).toHaveLength(1);
  });

  it("says nothing was imported when the columns changed after the check, and goes back to them", async () => {
    let version = 1;
    backend({
      ...fileDialogs("/tmp/proef"),
      import_preview: () =>
        version === 1
          ? preview
          : { ...preview, headers: ["Naam", "Postcode"], mapping: { ...preview.mapping, columns: ["fullName", "postcode"], fingerprint: "f2" } },
      import_check: () => clean,
      import_run: () => {
        throw failure("import_file_changed");
      },
    });
    render(ImportScreen, {});
    await toMapping();
    await userEvent.click(screen.getByRole("button", { name: "Controleren" }));
    await screen.findByRole("heading", { name: /Controle/ });
    version = 2;
    await userEvent.click(screen.getByRole("button", { name: "Importeren" }));
    await screen.findByRole("heading", { name: /Welke kolom is wat/ });
    const notice = document.getElementById("import-notice")?.textContent ?? "";
    expect(notice).toContain("Er is niets geïmporteerd.");
    expect(notice).toContain("De kolommen in het bestand zijn veranderd.");
  });

  it("says plainly when the chosen file is gone", async () => {
    let gone = false;
    backend({
      ...fileDialogs("/tmp/proef"),
      import_preview: () => preview,
      import_check: () => {
        if (gone) throw failure("file_gone");
        return clean;
      },
    });
    render(ImportScreen, {});
    await toMapping();
    gone = true;
    await userEvent.click(screen.getByRole("button", { name: "Controleren" }));
    const message = await screen.findByRole("alert");
    expect(message.textContent).toContain("niet (meer) te vinden");
    expect(screen.getByRole("heading", { name: /Welke kolom is wat/ })).toBeInTheDocument();
  });

  it("names rows with more cells than column names, in the mapping step and in the report", async () => {
    backend({
      ...fileDialogs("/tmp/proef"),
      import_preview: () => ({ ...preview, wideRows: [3], wideRowCount: 1 }),
      import_check: () => ({ ...clean, wideRows: [3], wideRowCount: 1 }),
    });
    render(ImportScreen, {});
    await toMapping();
    expect(document.getElementById("import-wide-preview")?.textContent).toContain("Eén rij heeft meer cellen dan er kolomnamen zijn");
    await userEvent.click(screen.getByRole("button", { name: "Controleren" }));
    await screen.findByRole("heading", { name: /Controle/ });
    const wide = document.getElementById("import-wide-rows")?.textContent ?? "";
    expect(wide).toContain("1 rij heeft meer cellen dan er kolomnamen zijn");
    expect(wide).toContain("Rij 3.");
  });

  it("names the most rows the core reads, in Dutch notation, and leaves the number out until it is known", async () => {
    backend({});
    const { unmount } = render(ImportScreen, {});
    const tips = () => document.querySelector(".tips")?.textContent?.replace(/\s+/g, " ") ?? "";
    expect(tips()).toContain("Daaronder staat één persoon per rij. Hoogstens 20.000 rijen per bestand.");
    unmount();
    limits.known = null;
    render(ImportScreen, {});
    expect(tips()).toContain("Daaronder staat één persoon per rij. U ziet eerst");
  });

  it("explains a file without column names next to the button", async () => {
    backend({
      ...fileDialogs("/tmp/proef"),
      import_preview: () => {
        throw failure("import_no_header");
      },
    });
    render(ImportScreen, {});
    chooseFile(FILE);
    await userEvent.click(screen.getByRole("button", { name: "Bestand kiezen" }));
    const message = await screen.findByRole("alert");
    expect(message.id).toBe("import-file-error");
    expect(message.textContent).toContain("geen kolomnamen");
  });

  it("keeps the mapping step open when the names have no column", async () => {
    backend({
      ...fileDialogs("/tmp/proef"),
      import_preview: () => preview,
      import_check: () => ({
        ...withProblem,
        problems: [],
        mappingProblems: [{ field: "firstName", issue: "missing" }],
      }),
    });
    render(ImportScreen, {});
    await toMapping();
    await userEvent.selectOptions(screen.getByLabelText("Voornaam"), "");
    await userEvent.click(screen.getByRole("button", { name: "Controleren" }));
    expect(await screen.findByText(/Kies welke kolom de voornaam heeft/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /Welke kolom is wat/ })).toBeInTheDocument();
  });
});
