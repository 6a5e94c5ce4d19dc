import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { drafts, forgetDrafts } from "../../lib/drafts.svelte";
import { nav } from "../../lib/nav.svelte";
import { draftCommands, fakeBackend } from "../../test/ipc";
import AskDialog from "../../lib/components/AskDialog.svelte";
import DraftNotice from "./DraftNotice.svelte";
import { placeRoute, places } from "../../lib/draftPlaces";

function withDrafts() {
  const store = draftCommands();
  store.stored.push(
    { id: 2, kind: "contact_note", context: "request-42", label: "Contactmoment bij de hulpvraag van Anna Bakker", updatedAt: "2026-11-20T09:15:00", content: "{}" },
    { id: 1, kind: "request", context: "new", label: "Nieuwe hulpvraag van Jan de Vries", updatedAt: "2026-11-19T16:30:00", content: "{}" },
  );
  const calls = fakeBackend(store.handlers);
  return { store, calls };
}

afterEach(() => forgetDrafts());

describe("U was hier gebleven", () => {
  it("lists each concept in the order the store gives, with when it was kept", async () => {
    withDrafts();
    render(DraftNotice);
    const region = await screen.findByRole("region", { name: "U was hier gebleven" });
    const items = within(region).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector(".draft-label")?.textContent)).toEqual([
      "Contactmoment bij de hulpvraag van Anna Bakker",
      "Nieuwe hulpvraag van Jan de Vries",
    ]);
    expect(items[0].textContent).toContain("bewaard 20-11-2026 om 09:15");
  });

  it("shows nothing without concepts", async () => {
    const calls = fakeBackend({});
    render(DraftNotice);
    await vi.waitFor(() => expect(calls.map((c) => c.cmd)).toContain("list_drafts"));
    expect(screen.queryByRole("region")).toBeNull();
  });

  it("goes on with a concept: its form's screen opens and knows it is resumed", async () => {
    withDrafts();
    render(DraftNotice);
    const [first] = await screen.findAllByRole("button", { name: "Verder gaan" });
    await userEvent.click(first);
    expect(nav.route).toEqual({ screen: "request", id: 42 });
    expect(drafts.resume).toEqual({ kind: "contact_note", context: "request-42" });
  });

  it("throws a concept away only after one question", async () => {
    const { store } = withDrafts();
    render(AskDialog);
    render(DraftNotice);
    const [, second] = await screen.findAllByRole("button", { name: "Weggooien" });
    await userEvent.click(second);
    const dialog = document.getElementById("ask-dialog") as HTMLDialogElement;
    await vi.waitFor(() => expect(dialog.open).toBe(true));
    expect(dialog.textContent).toContain("Nieuwe hulpvraag van Jan de Vries");
    await userEvent.click(screen.getByRole("button", { name: "Concept houden" }));
    expect(store.stored).toHaveLength(2);

    await userEvent.click(second);
    await vi.waitFor(() => expect(dialog.open).toBe(true));
    await userEvent.click(within(dialog).getByRole("button", { name: "Weggooien" }));
    await vi.waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(1));
    expect(store.stored.map((d) => d.id)).toEqual([2]);
  });
});

describe("where a concept's form is", () => {
  it("finds the screen of every form instance it names", () => {
    expect(placeRoute("request", places.request({}))).toEqual({ screen: "request-new" });
    expect(placeRoute("request", places.request({ channel: "wmo_desk" }))).toEqual({ screen: "request-new", channel: "wmo_desk" });
    expect(placeRoute("request", places.request({ residentId: 5 }))).toEqual({ screen: "request-new", residentId: 5 });
    expect(placeRoute("request", places.request({ id: 42 }))).toEqual({ screen: "request-edit", id: 42 });
    expect(placeRoute("resident", places.resident())).toEqual({ screen: "resident-new" });
    expect(placeRoute("resident", places.resident(7))).toEqual({ screen: "resident-edit", id: 7 });
    expect(placeRoute("volunteer", places.volunteer({ residentId: 7 }))).toEqual({ screen: "volunteer-new", residentId: 7 });
    expect(placeRoute("volunteer", places.volunteer({ id: 7 }))).toEqual({ screen: "volunteer-edit", id: 7 });
    expect(placeRoute("consent", places.consent(7))).toEqual({ screen: "resident", id: 7 });
    expect(placeRoute("consent", places.consent(7, { requestId: 42, id: 9 }))).toEqual({ screen: "request", id: 42 });
    expect(placeRoute("referral", places.referral(42))).toEqual({ screen: "request", id: 42 });
    expect(placeRoute("contact_note", places.contactNote(42))).toEqual({ screen: "request", id: 42 });
  });

  it("has no screen for a name it does not know", () => {
    expect(placeRoute("request", "iets-anders")).toBeNull();
    expect(placeRoute("consent", "new")).toBeNull();
  });
});
