// Nothing typed is lost, shown on the request form: the concept written while
// typing, brought back, asked about before leaving, kept by the auto-lock,
// and the first message shown after a refused save.
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetDrafts, keepAll, mayLeave } from "../../lib/drafts.svelte";
import { go, nav } from "../../lib/nav.svelte";
import { draftCommands, failure, fakeBackend, type Call } from "../../test/ipc";
import AskDialog from "../../lib/components/AskDialog.svelte";
import RequestForm from "./RequestForm.svelte";

const resident = {
  id: 4, firstName: "Zoë", lastName: "Hofstede", street: "Brink", houseNumber: "3", postcode: "7991 LA",
  kern: "Lindeloo", phone: "", email: "", contactPreference: "phone", contactTime: "", birthDate: null,
  notes: "", proxyName: "", proxyRelation: "", proxyPhone: "", proxyEmail: "", network: [],
  createdAt: "", updatedAt: "",
};

const ask = () => screen.getByLabelText("De vraag in de woorden van de bewoner") as HTMLTextAreaElement;
const saves = (calls: Call[]) => calls.filter((c) => c.cmd === "save_draft");
const discards = (calls: Call[]) => calls.filter((c) => c.cmd === "discard_draft");
const dialog = () => document.getElementById("ask-dialog") as HTMLDialogElement;
const opened = () => vi.waitFor(() => expect(dialog().open).toBe(true));

/** The request form for resident 4, with the app's question dialog beside it. */
async function openForm(extra: Record<string, (a: Record<string, unknown>) => unknown> = {}, props = {}) {
  const store = draftCommands();
  const calls = fakeBackend({ ...store.handlers, get_resident: () => resident, list_skills: () => [], ...extra });
  render(AskDialog);
  render(RequestForm, { residentId: 4, ...props });
  await screen.findByText("Zoë Hofstede");
  return { calls, store };
}

beforeEach(() => {
  nav.route = { screen: "request-new", residentId: 4 };
});
afterEach(() => {
  forgetDrafts();
});

describe("a form's concept", () => {
  it("is written a moment after typing stops, with a quiet 'Concept bewaard om' line", async () => {
    const { calls, store } = await openForm();
    expect(saves(calls)).toHaveLength(0);
    await userEvent.type(ask(), "Boodschappen op dinsdag");
    await vi.waitFor(() => expect(saves(calls).length).toBeGreaterThan(0), { timeout: 3000 });
    expect(document.getElementById("request-draft-status")?.textContent).toContain("Concept bewaard om 10:42");
    expect(document.getElementById("request-draft-status")).toHaveAttribute("role", "status");
    const input = saves(calls).at(-1)?.args.input as { kind: string; context: string; label: string; content: string };
    expect(input).toMatchObject({ kind: "request", context: "resident-4", label: "Nieuwe hulpvraag van Zoë Hofstede" });
    expect(JSON.parse(input.content).form.ask).toBe("Boodschappen op dinsdag");
    expect(store.stored).toHaveLength(1);
  });

  it("is written at once when a field loses focus", async () => {
    const { calls } = await openForm();
    await userEvent.type(ask(), "Vervoer");
    await userEvent.tab();
    await vi.waitFor(() => expect(saves(calls)).toHaveLength(1), { timeout: 500 });
  });

  it("comes back when the same form opens again, and says so", async () => {
    const store = draftCommands();
    store.stored.push({
      id: 9, kind: "request", context: "resident-4", label: "Nieuwe hulpvraag van Zoë Hofstede", updatedAt: "2026-11-21T18:05:00",
      content: JSON.stringify({ residentId: 4, residentName: "Zoë Hofstede", form: { ask: "Tuin snoeien", urgency: "high", lifeAreas: ["garden_and_odd_jobs"] } }),
    });
    fakeBackend({ ...store.handlers, get_resident: () => resident, list_skills: () => [] });
    render(RequestForm, { residentId: 4 });
    await vi.waitFor(() => expect(ask().value).toBe("Tuin snoeien"));
    expect((screen.getByLabelText("Hoe dringend?") as HTMLSelectElement).value).toBe("high");
    expect((screen.getByLabelText("Tuin en klussen") as HTMLInputElement).checked).toBe(true);
    // Fields the concept did not hold keep what the form opened with.
    expect((screen.getByLabelText("Hoe kwam de vraag binnen?") as HTMLSelectElement).value).toBe("phone");
    expect(document.getElementById("request-restored")?.textContent).toContain("Dit komt uit een concept");
  });

  it("can be thrown away from the form, after one question, to begin empty", async () => {
    const store = draftCommands();
    store.stored.push({
      id: 9, kind: "request", context: "resident-4", label: "x", updatedAt: "2026-11-21T18:05:00",
      content: JSON.stringify({ residentId: 4, residentName: "Zoë Hofstede", form: { ask: "Tuin snoeien" } }),
    });
    fakeBackend({ ...store.handlers, get_resident: () => resident, list_skills: () => [] });
    render(AskDialog);
    render(RequestForm, { residentId: 4 });
    await vi.waitFor(() => expect(ask().value).toBe("Tuin snoeien"));
    await userEvent.click(screen.getByRole("button", { name: "Concept weggooien en opnieuw beginnen" }));
    await opened();
    await userEvent.click(screen.getByRole("button", { name: "Weggooien en opnieuw beginnen" }));
    await vi.waitFor(() => expect(ask().value).toBe(""));
    expect(store.stored).toHaveLength(0);
    expect(document.getElementById("request-restored")).toBeNull();
  });

  it("says plainly when it cannot be written, and why when the form is too big", async () => {
    const { calls } = await openForm({
      save_draft: () => {
        throw failure("invalid_input", [{ field: "content", rule: "too_long", max: 1000000 }]);
      },
    });
    await userEvent.type(ask(), "Heel veel tekst");
    await vi.waitFor(() => expect(saves(calls).length).toBeGreaterThan(0), { timeout: 3000 });
    const line = document.getElementById("request-draft-status");
    await vi.waitFor(() => expect(line?.textContent).toContain("Het concept kon niet bewaard worden. Het formulier is te groot."));
    expect(line).toHaveClass("failed");
  });

  it("is thrown away by a real save", async () => {
    const { calls, store } = await openForm({ create_request: () => ({ id: 51 }) });
    await userEvent.type(ask(), "Lamp vervangen");
    await vi.waitFor(() => expect(store.stored).toHaveLength(1), { timeout: 3000 });
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    await vi.waitFor(() => expect(nav.route).toEqual({ screen: "request", id: 51 }));
    expect(store.stored).toHaveLength(0);
    expect(discards(calls).at(-1)?.args).toEqual({ kind: "request", context: "resident-4" });
  });
});

describe("leaving a form with changes", () => {
  it("asks first; the safe choice has the focus, and staying keeps every word", async () => {
    await openForm();
    await userEvent.type(ask(), "Boodschappen");
    go({ screen: "residents" });
    await opened();
    expect(dialog()).toHaveAccessibleName("Wat u typte, is nog niet opgeslagen");
    expect(dialog().textContent).toContain("Nieuwe hulpvraag van Zoë Hofstede");
    expect(document.activeElement?.textContent).toBe("Terug naar het formulier");
    await userEvent.click(screen.getByRole("button", { name: "Terug naar het formulier" }));
    expect(dialog().open).toBe(false);
    expect(nav.route).toEqual({ screen: "request-new", residentId: 4 });
    expect(ask().value).toBe("Boodschappen");
  });

  it("stays on Escape", async () => {
    await openForm();
    await userEvent.type(ask(), "Boodschappen");
    go({ screen: "residents" });
    await opened();
    dialog().dispatchEvent(new Event("cancel", { cancelable: true }));
    await vi.waitFor(() => expect(dialog().open).toBe(false));
    expect(nav.route.screen).toBe("request-new");
  });

  it("keeps it as a concept and goes on", async () => {
    const { store } = await openForm();
    await userEvent.type(ask(), "Boodschappen");
    go({ screen: "residents" });
    await opened();
    await userEvent.click(screen.getByRole("button", { name: "Bewaren als concept en verder" }));
    await vi.waitFor(() => expect(nav.route).toEqual({ screen: "residents" }));
    expect(JSON.parse(store.stored[0].content).form.ask).toBe("Boodschappen");
  });

  it("throws it away and goes on", async () => {
    const { store, calls } = await openForm();
    await userEvent.type(ask(), "Boodschappen");
    await vi.waitFor(() => expect(store.stored).toHaveLength(1), { timeout: 3000 });
    go({ screen: "residents" });
    await opened();
    await userEvent.click(screen.getByRole("button", { name: "Weggooien en verder" }));
    await vi.waitFor(() => expect(nav.route).toEqual({ screen: "residents" }));
    expect(store.stored).toHaveLength(0);
    expect(discards(calls)).toHaveLength(1);
  });

  it("goes without a question when nothing was changed", async () => {
    await openForm();
    go({ screen: "residents" });
    expect(nav.route).toEqual({ screen: "residents" });
    expect(dialog().open).toBe(false);
  });

  it("asks before the lock in the lock's own words", async () => {
    const { store } = await openForm();
    await userEvent.type(ask(), "Boodschappen");
    const leaving = mayLeave("lock");
    await opened();
    expect(dialog().textContent).toContain("U vergrendelt Buurtpunt");
    await userEvent.click(screen.getByRole("button", { name: "Bewaren als concept en vergrendelen" }));
    expect(await leaving).toBe(true);
    expect(store.stored).toHaveLength(1);
  });

  it("says before the demo closes that everything in it goes, and offers no concept", async () => {
    await openForm();
    await userEvent.type(ask(), "Boodschappen");
    const leaving = mayLeave("demo");
    await opened();
    expect(dialog()).toHaveAccessibleName("Demo sluiten?");
    expect(dialog().textContent).toContain("alles uit de demo weg");
    expect(screen.queryByRole("button", { name: /Bewaren/ })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Demo sluiten en alles weggooien" }));
    expect(await leaving).toBe(true);
  });

  it("is not asked by the auto-lock: it keeps the concept at once and closes an open question", async () => {
    const { store } = await openForm();
    await userEvent.type(ask(), "Boodschappen");
    const leaving = mayLeave("lock");
    await opened();
    expect(await keepAll()).toBe(true);
    expect(await leaving).toBe(false);
    await vi.waitFor(() => expect(dialog().open).toBe(false));
    expect(JSON.parse(store.stored[0].content).form.ask).toBe("Boodschappen");
  });
});

describe("a refused save", () => {
  it("scrolls to and focuses the first field with a message, in form order", async () => {
    await openForm({
      create_request: () => {
        // The backend's order is not the form's: the ask comes first on screen.
        throw failure("invalid_input", [
          { field: "tried", rule: "too_long", max: 20000 },
          { field: "ask", rule: "too_long", max: 20000 },
        ]);
      },
    });
    await userEvent.type(ask(), "Lang verhaal");
    await userEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    await vi.waitFor(() => expect(document.activeElement).toBe(ask()));
    expect(globalThis.scrolledTo).toBe(ask().closest(".field"));
    expect(document.getElementById("request-ask-error")?.textContent).toBe("Dit is te lang. Gebruik hoogstens 20.000 tekens.");
    expect(ask()).toHaveAttribute("aria-describedby", "request-ask-error");
  });

  it("without a resident focuses the resident search", async () => {
    fakeBackend({ list_skills: () => [], list_residents: () => ({ items: [], total: 0, page: 0, pageSize: 8 }) });
    render(RequestForm, {});
    await userEvent.click(await screen.findByRole("button", { name: "Opslaan" }));
    await vi.waitFor(() => expect(document.activeElement?.id).toBe("request-resident-search"));
  });
});

describe("a new resident from inside the request form", () => {
  it("keeps what was typed as a concept and goes to the resident form, which returns here", async () => {
    const { store } = await openForm({ list_residents: () => ({ items: [], total: 0, page: 0, pageSize: 8 }) });
    await userEvent.type(ask(), "Boodschappen");
    await userEvent.click(screen.getByRole("button", { name: "Andere bewoner kiezen" }));
    await userEvent.type(screen.getByLabelText("Voor welke bewoner is de vraag?"), "Draaisma");
    await userEvent.click(await screen.findByRole("button", { name: "Nieuwe bewoner toevoegen" }));
    await vi.waitFor(() =>
      expect(nav.route).toEqual({ screen: "resident-new", back: { screen: "request-new", residentId: 4, channel: undefined } }),
    );
    expect(dialog().open).toBe(false);
    expect(JSON.parse(store.stored[0].content).form.ask).toBe("Boodschappen");
  });

  it("comes back with the new resident chosen and everything typed, without a concept notice", async () => {
    const store = draftCommands();
    store.stored.push({
      id: 3, kind: "request", context: "new", label: "Nieuwe hulpvraag", updatedAt: "2026-11-22T10:41:00",
      content: JSON.stringify({ residentId: null, residentName: "", form: { ask: "Boodschappen", urgency: "high" } }),
    });
    fakeBackend({ ...store.handlers, get_resident: (a) => ({ ...resident, id: a.id, firstName: "Fenna", lastName: "Draaisma" }), list_skills: () => [] });
    render(RequestForm, { chosen: 12 });
    await screen.findByText("Fenna Draaisma");
    expect(ask().value).toBe("Boodschappen");
    expect((screen.getByLabelText("Hoe dringend?") as HTMLSelectElement).value).toBe("high");
    expect(document.getElementById("request-restored")).toBeNull();
    // The chosen resident is part of the concept from now on.
    await vi.waitFor(() => expect(JSON.parse(store.stored[0].content).residentId).toBe(12), { timeout: 3000 });
  });
});
