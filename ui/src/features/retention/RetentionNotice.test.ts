import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RetentionNotice as Notice } from "../../lib/api";
import AskDialog from "../../lib/components/AskDialog.svelte";
import { fakeBackend } from "../../test/ipc";
import RetentionNotice from "./RetentionNotice.svelte";
import { resetRun } from "./run.svelte";

const NOTHING: Notice = {
  due: { dossiers: 0, volunteers: 0, signals: 0, auditEntries: 0, exportLogs: 0 },
  backups: { daily: 0, beforeUpdate: 0, lastGoneOn: null },
};

function due(dossiers: number): Notice {
  return {
    due: { ...NOTHING.due, dossiers, volunteers: 2 },
    backups: { daily: 9, beforeUpdate: 1, lastGoneOn: "2027-06-03" },
  };
}

/** A backend with `n` dossiers due, anonymised 500 at a time. */
function backend(n: number) {
  let left = n;
  return fakeBackend({
    retention_notice: () => (left > 0 ? due(left) : { ...NOTHING, backups: due(0).backups }),
    anonymise_step: (a) => {
      const done = Math.min(500, left);
      left -= done;
      return {
        dossiers: done, requests: done, signals: 0, auditEntries: 0, exportLogs: 0,
        after: (a.after as number) + done, finished: left === 0,
      };
    },
  });
}

afterEach(() => resetRun());

describe("Langer bewaard dan afgesproken", () => {
  it("says how many files are kept longer than agreed", async () => {
    backend(12);
    render(RetentionNotice);
    expect(await screen.findByRole("heading", { name: "12 dossiers zijn langer bewaard dan afgesproken" })).toBeTruthy();
    expect(screen.getByRole("region").textContent).toContain("2 gestopte vrijwilligers");
  });

  it("shows nothing when nothing passed its term", async () => {
    const calls = fakeBackend({ retention_notice: () => NOTHING });
    render(RetentionNotice);
    await vi.waitFor(() => expect(calls.map((c) => c.cmd)).toContain("retention_notice"));
    expect(screen.queryByRole("region")).toBeNull();
  });

  it("anonymises nothing when the question is answered with no", async () => {
    const calls = backend(12);
    render(AskDialog);
    render(RetentionNotice);
    await userEvent.click(await screen.findByRole("button", { name: "Anonimiseren…" }));
    const dialog = document.getElementById("ask-dialog") as HTMLDialogElement;
    await vi.waitFor(() => expect(dialog.open).toBe(true));
    expect(dialog.textContent).toContain("U kunt dit niet terugdraaien");
    expect(dialog.textContent).toContain("de cijfers voor het overleg en het jaarverslag hetzelfde");
    await userEvent.click(screen.getByRole("button", { name: "Nee, nog niet" }));
    expect(calls.map((c) => c.cmd)).not.toContain("anonymise_step");
  });

  it("anonymises step by step after the yes, then says what the backups still hold", async () => {
    const calls = backend(1200);
    render(AskDialog);
    render(RetentionNotice);
    await userEvent.click(await screen.findByRole("button", { name: "Anonimiseren…" }));
    await userEvent.click(await screen.findByRole("button", { name: "Ja, anonimiseren" }));
    expect(await screen.findByText(/1\.200 dossiers zijn geanonimiseerd/)).toBeTruthy();
    const steps = calls.filter((c) => c.cmd === "anonymise_step").map((c) => c.args.after);
    expect(steps).toEqual([0, 500, 1000]);
    const backups = document.getElementById("retention-backups")?.textContent ?? "";
    expect(backups).toContain("Oudere gegevens staan nog in 9 reservekopieën op deze computer");
    expect(backups).toContain("3 juni 2027");
  });
});
