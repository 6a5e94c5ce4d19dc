import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ReportInput, ReportTexts } from "../../lib/api";
import AskDialog from "../../lib/components/AskDialog.svelte";
import { placeRoute, places } from "../../lib/draftPlaces";
import { failure, fakeBackend, fileDialogs, type Call } from "../../test/ipc";
import ReportScreen from "./ReportScreen.svelte";

const stored: Record<number, ReportTexts> = {
  2026: { year: 2026, foreword: "Een jaar vol burenhulp.", notes: "" },
  2025: { year: 2025, foreword: "Het eerste jaar.", notes: "" },
};

function backend(extra: Record<string, (a: Record<string, unknown>) => unknown> = {}): Call[] {
  return fakeBackend({
    report_years: () => ({ years: [2026, 2025], suggested: 2026 }),
    report_texts: (a) => stored[a.year as number] ?? { year: a.year, foreword: "", notes: "" },
    save_report_texts: (a) => a.texts,
    make_report: (a) => {
      const input = a.input as ReportInput;
      return { year: input.year, files: [`${String(a.path)}`, String(a.path).replace(/\.pdf$/, ".xlsx")] };
    },
    ...fileDialogs("/tmp/proef"),
    ...extra,
  });
}

const makes = (calls: Call[]) => calls.filter((c) => c.cmd === "make_report");
const makeButton = () => screen.getByRole("button", { name: "Jaarverslag maken (PDF en Excel)" });

describe("annual report screen", () => {
  it("offers the suggested year, saves the texts and makes both files in the chosen place", async () => {
    const calls = backend();
    render(ReportScreen, {});
    const foreword = (await screen.findByLabelText("Voorwoord (mag leeg)")) as HTMLTextAreaElement;
    await vi.waitFor(() => expect(foreword.value).toBe("Een jaar vol burenhulp."));
    expect((screen.getByLabelText("Over welk jaar?") as HTMLSelectElement).value).toBe("2026");
    expect(document.getElementById("report-privacy")?.textContent).toContain("geen persoonsgegevens");

    await userEvent.type(screen.getByLabelText("Toelichting van de groep (mag leeg)"), "Dank aan alle vrijwilligers.");
    await userEvent.click(makeButton());

    const done = await screen.findByText(/Het jaarverslag over 2026 is gemaakt/);
    expect(done.closest("#report-done")?.textContent).toContain("Jaarverslag-2026.xlsx");
    expect(done.closest("#report-done")?.textContent).toContain("In de map: /tmp/proef");
    const saves = calls.filter((c) => c.cmd === "save_report_texts");
    expect(saves.at(-1)?.args.texts).toEqual({ year: 2026, foreword: "Een jaar vol burenhulp.", notes: "Dank aan alle vrijwilligers." });
    const [make] = makes(calls);
    expect(make.args).toEqual({ input: { year: 2026, overwrite: false }, path: "/tmp/proef/Jaarverslag-2026.pdf" });
  });

  it("brings a kept concept back on the report screen of its year", () => {
    expect(placeRoute("report_texts", places.reportTexts(2026))).toEqual({ screen: "report", year: 2026 });
    expect(placeRoute("report_texts", "year-x")).toBeNull();
  });

  it("shows another year's texts when the year changes", async () => {
    backend();
    render(ReportScreen, {});
    await screen.findByLabelText("Voorwoord (mag leeg)");
    await userEvent.selectOptions(screen.getByLabelText("Over welk jaar?"), "2025");
    const foreword = (await screen.findByLabelText("Voorwoord (mag leeg)")) as HTMLTextAreaElement;
    await vi.waitFor(() => expect(foreword.value).toBe("Het eerste jaar."));
  });

  it("says in Dutch when a text is too long, and makes nothing", async () => {
    const calls = backend({
      save_report_texts: () => {
        throw failure("invalid_input", [{ field: "notes", rule: "too_long", max: 3000 }]);
      },
    });
    render(ReportScreen, {});
    await screen.findByLabelText("Voorwoord (mag leeg)");
    await userEvent.click(makeButton());
    const err = await vi.waitFor(() => {
      const e = document.getElementById("report-notes-error");
      if (!e) throw new Error("no field error yet");
      return e;
    });
    expect(err.textContent).toBe("Dit is te lang. Gebruik hoogstens 3.000 tekens.");
    expect(screen.getByLabelText("Toelichting van de groep (mag leeg)").getAttribute("aria-invalid")).toBe("true");
    expect(calls.some((c) => c.cmd === "pick_save_file")).toBe(false);
    expect(makes(calls)).toHaveLength(0);
  });

  it("asks before replacing files of the same name", async () => {
    let first = true;
    const calls = backend({
      make_report: (a) => {
        const input = a.input as ReportInput;
        if (first && !input.overwrite) {
          first = false;
          throw failure("report_files_exist");
        }
        return { year: input.year, files: ["/tmp/proef/Jaarverslag-2026.pdf", "/tmp/proef/Jaarverslag-2026.xlsx"] };
      },
    });
    render(AskDialog);
    render(ReportScreen, {});
    await screen.findByLabelText("Voorwoord (mag leeg)");
    await userEvent.click(makeButton());
    await userEvent.click(await screen.findByRole("button", { name: "Vervangen" }));
    await screen.findByText(/Het jaarverslag over 2026 is gemaakt/);
    expect(makes(calls).map((c) => (c.args.input as ReportInput).overwrite)).toEqual([false, true]);
  });
});
