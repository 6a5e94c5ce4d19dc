// The file dialogs of the dialog plugin, behind one door. In tests (the app was
// started with `--test-files DIR`, debug builds only) no native dialog opens,
// since WebDriver cannot reach it: a save goes to DIR/<suggested name>, and an
// open takes the path the test put in `window.__buurtpuntTestOpen`.
import { open, save } from "@tauri-apps/plugin-dialog";
import { invoke } from "@tauri-apps/api/core";

export type FileFilter = { name: string; extensions: string[] };

let testDir: Promise<string | null> | null = null;

function testFilesDir(): Promise<string | null> {
  testDir ??= invoke<string | null>("test_files_dir").catch(() => null);
  return testDir;
}

declare global {
  interface Window {
    __buurtpuntTestOpen?: string;
  }
}

/** Ask where to save; `null` when the user cancelled. */
export async function pickSave(defaultPath: string, filters: FileFilter[]): Promise<string | null> {
  const dir = await testFilesDir();
  if (dir) return `${dir}/${defaultPath}`;
  return await save({ defaultPath, filters });
}

/** Ask which file to open; `null` when the user cancelled. */
export async function pickOpen(filters: FileFilter[]): Promise<string | null> {
  const dir = await testFilesDir();
  if (dir) {
    const chosen = window.__buurtpuntTestOpen ?? null;
    window.__buurtpuntTestOpen = undefined;
    return chosen;
  }
  const path = await open({ multiple: false, filters });
  return typeof path === "string" ? path : null;
}
