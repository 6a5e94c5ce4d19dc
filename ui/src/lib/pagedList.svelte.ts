// One paged, filtered list on a screen: the newest answer wins (a slow old
// search never overwrites a newer one), typing waits a moment before
// searching, a filter change goes back to page 1, and paging turns pages.
import type { Page } from "./api";
import { errorText } from "./errors";

export class PagedList<T> {
  page = $state<Page<T> | null>(null);
  error = $state("");
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #fetch: () => Promise<Page<T>>;
  #position: { page: number };

  /** `position.page` is the page number the fetch uses (kept by the caller, so it can outlive the screen). */
  constructor(fetch: () => Promise<Page<T>>, position: { page: number }) {
    this.#fetch = fetch;
    this.#position = position;
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
    void this.load();
  };

  /** Search text typed: search when the typing pauses. */
  typed = (): void => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.changed, 250);
  };

  turn = (delta: number): void => {
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
