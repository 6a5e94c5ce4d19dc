import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IDLE_CHECK_MS, testIdleMs, watchIdle } from "./idle";

const minute = 60_000;

describe("idle watch", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("calls back once the configured minutes pass without activity", () => {
    const onIdle = vi.fn();
    const stop = watchIdle(2, onIdle);
    vi.advanceTimersByTime(2 * minute - IDLE_CHECK_MS);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(IDLE_CHECK_MS);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it.each(["keydown", "pointerdown", "pointermove"])("starts counting again after a %s", (name) => {
    const onIdle = vi.fn();
    const stop = watchIdle(2, onIdle);
    vi.advanceTimersByTime(1.5 * minute);
    window.dispatchEvent(new Event(name));
    vi.advanceTimersByTime(1.5 * minute);
    expect(onIdle).not.toHaveBeenCalled(); // 3 minutes open, but only 1.5 idle
    vi.advanceTimersByTime(0.5 * minute);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it("counts time the computer slept, not timer ticks", () => {
    const onIdle = vi.fn();
    const stop = watchIdle(5, onIdle);
    vi.setSystemTime(Date.now() + 10 * minute); // the clock jumps, no ticks ran
    vi.advanceTimersByTime(IDLE_CHECK_MS);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it("stops watching: no callback and activity is no longer listened to", () => {
    const onIdle = vi.fn();
    const target = new EventTarget();
    const remove = vi.spyOn(target, "removeEventListener");
    const stop = watchIdle(1, onIdle, target);
    stop();
    vi.advanceTimersByTime(10 * minute);
    expect(onIdle).not.toHaveBeenCalled();
    expect(remove.mock.calls.map((c) => c[0]).sort()).toEqual(["keydown", "pointerdown", "pointermove"]);
  });

  it("never locks for 0 minutes", () => {
    const onIdle = vi.fn();
    watchIdle(0, onIdle);
    vi.advanceTimersByTime(24 * 60 * minute);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it("asks the limit at every check when one is given", () => {
    const onIdle = vi.fn();
    let limit = 10 * minute;
    const stop = watchIdle(10, onIdle, window, () => limit);
    vi.advanceTimersByTime(IDLE_CHECK_MS);
    expect(onIdle).not.toHaveBeenCalled();
    limit = 3_000;
    vi.advanceTimersByTime(IDLE_CHECK_MS);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it("lets a test of the built app shorten the idle time only in test mode", () => {
    window.__buurtpuntTestIdleSeconds = 2;
    expect(testIdleMs(true)).toBe(2_000);
    expect(testIdleMs(false)).toBeNull();
    delete window.__buurtpuntTestIdleSeconds;
    expect(testIdleMs(true)).toBeNull();
  });
});
