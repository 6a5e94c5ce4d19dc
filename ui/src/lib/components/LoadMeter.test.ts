import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { load } from "../../test/load";
import LoadMeter from "./LoadMeter.svelte";

describe("load meter", () => {
  it("says the load in words, not only with a coloured bar", () => {
    const { container } = render(LoadMeter, {
      load: load({ weekHours: 1, carerHours: 2, weekLoad: 3, hoursLeft: 1, level: "near", monthLoad: 12.57 }),
    });
    expect(screen.getByText("Bijna aan de grens")).toBeInTheDocument();
    expect(screen.getByText("nog 1 uur deze week")).toBeInTheDocument();
    expect(screen.getByText("Deze week 3 uur van 4 uur (waarvan 2 uur mantelzorg)")).toBeInTheDocument();
    expect(screen.getByText("Laatste 30 dagen 12,6 uur van 17,1 uur")).toBeInTheDocument();
    const meters = container.querySelectorAll('[role="meter"]');
    expect(meters[0].getAttribute("aria-label")).toContain("Deze week 3 uur van 4 uur");
    expect(meters[0].getAttribute("aria-valuenow")).toBe("75");
  });

  it("names how far over the limit someone is and heavy care", () => {
    render(LoadMeter, {
      load: load({ weekLoad: 13.5, carerHours: 12, hoursLeft: 0, level: "over", heavyCarer: true }),
      compact: true,
    });
    expect(screen.getByText("Over de grens")).toBeInTheDocument();
    expect(screen.getByText("9,5 uur te veel deze week")).toBeInTheDocument();
    expect(screen.getByText(/Zware mantelzorg/)).toBeInTheDocument();
    expect(screen.queryByText(/Laatste 30 dagen/)).toBeNull();
  });
});
