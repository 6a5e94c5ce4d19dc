import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { AppStatus, BackupInfo } from "../../lib/api";
import { failure, fakeBackend, fileDialogs, chooseFile } from "../../test/ipc";
import Damaged from "./Damaged.svelte";

const damaged: AppStatus = {
  phase: "damaged", demo: false, setUp: true, dataDir: "/tmp/buurtpunt",
  damage: "file is not a database (page 3)", damageKind: "unsound", keyProblem: null,
  backupProblem: null, background: null, lessData: null, meeting: false,
};
const opened: AppStatus = { ...damaged, phase: "unlocked", damage: null };

const backups: BackupInfo[] = [
  {
    path: "/tmp/buurtpunt/backups/2026-11-20.db", fileName: "2026-11-20.db", kind: "dagelijks", madeAt: "2026-11-20T08:15:00",
    bytes: 512 * 1024, state: "good", residents: 1204, requests: 1, moreThanNow: false,
  },
  {
    path: "/tmp/buurtpunt/backups/2026-11-21.db", fileName: "2026-11-21.db", kind: "voor-update", madeAt: "2026-11-21T17:40:00",
    bytes: 3 * 1024 * 1024, state: "good", residents: 1210, requests: 3400, moreThanNow: false,
  },
];

const items = () => [...document.querySelectorAll(".restore-item")].map((li) => li.textContent?.replace(/\s+/g, " ").trim());
const restores = (calls: { cmd: string }[]) => calls.filter((c) => c.cmd === "restore_backup");

describe("damaged database screen", () => {
  it("says what happened and lists the backups, newest first", async () => {
    fakeBackend({ list_backups: () => backups });
    render(Damaged, { status: damaged, onOpened: vi.fn() });
    expect(screen.getByRole("heading", { name: "Het gegevensbestand is beschadigd" })).toBeTruthy();
    expect(screen.getByText("file is not a database (page 3)")).toBeTruthy();
    await vi.waitFor(() => expect(items()).toHaveLength(2));
    expect(items()).toEqual([
      "21-11-2026 17:40 — Back-up van vóór een update Nieuwste met gegevens 1.210 bewoners en 3.400 hulpvragen. Terugzetten",
      "20-11-2026 08:15 — Dagelijkse back-up 1.204 bewoners en 1 hulpvraag. Terugzetten",
    ]);
  });

  it("names what happened to the file, for each kind of damage", () => {
    fakeBackend({ list_backups: () => [] });
    const { unmount } = render(Damaged, { status: { ...damaged, damageKind: "empty" }, onOpened: vi.fn() });
    expect(document.getElementById("damage-what")?.textContent).toContain("leeg");
    unmount();
    render(Damaged, { status: { ...damaged, damageKind: "missing" }, onOpened: vi.fn() });
    expect(document.getElementById("damage-what")?.textContent).toContain("buurtpunt.db");
  });

  it("shows empty and unreadable backups for what they are; an unreadable one cannot be put back", async () => {
    fakeBackend({
      list_backups: () => [
        { ...backups[0], madeAt: "2026-11-22T08:00:00", path: "/b/leeg", state: "empty", residents: 0, requests: 0 },
        { ...backups[0], madeAt: "2026-11-21T08:00:00", path: "/b/kapot", state: "unreadable", residents: null, requests: null },
        { ...backups[0], path: "/b/goed", moreThanNow: true },
      ],
    });
    render(Damaged, { status: damaged, onOpened: vi.fn() });
    await vi.waitFor(() => expect(items()).toHaveLength(3));
    const [empty, unreadable, good] = items();
    expect(empty).toContain("Leeg");
    expect(empty).not.toContain("Nieuwste met gegevens");
    expect(unreadable).toContain("Beschadigd of onvolledig");
    expect(unreadable).not.toContain("Terugzetten");
    expect(good).toContain("Nieuwste met gegevens");
    expect(good).toContain("Meer gegevens dan nu");
    expect(screen.getAllByRole("button", { name: "Terugzetten" })).toHaveLength(2);
  });

  it("says so when there are no backups", async () => {
    fakeBackend({ list_backups: () => [] });
    render(Damaged, { status: damaged, onOpened: vi.fn() });
    expect(await screen.findByText("Er zijn nog geen back-ups op deze computer.")).toBeTruthy();
  });

  it("asks for confirmation before restoring, and restores only after yes", async () => {
    const calls = fakeBackend({ list_backups: () => backups, restore_backup: () => opened });
    const onOpened = vi.fn();
    render(Damaged, { status: damaged, onOpened });
    await vi.waitFor(() => expect(items()).toHaveLength(2));

    const [newest, older] = screen.getAllByRole("button", { name: "Terugzetten" });
    await userEvent.click(older);
    const question = screen.getByRole("alertdialog");
    expect(question.textContent).toContain("Weet u het zeker?");
    expect(within(question).getByText("/tmp/buurtpunt/backups/2026-11-20.db")).toBeTruthy();
    expect(restores(calls)).toHaveLength(0);

    await userEvent.click(within(question).getByRole("button", { name: "Nee, terug" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(restores(calls)).toHaveLength(0);

    await userEvent.click(newest);
    await userEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Ja, terugzetten" }));
    await vi.waitFor(() => expect(onOpened).toHaveBeenCalledWith(opened));
    expect(restores(calls)).toEqual([{ cmd: "restore_backup", args: { path: "/tmp/buurtpunt/backups/2026-11-21.db" } }]);
  });

  it("restores a backup chosen from a file, also after a confirmation", async () => {
    const calls = fakeBackend({
      list_backups: () => [],
      ...fileDialogs("/tmp/proef"),
      restore_backup: () => opened,
    });
    const onOpened = vi.fn();
    render(Damaged, { status: damaged, onOpened });
    chooseFile("/media/usb/buurtpunt-backup.db");
    await userEvent.click(screen.getByRole("button", { name: "Back-up uit een bestand kiezen" }));
    const question = await screen.findByRole("alertdialog");
    expect(within(question).getByText("/media/usb/buurtpunt-backup.db")).toBeTruthy();
    expect(restores(calls)).toHaveLength(0);
    await userEvent.click(within(question).getByRole("button", { name: "Ja, terugzetten" }));
    await vi.waitFor(() => expect(onOpened).toHaveBeenCalledWith(opened));
    expect(restores(calls)[0]).toEqual({ cmd: "restore_backup", args: { path: "/media/usb/buurtpunt-backup.db" } });
  });

  it("says in Dutch when the file is no usable backup, and stays on this screen", async () => {
    fakeBackend({
      list_backups: () => backups,
      restore_backup: () => {
        throw failure("bad_backup");
      },
    });
    const onOpened = vi.fn();
    render(Damaged, { status: damaged, onOpened });
    await vi.waitFor(() => expect(items()).toHaveLength(2));
    await userEvent.click(screen.getAllByRole("button", { name: "Terugzetten" })[0]);
    await userEvent.click(screen.getByRole("button", { name: "Ja, terugzetten" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Dit bestand is geen bruikbare back-up van dit buurtpunt");
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(onOpened).not.toHaveBeenCalled();
  });
});
