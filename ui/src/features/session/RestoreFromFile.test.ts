import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { AppStatus } from "../../lib/api";
import { failure, fakeBackend, type Call, fileDialogs, chooseFile } from "../../test/ipc";
import Unlock from "./Unlock.svelte";
import Welcome from "./Welcome.svelte";

const opened: AppStatus = {
  phase: "unlocked", demo: false, setUp: true, dataDir: "/tmp/nieuw", damage: null, damageKind: null,
  keyProblem: null, backupProblem: null, background: null, lessData: null, meeting: false,
};
const locked = (keyProblem: AppStatus["keyProblem"]): AppStatus => ({ ...opened, phase: "locked", keyProblem });
const restores = (calls: Call[]) => calls.filter((c) => c.cmd.startsWith("restore_with"));

async function toRestore() {
  render(Welcome, { onOpened: vi.fn() });
  await userEvent.click(screen.getByRole("button", { name: /Herstellen van een back-up/ }));
}

describe("restore from a backup file on a new computer", () => {
  it("asks for the file and how to open it, with nothing chosen beforehand", async () => {
    const calls = fakeBackend({ ...fileDialogs("/tmp/proef") });
    await toRestore();
    expect(screen.getByRole("heading", { name: "Herstellen van een back-up" })).toBeTruthy();
    const byPass = screen.getByRole("radio", { name: /Met het wachtwoord/ }) as HTMLInputElement;
    const byKey = screen.getByRole("radio", { name: /Met de herstelsleutel/ }) as HTMLInputElement;
    expect(byPass.checked || byKey.checked).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "Back-up terugzetten" }));
    expect(screen.getByText("Kies eerst het back-up-bestand.")).toBeTruthy();
    expect(screen.getByText("Kies hoe u de back-up opent.")).toBeTruthy();
    expect(document.activeElement?.textContent).toBe("⚠ Kies eerst het back-up-bestand.".replace("⚠ ", ""));
    expect(restores(calls)).toHaveLength(0);
  });

  it("restores with the passphrase of the day the backup was made", async () => {
    const calls = fakeBackend({ ...fileDialogs("/tmp/proef"), restore_with_passphrase: () => opened });
    const onOpened = vi.fn();
    render(Welcome, { onOpened });
    await userEvent.click(screen.getByRole("button", { name: /Herstellen van een back-up/ }));
    chooseFile("/media/usb/buurtpunt-back-up.buurtpunt");
    await userEvent.click(screen.getByRole("button", { name: "Bestand kiezen" }));
    expect(await screen.findByText("/media/usb/buurtpunt-back-up.buurtpunt")).toBeTruthy();
    await userEvent.click(screen.getByRole("radio", { name: /Met het wachtwoord/ }));
    await userEvent.type(screen.getByLabelText("Wachtwoord"), "de oude linde");
    await userEvent.click(screen.getByRole("button", { name: "Back-up terugzetten" }));
    await vi.waitFor(() => expect(onOpened).toHaveBeenCalledWith(opened));
    expect(restores(calls)).toEqual([
      {
        cmd: "restore_with_passphrase",
        args: { path: "/media/usb/buurtpunt-back-up.buurtpunt", passphrase: "de oude linde" },
      },
    ]);
  });

  it("restores with the recovery key and a new passphrase; a wrong key is said at the key", async () => {
    let tries = 0;
    const calls = fakeBackend({
      ...fileDialogs("/tmp/proef"),
      restore_with_recovery_key: () => {
        tries++;
        if (tries === 1) throw failure("wrong_recovery_key");
        return opened;
      },
    });
    const onOpened = vi.fn();
    render(Welcome, { onOpened });
    await userEvent.click(screen.getByRole("button", { name: /Herstellen van een back-up/ }));
    chooseFile("/media/usb/b.buurtpunt");
    await userEvent.click(screen.getByRole("button", { name: "Bestand kiezen" }));
    await userEvent.click(screen.getByRole("radio", { name: /Met de herstelsleutel/ }));
    await userEvent.type(screen.getByLabelText("Herstelsleutel"), "abcd efgh");
    await userEvent.type(document.getElementById("restore-new-passphrase") as HTMLInputElement, "een nieuw wachtwoord");
    await userEvent.type(document.getElementById("restore-new-passphrase-repeat") as HTMLInputElement, "een nieuw wachtwoord");
    await userEvent.click(screen.getByRole("button", { name: "Back-up terugzetten" }));
    const keyInput = screen.getByLabelText("Herstelsleutel") as HTMLInputElement;
    await vi.waitFor(() => expect(keyInput.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("restore-recovery-key-error")?.textContent).toContain("herstelsleutel klopt niet");
    expect(document.activeElement).toBe(keyInput);
    expect(keyInput.value).toBe("abcd efgh");
    await userEvent.click(screen.getByRole("button", { name: "Back-up terugzetten" }));
    await vi.waitFor(() => expect(onOpened).toHaveBeenCalledWith(opened));
    expect(restores(calls)[1].args).toEqual({
      path: "/media/usb/b.buurtpunt",
      recoveryKey: "abcd efgh",
      newPassphrase: "een nieuw wachtwoord",
    });
  });

  it("says when a bare database file needs the recovery key", async () => {
    fakeBackend({
      ...fileDialogs("/tmp/proef"),
      restore_with_passphrase: () => {
        throw failure("needs_recovery_key");
      },
    });
    await toRestore();
    chooseFile("/media/usb/buurtpunt.db");
    await userEvent.click(screen.getByRole("button", { name: "Bestand kiezen" }));
    await userEvent.click(screen.getByRole("radio", { name: /Met het wachtwoord/ }));
    await userEvent.type(screen.getByLabelText("Wachtwoord"), "de oude linde");
    await userEvent.click(screen.getByRole("button", { name: "Back-up terugzetten" }));
    expect((await screen.findByText(/Het gaat alleen open met de herstelsleutel/)).id).toBe("restore-file-form-error");
  });
});

describe("a missing or damaged key file on the unlock screen", () => {
  it("says plainly that the key file is missing and shows the ways back", async () => {
    fakeBackend({ ...fileDialogs("/tmp/proef") });
    render(Unlock, { status: locked("missing"), onOpened: vi.fn() });
    const box = document.getElementById("key-problem");
    expect(box?.textContent).toContain("Het sleutelbestand ontbreekt");
    expect(box?.textContent).toContain("herstelsleutel");
    await userEvent.click(screen.getByRole("button", { name: "Back-up-bestand terugzetten" }));
    expect(screen.getByRole("heading", { name: "Herstellen van een back-up" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Terug" }));
    await userEvent.click(screen.getByRole("button", { name: "Openen met de herstelsleutel" }));
    expect(screen.getByRole("heading", { name: "Wachtwoord vergeten" })).toBeTruthy();
  });

  it("says so for a damaged key file, and nothing when the key file is fine", () => {
    const { unmount } = render(Unlock, { status: locked("damaged"), onOpened: vi.fn() });
    expect(document.getElementById("key-problem")?.textContent).toContain("beschadigd");
    unmount();
    render(Unlock, { status: locked(null), onOpened: vi.fn() });
    expect(document.getElementById("key-problem")).toBeNull();
  });
});
