// The UI's door and the Rust list of commands (src-tauri/src/command_list.rs,
// written into generated/Command.ts by `cargo test`) agree: the door has one
// function per command, and each calls exactly one listed command.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { api } from ".";
import { COMMANDS } from "./generated/Command";

afterEach(() => clearMocks());

/** The commands one door function calls (events of the core plugin aside). */
async function commandsOf(door: (...args: never[]) => Promise<unknown>): Promise<string[]> {
  const called: string[] = [];
  mockIPC((cmd) => {
    if (!cmd.startsWith("plugin:")) called.push(cmd);
    return null;
  });
  await (door as () => Promise<unknown>)();
  clearMocks();
  return called;
}

describe("the door to the Rust side", () => {
  it("has exactly one function for each listed command, and calls nothing else", async () => {
    const byCommand = new Map<string, string[]>();
    for (const [name, door] of Object.entries(api)) {
      const called = await commandsOf(door);
      if (name === "onImportProgress") {
        expect(called, name).toEqual([]);
        continue;
      }
      expect(called, name).toHaveLength(1);
      byCommand.set(called[0], [...(byCommand.get(called[0]) ?? []), name]);
    }
    expect([...byCommand.keys()].sort()).toEqual([...COMMANDS].sort());
    for (const [cmd, doors] of byCommand) expect(doors, cmd).toHaveLength(1);
  });
});
