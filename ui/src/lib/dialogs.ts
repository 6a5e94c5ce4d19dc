// The file dialogs of the dialog plugin, behind one door. In tests (the app was
// started with `--test-files DIR`, debug builds only) no native dialog opens,
// since WebDriver cannot reach it: a save goes to DIR/<suggested name>, and an
// open takes the path the test put in `window.__buurtpuntTestOpen`.
import { open, save } from "@tauri-apps/plugin-dialog";
import { api } from "./api";

export type FileFilter = { name: string; extensions: string[] };

/** Buurtpunt's backups: `.buurtpunt`, and the bare `.db` of older versions. */
export const BACKUP_FILES: FileFilter[] = [{ name: "Back-up van Buurtpunt", extensions: ["buurtpunt", "db"] }];

let testDir: Promise<string | null> | null = null;

function testFilesDir(): Promise<string | null> {
  // A failed ask is not remembered (the next pick asks again) and reaches
  // the caller, which shows it: never a silent fall-back to no test folder.
  testDir ??= api.testFilesDir().catch((e: unknown) => {
    testDir = null;
    throw e;
  });
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
