import { render } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import WeekGrid from "./WeekGrid.svelte";

describe("week grid", () => {
  it("is one Tab stop; the arrows move inside, Space ticks", async () => {
    render(WeekGrid, { id: "wg", legend: "Wanneer?" });
    const boxes = [...document.querySelectorAll<HTMLInputElement>("#wg input")];
    expect(boxes).toHaveLength(21);
    expect(boxes.filter((b) => b.tabIndex === 0).map((b) => b.id)).toEqual(["wg-0-0"]);

    await userEvent.tab();
    expect(document.activeElement?.id).toBe("wg-0-0");
    await userEvent.keyboard("{ArrowRight}{ArrowRight}{ArrowDown}");
    expect(document.activeElement?.id).toBe("wg-2-1");
    await userEvent.keyboard(" ");
    expect((document.getElementById("wg-2-1") as HTMLInputElement).checked).toBe(true);
    // Still one Tab stop: the box last used.
    expect(boxes.filter((b) => b.tabIndex === 0).map((b) => b.id)).toEqual(["wg-2-1"]);
    await userEvent.tab();
    expect(document.activeElement?.closest("#wg")).toBeNull();
  });
});
