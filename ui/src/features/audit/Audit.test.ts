import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeBackend } from "../../test/ipc";
import WhoAreYou from "./WhoAreYou.svelte";
import AuditHistory from "./AuditHistory.svelte";

const gerda = { id: 1, name: "Gerda Postma", phone: "", email: "", active: true };
const klaas = { id: 2, name: "Klaas Mulder", phone: "", email: "", active: false };

describe("Wie bent u?", () => {
  it("offers the active contact persons and remembers the one chosen", async () => {
    const calls = fakeBackend({
      list_contact_persons: () => [gerda, klaas],
      choose_contact_person: () => gerda,
    });
    const onChosen = vi.fn();
    render(WhoAreYou, { onChosen });
    await userEvent.click(await screen.findByRole("button", { name: "Gerda Postma" }));
    expect(screen.queryByRole("button", { name: "Klaas Mulder" })).toBeNull();
    expect(calls.find((c) => c.cmd === "choose_contact_person")?.args).toEqual({ id: 1 });
    expect(onChosen).toHaveBeenCalledWith(gerda);
  });

  it("asks a name when there is nobody yet, and adds that person", async () => {
    const calls = fakeBackend({
      list_contact_persons: () => [],
      create_contact_person: () => ({ ...gerda, id: 7 }),
      choose_contact_person: (a) => ({ ...gerda, id: a.id }),
    });
    const onChosen = vi.fn();
    render(WhoAreYou, { onChosen });
    await userEvent.type(await screen.findByLabelText("Uw naam"), "Gerda Postma");
    await userEvent.click(screen.getByRole("button", { name: "Verder" }));
    expect(calls.find((c) => c.cmd === "create_contact_person")?.args).toEqual({
      input: { name: "Gerda Postma", phone: "", email: "", active: true },
    });
    expect(calls.find((c) => c.cmd === "choose_contact_person")?.args).toEqual({ id: 7 });
    expect(onChosen).toHaveBeenCalled();
  });
});

describe("Wie heeft dit dossier bekeken of gewijzigd", () => {
  it("lists when, who, what and the Dutch names of the fields, newest first", async () => {
    fakeBackend({
      resident_audit_log: () => ({
        lines: [
          { id: 3, at: "2026-11-22T10:42:00", actor: "Wim Hoekstra", action: "changed", kind: "resident", recordId: 4, fields: ["phone", "notes"] },
          { id: 2, at: "2026-11-22T10:40:00", actor: "Gerda Postma", action: "viewed", kind: "resident", recordId: 4, fields: [] },
        ],
        total: 2,
      }),
    });
    render(AuditHistory, { residentId: 4 });
    const rows = await screen.findAllByRole("row");
    expect(rows[1].textContent).toContain("22-11-2026 10:42");
    expect(rows[1].textContent).toContain("Wim Hoekstra");
    expect(rows[1].textContent).toContain("Bewoner gewijzigd");
    expect(rows[1].textContent).toContain("telefoon, notities");
    expect(rows[2].textContent).toContain("Bewoner bekeken");
    expect(screen.getByText("2 regels.")).toBeTruthy();
  });
});
