import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Agreement, AgreementInput } from "../../lib/api";
import { failure, fakeBackend, type Call } from "../../test/ipc";
import AgreementList from "./AgreementList.svelte";

const agreement = (over: Partial<Agreement>): Agreement => ({
  id: 1, requestId: 5, party: "resident", who: "", what: "", dueOn: null, doneOn: null, ...over,
});

/** A fake store of agreements for request 5. */
function store(start: Agreement[]) {
  let items = [...start];
  const calls = fakeBackend({
    request_agreements: () => items,
    add_agreement: (a) => {
      const input = a.input as AgreementInput;
      const added = agreement({ ...input, id: 10 + items.length, dueOn: input.dueOn || null });
      items = [...items, added];
      return added;
    },
    set_agreement_done: (a) => {
      items = items.map((x) => (x.id === a.id ? { ...x, doneOn: a.done ? "2026-11-22" : null } : x));
      return items.find((x) => x.id === a.id);
    },
  });
  return calls;
}

const adds = (calls: Call[]) => calls.filter((c) => c.cmd === "add_agreement");
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe("agreements", () => {
  it("lists who does what by when, and which are late", async () => {
    store([
      agreement({ id: 1, party: "network", who: "dochter Ineke", what: "Boodschappen doen", dueOn: "2020-01-10" }),
      agreement({ id: 2, party: "professional", what: "Huisbezoek", doneOn: "2026-11-01" }),
    ]);
    render(AgreementList, { requestId: 5 });
    const first = (await screen.findByText("dochter Ineke")).closest("li")!;
    expect(first.textContent?.replace(/\s+/g, " ")).toContain("dochter Ineke: Boodschappen doen — uiterlijk 10-01-2020 (datum verstreken)");
    const second = screen.getByText("Een professional", { selector: "strong" }).closest("li")!;
    expect(second.textContent).toContain("(gedaan op 01-11-2026)");
    expect(second.textContent).not.toContain("verstreken");
    expect((document.getElementById("agreement-done-2") as HTMLInputElement).checked).toBe(true);
  });

  it("adds an agreement with who, a name, what and by when, then shows it", async () => {
    const calls = store([]);
    render(AgreementList, { requestId: 5 });
    expect(await screen.findByText("Nog geen afspraken.")).toBeTruthy();

    await userEvent.selectOptions(screen.getByLabelText("Wie?"), "Familie of buren");
    await userEvent.type(field("Naam (mag leeg)"), "buurman Evert");
    await userEvent.type(field("Wat?"), "Gras maaien");
    await userEvent.type(field("Uiterlijk (mag leeg)"), "5-12-2026");
    await userEvent.click(screen.getByRole("button", { name: "Afspraak toevoegen" }));

    await screen.findByText("buurman Evert");
    expect(adds(calls)[0].args).toEqual({
      requestId: 5,
      input: { party: "network", who: "buurman Evert", what: "Gras maaien", dueOn: "2026-12-05" },
    });
    expect(screen.getByText("buurman Evert").closest("li")?.textContent).toContain("Gras maaien — uiterlijk 05-12-2026");
    expect(screen.queryByText("Nog geen afspraken.")).toBeNull();
    // The form is empty again for the next agreement.
    expect(field("Wat?").value).toBe("");
    expect(field("Naam (mag leeg)").value).toBe("");
  });

  it("shows the party when no name was given", async () => {
    const calls = store([]);
    render(AgreementList, { requestId: 5 });
    await userEvent.selectOptions(screen.getByLabelText("Wie?"), "Het buurtpunt");
    await userEvent.type(field("Wat?"), "Terugbellen");
    await userEvent.click(screen.getByRole("button", { name: "Afspraak toevoegen" }));
    expect((await screen.findByText("Het buurtpunt", { selector: "strong" })).closest("li")?.textContent).toContain("Terugbellen");
    expect(adds(calls)[0].args.input).toEqual({ party: "help_point", who: "", what: "Terugbellen", dueOn: "" });
  });

  it("says in Dutch what is missing or wrong and keeps what was typed", async () => {
    fakeBackend({
      request_agreements: () => [],
      add_agreement: () => {
        throw failure("invalid_input", [
          { field: "what", rule: "required" },
          { field: "dueOn", rule: "date" },
        ]);
      },
    });
    render(AgreementList, { requestId: 5 });
    await userEvent.type(field("Naam (mag leeg)"), "dochter Ineke");
    await userEvent.type(field("Uiterlijk (mag leeg)"), "volgende week");
    await userEvent.click(screen.getByRole("button", { name: "Afspraak toevoegen" }));

    await vi.waitFor(() => expect(field("Wat?").getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("agreement-what-error")?.textContent).toBe("Vul dit in.");
    expect(document.getElementById("agreement-dueOn-error")?.textContent).toBe("Vul een datum in zoals 22-11-2026.");
    expect(field("Naam (mag leeg)").value).toBe("dochter Ineke");
    expect(field("Uiterlijk (mag leeg)").value).toBe("volgende week");
  });

  it("says at the name when the name is too long", async () => {
    fakeBackend({
      request_agreements: () => [],
      add_agreement: () => {
        throw failure("invalid_input", [{ field: "who", rule: "too_long", max: 200 }]);
      },
    });
    render(AgreementList, { requestId: 5 });
    await userEvent.type(field("Naam (mag leeg)"), "Een hele lange naam");
    await userEvent.type(field("Wat?"), "Koken");
    await userEvent.click(screen.getByRole("button", { name: "Afspraak toevoegen" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Dit is te lang. Gebruik hoogstens 200 tekens.");
    expect(field("Naam (mag leeg)").getAttribute("aria-invalid")).toBe("true");
  });

  it("marks an agreement done and undone", async () => {
    const calls = store([agreement({ id: 3, who: "Evert", what: "Lamp ophangen" })]);
    render(AgreementList, { requestId: 5 });
    await screen.findByText("Evert");
    await userEvent.click(screen.getByRole("checkbox"));
    await screen.findByText("(gedaan op 22-11-2026)");
    await userEvent.click(screen.getByRole("checkbox"));
    await vi.waitFor(() => expect(screen.queryByText("(gedaan op 22-11-2026)")).toBeNull());
    expect(calls.filter((c) => c.cmd === "set_agreement_done").map((c) => c.args)).toEqual([
      { id: 3, done: true },
      { id: 3, done: false },
    ]);
  });
});
