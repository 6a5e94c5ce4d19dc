import { fireEvent, render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { failure, fakeBackend } from "../../test/ipc";
import Unlock from "./Unlock.svelte";
import Welcome from "./Welcome.svelte";

describe("unlock screen", () => {
  it("says in Dutch that a wrong passphrase is wrong and keeps what was typed", async () => {
    fakeBackend({
      unlock: () => {
        throw failure("wrong_passphrase");
      },
    });
    const onOpened = vi.fn();
    render(Unlock, { onOpened });
    const input = screen.getByLabelText("Wachtwoord") as HTMLInputElement;
    await userEvent.type(input, "verkeerd wachtwoord");
    await userEvent.click(screen.getByRole("button", { name: "Openen" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Dit wachtwoord klopt niet");
    expect(input.value).toBe("verkeerd wachtwoord");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(onOpened).not.toHaveBeenCalled();
  });

  it("opens with the right passphrase", async () => {
    const status = { phase: "unlocked", demo: false, setUp: true, dataDir: "/tmp", damage: null };
    const calls = fakeBackend({ unlock: () => status });
    const onOpened = vi.fn();
    render(Unlock, { onOpened });
    await userEvent.type(screen.getByLabelText("Wachtwoord"), "goed wachtwoord");
    await userEvent.click(screen.getByRole("button", { name: "Openen" }));
    await vi.waitFor(() => expect(onOpened).toHaveBeenCalledWith(status));
    expect(calls[0].args).toEqual({ passphrase: "goed wachtwoord" });
  });
});

describe("unlock errors", () => {
  it("says in Dutch that the data is from a newer Buurtpunt", async () => {
    fakeBackend({
      unlock: () => {
        throw failure("database_too_new");
      },
    });
    const onOpened = vi.fn();
    render(Unlock, { onOpened });
    await userEvent.type(screen.getByLabelText("Wachtwoord"), "goed wachtwoord");
    await userEvent.click(screen.getByRole("button", { name: "Openen" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Deze gegevens zijn gemaakt met een nieuwere versie van Buurtpunt. Installeer eerst de nieuwste versie.",
    );
    expect(onOpened).not.toHaveBeenCalled();
  });

  it("asks for the passphrase before calling the backend", async () => {
    const calls = fakeBackend({});
    render(Unlock, { onOpened: vi.fn() });
    await userEvent.click(screen.getByRole("button", { name: "Openen" }));
    expect(screen.getByRole("alert").textContent).toBe("Vul uw wachtwoord in.");
    expect(calls).toHaveLength(0);
  });
});

describe("forgotten passphrase", () => {
  const recoveryKey = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567";

  async function openRecovery() {
    await userEvent.click(screen.getByRole("button", { name: "Wachtwoord vergeten?" }));
    expect(screen.getByRole("heading", { name: "Wachtwoord vergeten" })).toBeTruthy();
  }

  async function fill(key: string, next: string, repeat = next) {
    if (key) await userEvent.type(screen.getByLabelText("Herstelsleutel"), key);
    if (next) await userEvent.type(screen.getByLabelText("Wachtwoord"), next);
    if (repeat) await userEvent.type(screen.getByLabelText("Nog een keer hetzelfde wachtwoord"), repeat);
    await userEvent.click(screen.getByRole("button", { name: "Openen met herstelsleutel" }));
  }

  it("opens with the recovery key and a new passphrase", async () => {
    const status = { phase: "unlocked", demo: false, setUp: true, dataDir: "/tmp", damage: null };
    const calls = fakeBackend({ recover: () => status });
    const onOpened = vi.fn();
    render(Unlock, { onOpened });
    await openRecovery();
    await fill(recoveryKey, "de bakker opent om acht uur");
    await vi.waitFor(() => expect(onOpened).toHaveBeenCalledWith(status));
    expect(calls).toEqual([
      { cmd: "recover", args: { recoveryKey, newPassphrase: "de bakker opent om acht uur" } },
    ]);
  });

  it("checks the key and the new passphrase before calling the backend", async () => {
    const calls = fakeBackend({});
    render(Unlock, { onOpened: vi.fn() });
    await openRecovery();
    await fill("", "kort");
    expect(document.getElementById("recovery-input-error")?.textContent).toBe("Vul de herstelsleutel in.");
    expect(document.getElementById("recover-new-passphrase-error")?.textContent).toContain("minstens 10 tekens");
    expect(calls).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText("Wachtwoord"));
    await userEvent.clear(screen.getByLabelText("Nog een keer hetzelfde wachtwoord"));
    await fill(recoveryKey, "de bakker opent om acht uur", "de bakker opent om negen uur");
    expect(document.getElementById("recover-new-passphrase-repeat-error")?.textContent).toBe(
      "De twee wachtwoorden zijn niet hetzelfde. Typ ze nog een keer.",
    );
    expect(calls).toHaveLength(0);
  });

  it("says at the key when the recovery key is wrong, and keeps what was typed", async () => {
    fakeBackend({
      recover: () => {
        throw failure("wrong_recovery_key");
      },
    });
    const onOpened = vi.fn();
    render(Unlock, { onOpened });
    await openRecovery();
    await fill("ABCD-0000", "de bakker opent om acht uur");
    const key = screen.getByLabelText("Herstelsleutel") as HTMLInputElement;
    await vi.waitFor(() => expect(key.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("recovery-input-error")?.textContent).toBe(
      "Deze herstelsleutel klopt niet. Controleer de letters en cijfers en probeer het opnieuw.",
    );
    expect(key.value).toBe("ABCD-0000");
    expect(onOpened).not.toHaveBeenCalled();
  });

  it("says at the new passphrase when the backend finds it too weak", async () => {
    fakeBackend({
      recover: () => {
        throw failure("weak_passphrase");
      },
    });
    render(Unlock, { onOpened: vi.fn() });
    await openRecovery();
    await fill(recoveryKey, "aaaaaaaaaa");
    await vi.waitFor(() =>
      expect(document.getElementById("recover-new-passphrase-error")?.textContent).toContain("Het wachtwoord is te kort"),
    );
    expect(document.getElementById("recovery-input-error")).toBeNull();
  });

  it("goes back to the normal unlock", async () => {
    fakeBackend({});
    render(Unlock, { onOpened: vi.fn() });
    await openRecovery();
    await userEvent.click(screen.getByRole("button", { name: "Terug" }));
    expect(screen.getByRole("heading", { name: "Buurtpunt is vergrendeld" })).toBeTruthy();
    expect(screen.queryByLabelText("Herstelsleutel")).toBeNull();
  });
});

describe("new help point", () => {
  it("refuses a short passphrase without calling the backend", async () => {
    const calls = fakeBackend({});
    render(Welcome, { onOpened: vi.fn() });
    await fireEvent.click(screen.getByRole("button", { name: /Nieuw buurtpunt starten/ }));
    await userEvent.type(screen.getByLabelText("Wachtwoord"), "kort");
    await userEvent.type(screen.getByLabelText("Nog een keer hetzelfde wachtwoord"), "kort");
    await userEvent.click(screen.getByRole("button", { name: "Buurtpunt aanmaken" }));
    const error = document.getElementById("new-passphrase-error");
    expect(error?.textContent).toContain("10 tekens");
    expect(calls.filter((c) => c.cmd === "create_help_point")).toHaveLength(0);
  });

  it("shows the recovery key once and continues only after it was stored", async () => {
    const status = { phase: "unlocked", demo: false, setUp: true, dataDir: "/tmp", damage: null };
    fakeBackend({
      create_help_point: () => ({ recoveryKey: "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", status }),
      confirm_recovery_saved: () => null,
    });
    const onOpened = vi.fn();
    render(Welcome, { onOpened });
    await fireEvent.click(screen.getByRole("button", { name: /Nieuw buurtpunt starten/ }));
    await userEvent.type(screen.getByLabelText("Wachtwoord"), "een lang wachtwoord");
    await userEvent.type(screen.getByLabelText("Nog een keer hetzelfde wachtwoord"), "een lang wachtwoord");
    await userEvent.click(screen.getByRole("button", { name: "Buurtpunt aanmaken" }));
    expect((await screen.findByText(/ABCD-EFGH/)).id).toBe("recovery-key");
    const next = screen.getByRole("button", { name: "Verder naar Buurtpunt" });
    expect(next).toBeDisabled();
    await userEvent.click(screen.getByLabelText(/Ik heb de herstelsleutel opgeslagen/));
    expect(next).toBeEnabled();
    await userEvent.click(next);
    await vi.waitFor(() => expect(onOpened).toHaveBeenCalledWith(status));
  });
});
