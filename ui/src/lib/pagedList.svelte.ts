// One paged, filtered list on a screen: the newest answer wins (a slow old
// search never overwrites a newer one), typing waits a moment before
// searching, a filter change goes back to page 1, and paging turns pages.
// A list that pages by key (the backend seeks from the row shown, so a page
// deep in the list is as quick as the first) keeps the row to turn from in
// `position.seek`.
import type { Page } from "./api";
import { errorText } from "./errors";

/** The row to turn from: the next page starts after `after`, the previous ends before `before`. */
export type Seek<K> = { after: K | null; before: K | null };

/** What the pager needs of a paged list. */
export interface Turnable {
  readonly page: Page<unknown> | null;
  readonly at: number;
  readonly pages: number;
  turn: (delta: number) => void;
}

export class PagedList<T, K = never> implements Turnable {
  page = $state<Page<T> | null>(null);
  error = $state("");
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #fetch: () => Promise<Page<T>>;
  #position: { page: number; seek?: Seek<K> };
  #keyOf: ((item: T) => K) | undefined;

  /**
   * `position.page` is the page number the fetch uses (kept by the caller, so it can outlive the screen);
   * with `keyOf`, turning a page also sets `position.seek` from the first or last row shown.
   */
  constructor(fetch: () => Promise<Page<T>>, position: { page: number; seek?: Seek<K> }, keyOf?: (item: T) => K) {
    this.#fetch = fetch;
    this.#position = position;
    this.#keyOf = keyOf;
  }

  load = async (): Promise<void> => {
    const mine = ++this.#seq;
    try {
      const result = await this.#fetch();
      if (mine === this.#seq) {
        this.page = result;
        this.error = "";
      }
    } catch (e) {
      if (mine === this.#seq) this.error = errorText(e);
    }
  };

  /** A filter changed: back to the first page. */
  changed = (): void => {
    this.#position.page = 0;
    if (this.#keyOf) this.#position.seek = { after: null, before: null };
    void this.load();
  };

  /** Search text typed: search when the typing pauses. */
  typed = (): void => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.changed, 250);
  };

  turn = (delta: number): void => {
    const items = this.page?.items ?? [];
    const keyOf = this.#keyOf;
    // One page on: seek from the row shown. A jump (first or last page) goes by number.
    if (keyOf && Math.abs(delta) === 1 && items.length > 0 && this.page?.page === this.#position.page) {
      this.#position.seek =
        delta > 0
          ? { after: keyOf(items[items.length - 1]), before: null }
          : { after: null, before: keyOf(items[0]) };
    } else if (keyOf) {
      // No rows to turn from, a turn still loading, or a jump: page by number.
      this.#position.seek = { after: null, before: null };
    }
    this.#position.page += delta;
    void this.load();
  };

  /** Stop a pending search (when the screen closes). */
  stop = (): void => clearTimeout(this.#timer);

  /** The page number the next fetch asks for (it leads the shown page while a turn loads). */
  get at(): number {
    return this.#position.page;
  }

  get pages(): number {
    return this.page ? Math.max(1, Math.ceil(this.page.total / this.page.pageSize)) : 1;
  }
}

/** Rows open with Enter or Space, like a link. */
export function openOnKey(e: KeyboardEvent, open: () => void): void {
  if (e.key === "Enter" || e.key === " ") {
    e.preventDefault();
    open();
  }
}
