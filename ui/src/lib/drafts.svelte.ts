// Nothing typed is lost. Each form with changes (compared with what it was
// opened with) writes a draft (concept) into the encrypted database a moment
// after typing stops and when a field loses focus, so even a crash loses at
// most the last second. Leaving a form with changes — the menu, a link,
// "Annuleren", the lock button, "Demo sluiten" — asks first: stay, keep it as
// a concept, or throw it away. The auto-lock keeps every draft without asking.
// A real save throws the draft away.
import { api, ApiError, type DraftSummary, type FormKind } from "./api";
import { ask, dismiss, type Question } from "./ask.svelte";
import { errorText } from "./errors";
import { todayIso } from "./labels";
import { guardLeaving } from "./nav.svelte";

/** How long after the last change a draft is written. */
export const AUTOSAVE_MS = 1_000;

type Place = { kind: FormKind; context: string };

export const drafts = $state<{
  /** The drafts in the store, newest first (kept in step by every write here). */
  list: DraftSummary[];
  /** The draft the user chose to go on with ("Verder gaan"): its form shows itself. */
  resume: Place | null;
}>({ list: [], resume: null });

function same(a: Place, b: Place): boolean {
  return a.kind === b.kind && a.context === b.context;
}

export async function loadDrafts(): Promise<void> {
  drafts.list = await api.listDrafts();
}

/** Locked or closed: no list of another (or no) database stays around. */
export function forgetDrafts(): void {
  drafts.list = [];
  drafts.resume = null;
}

/** Whether this form instance has a draft (from the last list). */
export function hasDraft(kind: FormKind, context: string): boolean {
  return drafts.list.some((d) => same(d, { kind, context }));
}

function remember(s: DraftSummary): void {
  drafts.list = [s, ...drafts.list.filter((d) => !same(d, s))];
}

function forget(place: Place): void {
  drafts.list = drafts.list.filter((d) => !same(d, place));
}

export async function discardDraft(place: Place): Promise<void> {
  await api.discardDraft(place.kind, place.context);
  forget(place);
}

/** "10:42" of a stored `YYYY-MM-DDTHH:MM:SS`. */
export function clockTime(stamp: string): string {
  return stamp.slice(11, 16);
}

/** "vandaag om 10:42", "gisteren om 18:05" or "20-11-2026 om 9:15". */
export function whenText(stamp: string): string {
  const day = stamp.slice(0, 10);
  const today = todayIso();
  const yesterday = new Date(`${today}T12:00:00`);
  yesterday.setDate(yesterday.getDate() - 1);
  const y = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, "0")}-${String(yesterday.getDate()).padStart(2, "0")}`;
  const date = day === today ? "vandaag" : day === y ? "gisteren" : `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;
  return `${date} om ${clockTime(stamp)}`;
}

// ---- Asking before leaving -------------------------------------------------

/** A form that holds what the user typed. */
type Guard = {
  label: () => string;
  changed: () => boolean;
  /** Write the draft now; false when that failed (then the form says why). */
  keep: () => Promise<boolean>;
  throwAway: () => Promise<void>;
};

const guards = new Set<Guard>();

/** Why forms are being left. */
export type Leaving = "navigate" | "lock" | "demo" | "close";
type Answer = "stay" | "keep" | "discard";

const stay = { value: "stay", label: "Terug naar het formulier", id: "leave-stay", tone: "safe" } as const;

function question(why: Leaving, labels: string[]): Question<Answer> {
  const title = "Wat u typte, is nog niet opgeslagen";
  const keep = (label: string) => ({ value: "keep", label, id: "leave-keep", tone: "keep" }) as const;
  const discard = (label: string) => ({ value: "discard", label, id: "leave-discard", tone: "danger" }) as const;
  switch (why) {
    case "demo":
      return {
        title: "Demo sluiten?",
        text: "U bent nog bezig met:",
        items: labels,
        after: "Als u de demo sluit, is alles uit de demo weg, ook wat u nu typte. Niets wordt bewaard.",
        choices: [stay, discard("Demo sluiten en alles weggooien")],
      };
    case "lock":
      return {
        title,
        text: "U vergrendelt Buurtpunt. Dit is nog niet opgeslagen:",
        items: labels,
        after: "Als concept bewaard, staat het er weer als u Buurtpunt opent.",
        choices: [stay, keep("Bewaren als concept en vergrendelen"), discard("Weggooien en vergrendelen")],
      };
    case "close":
      return {
        title,
        text: "U sluit dit formulier:",
        items: labels,
        after: "Als concept bewaard, staat het er weer als u het formulier opnieuw opent.",
        choices: [stay, keep("Bewaren als concept en sluiten"), discard("Weggooien en sluiten")],
      };
    default:
      return {
        title,
        text: "U gaat weg van:",
        items: labels,
        after: "Als concept bewaard, staat het er weer als u het formulier opnieuw opent.",
        choices: [stay, keep("Bewaren als concept en verder"), discard("Weggooien en verder")],
      };
  }
}

/** Ask before forms with changes are left (all of them, or `only` these).
 *  True when it is fine to go on: nothing was changed, or the user chose to
 *  keep (and every draft was written) or to throw away. */
export async function mayLeave(why: Leaving, only?: Guard[]): Promise<boolean> {
  const open = (only ?? [...guards]).filter((g) => g.changed());
  if (open.length === 0) return true;
  const answer = await ask(question(why, open.map((g) => g.label())));
  if (answer === "keep") return (await Promise.all(open.map((g) => g.keep()))).every(Boolean);
  if (answer === "discard") {
    // A draft that could not be thrown away stays in the list; nothing is lost.
    await Promise.allSettled(open.map((g) => g.throwAway()));
    return true;
  }
  return false;
}

/** The auto-lock: close any open question and write every draft now. */
export async function keepAll(): Promise<boolean> {
  dismiss();
  const open = [...guards].filter((g) => g.changed());
  return (await Promise.all(open.map((g) => g.keep()))).every(Boolean);
}

guardLeaving((proceed) => {
  if (![...guards].some((g) => g.changed())) return false;
  void mayLeave("navigate").then((ok) => {
    if (ok) proceed();
  });
  return true;
});

// ---- One form's draft ------------------------------------------------------

export type DraftOptions<T> = {
  kind: FormKind;
  /** Which instance of the form: see lib/draftPlaces.ts. */
  context: () => string;
  /** A short label for the notice and the questions, e.g. "Hulpvraag van Anna Bakker". */
  label: () => string;
  /** Everything the user can change, as plain data (it is stored as JSON). */
  snapshot: () => T;
  /** Put stored content back into the form. */
  restore: (saved: T) => void;
};

export type FormDraft = ReturnType<typeof useDraft>;

/** Call while a form component is set up; call `ready()` once the form shows
 *  what it was opened with. */
export function useDraft<T>(o: DraftOptions<T>) {
  let baseline = $state<string | null>(null);
  let restoredAt = $state<string | null>(null);
  let status = $state("");
  let failed = $state(false);
  /** What the store holds for this form (null: no draft). */
  let written: string | null = null;
  /** Thrown away: write nothing more. */
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const current = $derived(JSON.stringify(o.snapshot()));
  const changed = $derived(baseline !== null && current !== baseline);
  const place = (): Place => ({ kind: o.kind, context: o.context() });

  /** Store writes one after the other, in the order they were asked for. */
  function serial<R>(job: () => Promise<R>): Promise<R> {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  }

  function problem(text: string, e: unknown) {
    failed = true;
    const tooBig = e instanceof ApiError && e.payload.fields.some((f) => f.field === "content" && f.rule === "too_long");
    status = tooBig ? `${text} Het formulier is te groot. Maak de langste tekst korter.` : `${text} ${errorText(e)}`;
  }

  /** Make the store hold what is on screen now. */
  function write(): Promise<boolean> {
    clearTimeout(timer);
    return serial(async () => {
      if (closed || baseline === null) return true;
      const content = current;
      if (content === written) return true;
      try {
        if (content === baseline) {
          // Back to how it was opened: no draft needed.
          if (written !== null) await discardDraft(place());
          written = null;
          status = "";
        } else {
          const saved = await api.saveDraft({ ...place(), label: o.label(), content });
          remember(saved);
          written = content;
          status = `Concept bewaard om ${clockTime(saved.updatedAt)}`;
        }
        failed = false;
        return true;
      } catch (e) {
        problem("Het concept kon niet bewaard worden.", e);
        return false;
      }
    });
  }

  async function throwAway(): Promise<void> {
    closed = true;
    clearTimeout(timer);
    guards.delete(guard);
    await serial(async () => {
      await discardDraft(place());
      written = null;
    });
  }

  const guard: Guard = { label: () => o.label(), changed: () => !closed && changed, keep: write, throwAway };

  // Autosave: a moment after the last change.
  $effect(() => {
    void current;
    if (baseline === null || closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void write(), AUTOSAVE_MS);
  });

  // Leaving without being asked (the form closes with its screen): what is
  // not written yet is written now.
  $effect(() => () => {
    clearTimeout(timer);
    guards.delete(guard);
    if (!closed && baseline !== null && current !== written && current !== baseline) void write();
  });

  return {
    get changed() {
      return changed;
    },
    /** "Concept bewaard om 10:42", or why it could not be. */
    get status() {
      return status;
    },
    get failed() {
      return failed;
    },
    /** When the draft the form came back from was written (null: no draft). */
    get restoredAt() {
      return restoredAt;
    },

    /** The form shows what it was opened with: that is "unchanged". A draft
     *  of this form comes back now. `reveal`: a form inside a page, shown
     *  (scrolled to, first field focused) when the user chose "Verder gaan".
     *  `quiet`: the user left a moment ago on purpose (handOver) and expects
     *  the form as it was: no "Dit komt uit een concept". */
    async ready(reveal?: HTMLElement | null, quiet = false): Promise<void> {
      baseline = current;
      guards.add(guard);
      const here = place();
      let found;
      try {
        found = await api.getDraft(here.kind, here.context);
      } catch (e) {
        problem("Een concept van dit formulier kon niet gelezen worden.", e);
        return;
      }
      const resumed = drafts.resume !== null && same(drafts.resume, here);
      if (resumed) drafts.resume = null;
      if (!found) return;
      let saved: T;
      try {
        saved = JSON.parse(found.content) as T;
      } catch (e) {
        problem("Een concept van dit formulier kon niet gelezen worden.", e);
        return;
      }
      o.restore(saved);
      written = found.content;
      if (!quiet) restoredAt = found.updatedAt;
      if (resumed && reveal) {
        reveal.scrollIntoView({ block: "start" });
        reveal.querySelector<HTMLElement>("input:not([type=hidden]), textarea, select")?.focus({ preventScroll: true });
      }
    },

    /** Write the draft now (a field lost focus, or the form is handed over). */
    write,

    /** The form was saved for real: its draft goes, and what is on screen
     *  counts as unchanged from now on. */
    async saved(): Promise<void> {
      clearTimeout(timer);
      baseline = current;
      restoredAt = null;
      status = "";
      await serial(async () => {
        try {
          await discardDraft(place());
          written = null;
        } catch (e) {
          problem("Opgeslagen. Het oude concept kon niet weggegooid worden: dat kan bij Vandaag.", e);
        }
      });
    },

    /** "Annuleren" on a form inside a page: asks first when it has changes. */
    mayClose(): Promise<boolean> {
      return mayLeave("close", [guard]);
    },

    /** Leave on purpose with everything kept (e.g. to add a new resident and
     *  come back): write the draft, then go without a question. */
    async handOver(): Promise<boolean> {
      const ok = await write();
      if (ok) guards.delete(guard);
      return ok;
    },

    /** Throw the draft away (after asking) and show the form as it was opened. */
    async startOver(): Promise<void> {
      const answer = await ask({
        title: "Concept weggooien?",
        text: "Alles wat in dit concept staat, is dan weg. Het formulier begint weer leeg.",
        choices: [
          { value: "keep", label: "Concept houden", id: "start-over-keep", tone: "safe" },
          { value: "discard", label: "Weggooien en opnieuw beginnen", id: "start-over-discard", tone: "danger" },
        ],
      });
      if (answer !== "discard" || baseline === null) return;
      clearTimeout(timer);
      const start = JSON.parse(baseline) as T;
      await serial(async () => {
        try {
          await discardDraft(place());
          written = null;
          o.restore(start);
          restoredAt = null;
          status = "";
        } catch (e) {
          problem("Het concept kon niet weggegooid worden.", e);
        }
      });
    },
  };
}
