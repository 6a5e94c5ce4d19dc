import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { AppStatus, MeetingItem, ScreenFigures, Table } from "../../lib/api";
import { failure, fakeBackend, type Call } from "../../test/ipc";
import MeetingShell from "./MeetingShell.svelte";

const table: Table = {
  id: "requests-by-area",
  title: "Hulpvragen per levensgebied",
  labelHeading: "Levensgebied",
  columns: ["2026", "2025"],
  rows: [
    { label: "Vervoer", cells: [{ kind: "count", n: 12 }, { kind: "count", n: 9 }] },
    { label: "Gezondheid", cells: [{ kind: "small" }, { kind: "hidden" }] },
  ],
  total: null,
  additive: false,
  note: "Een hulpvraag kan over meer levensgebieden gaan.",
};

const figures: ScreenFigures = {
  figures: {
    period: { from: "2026-01-01", to: "2026-12-31" },
    earlier: { from: "2025-01-01", to: "2025-12-31" },
    threshold: 5,
    sections: [
      {
        id: "requests",
        title: "Hulpvragen",
        tables: [
          structuredClone(table),
          {
            id: "requests-waiting", title: "Hoe snel?", labelHeading: "Dagen (mediaan)", columns: ["2026", "2025"],
            rows: [{ label: "Dagen tot het eerste contact", cells: [{ kind: "amount", value: 2, unit: "days" }, { kind: "empty" }] }],
            total: null, additive: false, note: "",
          },
        ],
        charts: [
          {
            id: "requests-by-area", kind: "bars", title: "Hulpvragen per levensgebied",
            description: "Staafdiagram: het aantal hulpvragen per levensgebied.",
            categories: ["Vervoer", "Gezondheid"],
            series: [
              { name: "2026", values: [12, null], hiddenLabel: ["", "< 5"] },
              { name: "2025", values: [9, null], hiddenLabel: ["", "x"] },
            ],
          },
        ],
      },
    ],
  },
  drawings: [
    {
      id: "requests-by-area", width: 320, height: 180,
      marks: [
        { mark: "rule", x1: 34, y1: 150, x2: 316, y2: 150, grid: false },
        { mark: "bar", x: 60, y: 40, w: 20, h: 110, series: 0 },
        { mark: "bar", x: 82, y: 70, w: 20, h: 80, series: 1 },
        { mark: "text", x: 200, y: 147, text: "< 5", anchor: "middle", size: 7, series: 0 },
      ],
    },
  ],
};

const agenda: MeetingItem[] = [
  {
    id: 1, number: 1, status: "agenda",
    text: { description: "Een vrouw komt weinig buiten.", question: "Hoe helpen we haar op weg?", tried: "Twee keer gereden.", lifeArea: "transport", kern: "Veenhoeve", ageBand: "75_84" },
  },
  { id: 2, number: 2, status: "agenda", text: null },
];

const unlocked = { phase: "unlocked", demo: false, meeting: false } as AppStatus;
const MEETING = new Set(["meeting_figures", "meeting_agenda", "mark_agenda_discussed", "leave_meeting", "limits"]);

function backend(): Call[] {
  let items = structuredClone(agenda);
  return fakeBackend({
    meeting_figures: (a) => {
      const c = a.choice as { kind: string; from?: string; to?: string };
      if (c.kind === "custom" && (c.to ?? "") < (c.from ?? "")) throw failure("invalid_input", [{ field: "to", rule: "period_order" }]);
      return figures;
    },
    meeting_agenda: () => items,
    mark_agenda_discussed: (a) => {
      items = items.map((i) => (i.id === a.id ? { ...i, status: "discussed" as const } : i));
      return items;
    },
    leave_meeting: (a) => {
      if (a.passphrase !== "lange zomeravond") throw failure("wrong_passphrase");
      return unlocked;
    },
  });
}

describe("meeting mode", () => {
  it("shows the results with a chart drawn from marks, its table behind a toggle", async () => {
    const calls = backend();
    render(MeetingShell, { demo: false, onStatus: () => {} });
    expect(screen.getByRole("note").textContent).toContain("geen persoonsgegevens op dit scherm");
    const img = await screen.findByRole("img", { name: "Staafdiagram: het aantal hulpvragen per levensgebied." });
    expect(img.querySelectorAll("rect")).toHaveLength(2);
    expect(img.textContent).toContain("< 5");
    // The waiting times have no chart: their table is shown as it is.
    const waiting = screen.getByRole("table", { name: "Hoe snel?" });
    expect(within(waiting).getByText("2 dagen")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Toon als tabel" }));
    const t = screen.getByRole("table", { name: "Hulpvragen per levensgebied" });
    const row = within(t).getByText("Gezondheid").closest("tr")!;
    expect([...row.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["< 5", "x"]);
    expect(calls[0]).toEqual({ cmd: "meeting_figures", args: { choice: { kind: "year", year: new Date().getFullYear() } } });
  });

  it("names a wrong period field in Dutch", async () => {
    backend();
    render(MeetingShell, { demo: false, onStatus: () => {} });
    await screen.findByRole("img");
    await userEvent.click(screen.getByLabelText("Van – tot"));
    await userEvent.type(screen.getByLabelText("Van"), "1-5-2026");
    await userEvent.type(screen.getByLabelText("Tot en met"), "1-4-2026");
    await userEvent.click(screen.getByRole("button", { name: "Toon" }));
    expect((await screen.findByText("De einddatum ligt vóór de begindatum.")).id).toBe("period-to-error");
  });

  it("shows anonymous cases, hides one that is not anonymous yet, and marks one discussed", async () => {
    const calls = backend();
    render(MeetingShell, { demo: false, onStatus: () => {} });
    await userEvent.click(screen.getByRole("button", { name: "Casusoverleg" }));
    expect(await screen.findByText("Een vrouw komt weinig buiten.")).toBeTruthy();
    expect(document.querySelector("#case-1 .facts")?.textContent?.replace(/\s+/g, " ").trim()).toBe("Vervoer · 75 tot 85 jaar · Veenhoeve");
    expect(document.getElementById("case-hidden-2")?.textContent).toContain("Deze casus is nog niet anoniem");
    await userEvent.click(screen.getByRole("button", { name: "Besproken" }));
    expect((await screen.findByText(/✓ Besproken/)).id).toBe("case-done-1");
    expect(calls.filter((c) => c.cmd === "mark_agenda_discussed")).toEqual([{ cmd: "mark_agenda_discussed", args: { id: 1 } }]);
  });

  it("leaves only with the right passphrase, and calls nothing but the meeting commands", async () => {
    const calls = backend();
    const onStatus = vi.fn();
    render(MeetingShell, { demo: false, onStatus });
    await screen.findByRole("img");
    await userEvent.click(screen.getByRole("button", { name: "Signalen" }));
    await screen.findByText("Er zijn nog geen signalen om te laten zien.");
    await userEvent.click(screen.getByRole("button", { name: "Vergadermodus verlaten" }));
    await userEvent.type(screen.getByLabelText("Wachtwoord"), "raden maar");
    await userEvent.click(screen.getByRole("button", { name: "Verlaten" }));
    expect((await screen.findByText(/Dit wachtwoord klopt niet/)).id).toBe("leave-meeting-passphrase-error");
    expect(onStatus).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText("Wachtwoord"), "lange zomeravond");
    await userEvent.click(screen.getByRole("button", { name: "Verlaten" }));
    expect(onStatus).toHaveBeenCalledWith(unlocked);
    expect(calls.map((c) => c.cmd).filter((c) => !MEETING.has(c))).toEqual([]);
  });
});
