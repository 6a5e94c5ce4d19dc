import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend, fileDialogs, type Call } from "../../test/ipc";
import FullExport from "./FullExport.svelte";

const exports = (calls: Call[]) => calls.filter((c) => c.cmd === "full_export");

describe("Alles exporteren", () => {
  it("says the file is not encrypted, asks first, then exports to the chosen file", async () => {
    const calls = fakeBackend({
      ...fileDialogs("/tmp/proef"),
      full_export: (a) => ({ file: String(a.path), tables: 23, rows: 612345 }),
    });
    render(FullExport, {});
    expect(document.getElementById("full-export-unencrypted")?.textContent).toContain("niet versleuteld");

    await userEvent.click(screen.getByRole("button", { name: "Alles exporteren" }));
    expect(exports(calls)).toEqual([]);
    expect(screen.getByRole("alertdialog").textContent).toContain("zonder versleuteling");
    await userEvent.click(screen.getByRole("button", { name: "Ja, alles exporteren" }));

    const done = await screen.findByText(/Klaar:/);
    expect(done.textContent?.replace(/\s+/g, " ")).toContain(
      "Klaar: 23 tabellen, 612.345 regels in buurtpunt-export-",
    );
    expect(document.getElementById("full-export-done")?.textContent).toContain("In de map: /tmp/proef");
    const [made] = exports(calls);
    expect(String(made.args.path)).toMatch(/^\/tmp\/proef\/buurtpunt-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const pick = calls.find((c) => c.cmd === "pick_save_file");
    expect(pick?.args.kind).toBe("full_export");
  });

  it("does nothing when the user says no or cancels the dialog", async () => {
    const calls = fakeBackend({
      pick_save_file: () => null,
      full_export: () => ({ file: "x", tables: 1, rows: 1 }),
    });
    render(FullExport, {});
    await userEvent.click(screen.getByRole("button", { name: "Alles exporteren" }));
    await userEvent.click(screen.getByRole("button", { name: "Nee, terug" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Alles exporteren" }));
    await userEvent.click(screen.getByRole("button", { name: "Ja, alles exporteren" }));
    expect(exports(calls)).toEqual([]);
    expect(screen.queryByText(/Klaar:/)).toBeNull();
  });

  it("shows a refusal in plain Dutch", async () => {
    fakeBackend({
      ...fileDialogs(),
      full_export: () => {
        throw failure("meeting_mode");
      },
    });
    render(FullExport, {});
    await userEvent.click(screen.getByRole("button", { name: "Alles exporteren" }));
    await userEvent.click(screen.getByRole("button", { name: "Ja, alles exporteren" }));
    const error = await screen.findByRole("alert");
    expect(error.textContent).not.toContain("meeting_mode");
    expect(error.textContent?.length).toBeGreaterThan(10);
  });
});
