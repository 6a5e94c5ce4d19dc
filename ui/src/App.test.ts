import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppStatus, Settings } from "./lib/api";
import { go } from "./lib/nav.svelte";
import { draftCommands, failure, fakeBackend, type Call } from "./test/ipc";
import App from "./App.svelte";

const unlocked: AppStatus = {
  phase: "unlocked", demo: false, setUp: true, dataDir: "/tmp/buurtpunt", damage: null, damageKind: null,
  keyProblem: null, backupProblem: null, background: null, lessData: null, meeting: false,
};
const locked: AppStatus = { ...unlocked, phase: "locked" };
const settings = (autoLockMinutes: number): Settings => ({
  autoLockMinutes, helpPointName: "Buurtpunt Lindeloo", defaultLimitHours: 4, vogValidYears: 3, checkinWeeks: 8, notAskedWeeks: 12,
  backupDays: 7, backupWeeks: 4, backupMonths: 6, patternMinSignals: 3, patternWeeks: 8, signalKeepMonths: 6,
    requestKeepMonths: 24, volunteerKeepMonths: 12, auditKeepMonths: 60, exportKeepMonths: 24,
  smallNumberThreshold: 5, hourlyRateCents: 0, helpPointPhone: "", helpPointEmail: "", consentValidMonths: 12,
});

/** Wait with real timeouts (only intervals and the clock are fake here). */
async function until(check: () => boolean, ms = 1000) {
  for (let i = 0; i < ms / 5 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

const locks = (calls: Call[]) => calls.filter((c) => c.cmd === "lock");
const shellShown = () => document.getElementById("lock-button") !== null;

// The screens behind the shell (today, ...) get no fake: they show an error, which is fine here.
function open(minutes: number) {
  const calls = fakeBackend({
    app_status: () => unlocked, get_settings: () => settings(minutes), lock: () => locked, daily_backup: () => unlocked,
  });
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
  render(App);
  return calls;
}

describe("auto-lock", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("locks after the configured idle minutes; activity starts the count again", async () => {
    const calls = open(2);
    await until(shellShown);
    expect(screen.getByText("Buurtpunt Lindeloo")).toBeTruthy();

    await vi.advanceTimersByTimeAsync(100_000);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
    await vi.advanceTimersByTimeAsync(100_000); // 200 s open, 100 s idle
    expect(locks(calls)).toHaveLength(0);
    window.dispatchEvent(new Event("pointermove"));
    await vi.advanceTimersByTimeAsync(115_000);
    expect(locks(calls)).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(5_000); // 120 s idle
    await until(() => screen.queryByRole("heading", { name: "Buurtpunt is vergrendeld" }) !== null);
    expect(locks(calls)).toHaveLength(1);
    // Locked: the watch has stopped.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(locks(calls)).toHaveLength(1);
  });

  it("never locks by itself when the idle time is 0", async () => {
    const calls = open(0);
    await until(shellShown);
    await vi.advanceTimersByTimeAsync(8 * 60 * 60_000);
    expect(locks(calls)).toHaveLength(0);
    expect(shellShown()).toBe(true);
  });
});

describe("the database while the app is open", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("opens the restore screen when a screen meets a damaged page", async () => {
    const damaged: AppStatus = { ...unlocked, phase: "damaged", damage: "database disk image is malformed", damageKind: "unsound" };
    const calls = fakeBackend({
      app_status: () => unlocked,
      get_settings: () => settings(0),
      // The Vandaag screen's first read meets the damage.
      today: () => {
        throw failure("database_damaged");
      },
      check_database: () => damaged,
      list_backups: () => [],
      due_reminders: () => [[], 0],
      open_wmo_referrals: () => [],
      social_map_due: () => [[], 0],
    });
    render(App);
    await screen.findByRole("heading", { name: "Het gegevensbestand is beschadigd" });
    expect(calls.filter((c) => c.cmd === "check_database")).toHaveLength(1);
    expect(document.getElementById("lock-button")).toBeNull();
  });

  it("warns when today's automatic backup failed, and tries again while open", async () => {
    let status: AppStatus = { ...unlocked, backupProblem: "No space left on device" };
    const calls = fakeBackend({
      app_status: () => status,
      get_settings: () => settings(0),
      daily_backup: () => {
        status = unlocked;
        return status;
      },
    });
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    render(App);
    await until(() => document.getElementById("backup-problem") !== null);
    expect(document.getElementById("backup-problem")?.textContent).toContain("back-up van vandaag is niet gelukt");
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    await until(() => document.getElementById("backup-problem") === null);
    expect(calls.filter((c) => c.cmd === "daily_backup")).toHaveLength(1);
  });
});

describe("work in the background after the unlock", () => {
  it("says calmly that the check runs, asks until it is done, and then says nothing", async () => {
    let polls = 0;
    const calls = fakeBackend({
      app_status: () => {
        polls++;
        return polls < 3 ? { ...unlocked, background: "check" } : unlocked;
      },
      get_settings: () => settings(0),
    });
    render(App);
    await until(() => document.getElementById("background-check") !== null);
    expect(document.getElementById("background-check")?.textContent).toContain("U kunt gewoon doorwerken");
    await until(() => document.getElementById("background-check") === null, 5000);
    expect(calls.filter((c) => c.cmd === "app_status").length).toBeGreaterThanOrEqual(3);
    expect(shellShown()).toBe(true);
  });

  it("moves to the restore screen when the background check finds damage", async () => {
    let polls = 0;
    fakeBackend({
      app_status: () => {
        polls++;
        return polls < 2
          ? { ...unlocked, background: "check" }
          : { ...unlocked, phase: "damaged", damage: "page 7", damageKind: "unsound" };
      },
      get_settings: () => settings(0),
      list_backups: () => [],
    });
    render(App);
    await screen.findByRole("heading", { name: "Het gegevensbestand is beschadigd" }, { timeout: 4000 });
    expect(document.getElementById("lock-button")).toBeNull();
  });

  it("asks about a backup with more data than now, and stops asking once the user says it is right", async () => {
    const less: AppStatus = {
      ...unlocked,
      lessData: {
        backup: {
          path: "/b/dagelijks-2026-11-03.buurtpunt", fileName: "dagelijks-2026-11-03.buurtpunt", kind: "dagelijks",
          madeAt: "2026-11-03T09:00:00", bytes: 4096, state: "good", residents: 1250, requests: 340, moreThanNow: true,
        },
        residentsNow: 0,
        requestsNow: 0,
      },
    };
    const calls = fakeBackend({ app_status: () => less, get_settings: () => settings(0), accept_less_data: () => unlocked });
    render(App);
    await until(() => document.getElementById("less-data") !== null);
    const text = (document.getElementById("less-data")?.textContent ?? "").replace(/\s+/g, " ");
    expect(text).toContain("03-11-2026");
    expect(text).toContain("1.250 bewoners en 340 hulpvragen");
    expect(text).toContain("0 bewoners en 0 hulpvragen");
    screen.getByRole("button", { name: "Klopt, er is bewust iets verwijderd" }).click();
    await until(() => document.getElementById("less-data") === null);
    expect(calls.filter((c) => c.cmd === "accept_less_data")).toHaveLength(1);
  });
});

describe("a form with changes at the lock", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The app open on a new request with words in the ask. */
  async function typing(store: ReturnType<typeof draftCommands>, minutes: number, status: AppStatus = unlocked) {
    const calls = fakeBackend({
      ...store.handlers,
      app_status: () => status, get_settings: () => settings(minutes), lock: () => locked, daily_backup: () => status,
      list_skills: () => [], open_demo: () => status,
    });
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    render(App);
    await until(shellShown);
    go({ screen: "request-new" });
    const ask = await screen.findByLabelText("De vraag in de woorden van de bewoner");
    await fireEvent.input(ask, { target: { value: "Boodschappen op dinsdag" } });
    return calls;
  }

  it("the auto-lock keeps the concept first and locks without asking", async () => {
    const store = draftCommands();
    const calls = await typing(store, 2);
    await vi.advanceTimersByTimeAsync(120_000);
    await until(() => locks(calls).length === 1);
    expect(calls.map((c) => c.cmd).filter((c) => c === "save_draft" || c === "lock")).toEqual(["save_draft", "lock"]);
    expect(JSON.parse(store.stored[0].content).form.ask).toBe("Boodschappen op dinsdag");
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("after the auto-lock, the unlock opens Vandaag: the old form neither comes back nor asks", async () => {
    const store = draftCommands();
    const calls = await typing(store, 2);
    await vi.advanceTimersByTimeAsync(120_000);
    await until(() => locks(calls).length === 1);
    const field = await screen.findByLabelText("Wachtwoord");
    fakeBackend({
      ...store.handlers,
      app_status: () => unlocked, unlock: () => unlocked, daily_backup: () => unlocked, list_skills: () => [],
      // Slow enough for the old screen to draw (and restore its concept) first, if it could.
      get_settings: () => new Promise((r) => setTimeout(() => r(settings(2)), 150)),
    });
    await fireEvent.input(field, { target: { value: "een lang wachtwoord" } });
    await fireEvent.click(screen.getByRole("button", { name: "Openen" }));
    await until(shellShown);
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByLabelText("De vraag in de woorden van de bewoner")).toBeNull();
    expect((document.getElementById("ask-dialog") as HTMLDialogElement | null)?.open ?? false).toBe(false);
  });

  it("the lock button asks first, and 'Terug naar het formulier' does not lock", async () => {
    const store = draftCommands();
    const calls = await typing(store, 0);
    await fireEvent.click(document.getElementById("lock-button") as HTMLElement);
    const dialog = document.getElementById("ask-dialog") as HTMLDialogElement;
    await until(() => dialog.open);
    expect(dialog.textContent).toContain("U vergrendelt Buurtpunt");
    await fireEvent.click(screen.getByRole("button", { name: "Terug naar het formulier" }));
    await until(() => !dialog.open);
    expect(locks(calls)).toHaveLength(0);
    expect((screen.getByLabelText("De vraag in de woorden van de bewoner") as HTMLTextAreaElement).value).toBe("Boodschappen op dinsdag");
  });

  it("'Demo sluiten' says the whole demo goes, and then closes it", async () => {
    const store = draftCommands();
    const calls = await typing(store, 0, { ...unlocked, demo: true });
    await fireEvent.click(screen.getByRole("button", { name: "Demo sluiten" }));
    const dialog = document.getElementById("ask-dialog") as HTMLDialogElement;
    await until(() => dialog.open);
    expect(dialog.textContent).toContain("alles uit de demo weg");
    await fireEvent.click(screen.getByRole("button", { name: "Demo sluiten en alles weggooien" }));
    await until(() => locks(calls).length === 1);
  });
});
