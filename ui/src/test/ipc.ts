// Test helper: fake the Tauri IPC boundary (not our code). Each command name
// maps to a function; a thrown payload becomes the command's error.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach } from "vitest";

export type Handler = (args: Record<string, unknown>) => unknown;
export type Call = { cmd: string; args: Record<string, unknown> };

export function fakeBackend(handlers: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const h = handlers[cmd];
    if (!h) throw { code: "internal", message: `no fake for ${cmd}`, fields: [], ids: [] };
    return h(a);
  });
  return calls;
}

export function failure(code: string, fields: { field: string; rule: string; max?: number | null }[] = [], ids: number[] = []) {
  return {
    code,
    message: `test: ${code}`,
    fields: fields.map((f) => ({ max: null, ...f })),
    ids,
  };
}

afterEach(() => clearMocks());
