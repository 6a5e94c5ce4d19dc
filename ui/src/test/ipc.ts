// Test helper: fake the Tauri IPC boundary (not our code). Each command name
// maps to a function; a thrown payload becomes the command's error.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach } from "vitest";
import type { ErrorCode } from "../lib/api";

export type Handler = (args: Record<string, unknown>) => unknown;
export type Call = { cmd: string; args: Record<string, unknown> };

type StoredDraft = { id: number; kind: string; context: string; label: string; content: string; updatedAt: string };

/** Every form keeps drafts, so each fake backend has a small draft store of
 *  its own (a test may replace any of these commands). Its clock is fixed. */
export function draftCommands(stamp = "2026-11-22T10:42:00"): { stored: StoredDraft[]; handlers: Record<string, Handler> } {
  const stored: StoredDraft[] = [];
  let next = 1;
  const find = (a: Record<string, unknown>) => stored.findIndex((d) => d.kind === a.kind && d.context === a.context);
  const summary = ({ content: _content, ...s }: StoredDraft) => s;
  const handlers: Record<string, Handler> = {
    save_draft: (a) => {
      const input = a.input as Omit<StoredDraft, "id" | "updatedAt">;
      const at = find(input);
      const draft = { id: at >= 0 ? stored[at].id : next++, ...input, updatedAt: stamp };
      if (at >= 0) stored.splice(at, 1);
      stored.unshift(draft);
      return summary(draft);
    },
    list_drafts: () => stored.map(summary),
    get_draft: (a) => {
      const at = find(a);
      return at >= 0 ? stored[at] : null;
    },
    discard_draft: (a) => {
      const at = find(a);
      if (at >= 0) stored.splice(at, 1);
      return null;
    },
  };
  return { stored, handlers };
}

/** The core's limits as the fake backend states them (see lib/limits.svelte.ts). */
export const FAKE_LIMITS = { minPassphrase: 10, importMaxRows: 20000, importMaxMb: 50 };

/** The contact person working at the fake computer. */
export const FAKE_PERSON = { id: 1, name: "Gerda Postma", phone: "", email: "", active: true };

const FAKE_SETUP_DONE = {
  needed: false, helpPointName: "Buurtpunt Lindeloo", helpPointPhone: "", helpPointEmail: "",
  kernen: ["Lindeloo"], contactPersons: [], wmo: null,
};

export function fakeBackend(handlers: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  const all: Record<string, Handler> = {
    ...draftCommands().handlers,
    limits: () => FAKE_LIMITS,
    // Someone said who they are after the unlock ("Wie bent u?").
    current_contact_person: () => FAKE_PERSON,
    // A help point past its first start, with its first steps done.
    setup_state: () => FAKE_SETUP_DONE,
    first_steps: () => ({ show: false, wmoDesk: true, volunteers: 1, organisations: 3, helpPointPhone: true }),
    ...handlers,
  };
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const h = all[cmd];
    if (!h) throw { code: "internal", message: `no fake for ${cmd}`, fields: [], ids: [] };
    return h(a);
  });
  return calls;
}

export function failure(
  code: ErrorCode,
  fields: { field: string; rule: string; max?: number | null }[] = [],
  ids: number[] = [],
  limit: number | null = null,
) {
  return {
    code,
    message: `test: ${code}`,
    fields: fields.map((f) => ({ max: null, ...f })),
    ids,
    limit,
  };
}

let nextOpen: string | null = null;

/** The file the next open dialog returns (as the e2e tests answer it). */
export function chooseFile(path: string) {
  nextOpen = path;
}

/** The file dialogs as in test mode: a save goes to `dir/<suggested name>`,
 *  an open returns what `chooseFile` said, once (else: cancelled). */
export function fileDialogs(dir = "/tmp/proef"): Record<string, Handler> {
  return {
    pick_save_file: (a) => `${dir}/${String(a.suggested)}`,
    pick_open_file: () => {
      const chosen = nextOpen;
      nextOpen = null;
      return chosen;
    },
  };
}

afterEach(() => {
  nextOpen = null;
  clearMocks();
});
