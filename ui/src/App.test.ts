import { render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppStatus, Settings } from "./lib/api";
import { fakeBackend, type Call } from "./test/ipc";
import App from "./App.svelte";

const unlocked: AppStatus = { phase: "unlocked", demo: false, setUp: true, dataDir: "/tmp/buurtpunt", damage: null };
const locked: AppStatus = { ...unlocked, phase: "locked" };
const settings = (autoLockMinutes: number): Settings => ({
  autoLockMinutes, helpPointName: "Buurtpunt Lindeloo", defaultLimitHours: 4, vogValidYears: 3, checkinWeeks: 8, notAskedWeeks: 12,
});

/** Wait with real timeouts (only intervals and the clock are fake here). */
async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

const locks = (calls: Call[]) => calls.filter((c) => c.cmd === "lock");
const shellShown = () => document.getElementById("lock-button") !== null;

// The screens behind the shell (today, ...) get no fake: they show an error, which is fine here.
function open(minutes: number) {
  const calls = fakeBackend({ app_status: () => unlocked, get_settings: () => settings(minutes), lock: () => locked });
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
