// How the UI's folders may use each other (tests included):
// - `lib/` is shared by every feature and imports no feature;
// - a feature (`features/<name>/`) imports `lib/`, `test/` and its own files,
//   never another feature's — except the composition pages below, which put
//   pieces of several features on one screen, each with exactly the files it
//   may take. A widget more than one feature needs goes to `lib/components/`.
// `App.svelte` (outside both) routes to the screens of every feature.
import { describe, expect, it } from "vitest";

/** The text of every source file, by its path under src/ ("features/…"). */
const SOURCES: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(["./**/*.ts", "./**/*.svelte"], { query: "?raw", import: "default", eager: true }),
  ).map(([path, text]) => [path.slice(2), text]),
);

/** Composition page (under features/) → the other features' files it shows. */
const COMPOSITIONS: Record<string, string[]> = {
  // The page of one request: its matches, its follow-up, its referrals, its
  // signals and its case on the meeting's agenda.
  "requests/RequestDetail.svelte": [
    "matching/MatchPanel.svelte",
    "followup/FollowUpPanel.svelte",
    "referrals/ReferralPanel.svelte",
    "signals/LinkedSignals.svelte",
    "agenda/AgendaPanel.svelte",
  ],
  // The page of one resident: their requests, volunteer profile, consents,
  // their privacy rights (inzage, erasure) and who looked at or changed the
  // file (the audit log).
  "residents/ResidentDetail.svelte": [
    "requests/RequestCards.svelte",
    "volunteers/VolunteerPanel.svelte",
    "consent/ConsentList.svelte",
    "signals/LinkedSignals.svelte",
    "audit/AuditHistory.svelte",
    "privacy_rights/RightsPanel.svelte",
  ],
  // Vandaag: what is due in every feature, the drafts left open, what is
  // kept longer than agreed, and a new help point's first steps.
  "today/TodoList.svelte": ["followup/ReminderAction.svelte"],
  "today/Today.svelte": [
    "social-map/DueBlock.svelte",
    "followup/DueBlock.svelte",
    "drafts/DraftNotice.svelte",
    "signals/PatternBlock.svelte",
    "privacy_rights/RequestsDue.svelte",
    "retention/RetentionNotice.svelte",
    "setup/FirstSteps.svelte",
  ],
  // A referral: its recipient is picked from the social map, and the
  // resident's consent is recorded in place.
  "referrals/ReferralForm.svelte": ["social-map/ServicePicker.svelte"],
  "referrals/ReferralItem.svelte": ["consent/ConsentForm.svelte"],
  // Instellingen shows "Alles exporteren" (for now: it moves to the privacy screen).
  "privacy/PrivacyScreen.svelte": ["full_export/FullExport.svelte"],
};

/** `spec` (relative to the folder of `from`) as a path under src/. */
function resolved(from: string, spec: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const step of spec.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

/** The files under src/ that `file` imports (relative imports only). */
function importsOf(file: string): string[] {
  const found = [...SOURCES[file].matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)];
  return found.map((m) => resolved(file, m[1]));
}

const under = (folder: string) => Object.keys(SOURCES).filter((p) => p.startsWith(`${folder}/`));

/** "features/requests/RequestDetail.svelte" → "requests"; null outside features/. */
function featureOf(path: string): string | null {
  const m = /^features\/([^/]+)\//.exec(path);
  return m ? m[1] : null;
}

/** Every import from one feature into another, as "from → to". */
function crossFeatureImports(): string[] {
  const out: string[] = [];
  for (const from of under("features")) {
    for (const to of importsOf(from)) {
      const target = featureOf(to);
      if (target !== null && target !== featureOf(from)) out.push(`${from} → ${to}`);
    }
  }
  return out;
}

describe("imports between the UI's folders", () => {
  it("lib imports no feature", () => {
    const wrong = under("lib").flatMap((file) =>
      importsOf(file)
        .filter((to) => featureOf(to) !== null)
        .map((to) => `${file} → ${to}`),
    );
    expect(wrong).toEqual([]);
  });

  it("a feature imports another feature only on a listed composition page", () => {
    const allowed = new Set(
      Object.entries(COMPOSITIONS).flatMap(([page, shown]) => shown.map((s) => `features/${page} → features/${s}`)),
    );
    expect(crossFeatureImports().filter((i) => !allowed.has(i))).toEqual([]);
  });

  it("every listed composition is still used (the list stays exact)", () => {
    const used = new Set(crossFeatureImports());
    const stale = Object.entries(COMPOSITIONS)
      .flatMap(([page, shown]) => shown.map((s) => `features/${page} → features/${s}`))
      .filter((i) => !used.has(i));
    expect(stale).toEqual([]);
  });

  it("sees an import across features when there is one", () => {
    // The scan itself works: the request page does import the match panel.
    expect(under("features").length).toBeGreaterThan(50);
    expect(importsOf("features/requests/RequestDetail.svelte")).toContain(
      "features/matching/MatchPanel.svelte",
    );
  });
});
