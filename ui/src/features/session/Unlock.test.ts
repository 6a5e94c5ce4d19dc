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
