import { describe, expect, it, vi } from "vitest";
import type { Page } from "./api";
import { PagedList } from "./pagedList.svelte";

function page(items: string[], p = 0): Page<string> {
  return { items, total: 60, page: p, pageSize: 25, moreThan: false, hasNext: p < 2 };
}

describe("PagedList", () => {
  it("keeps the newest answer when an older, slower search comes back later", async () => {
    const pos = { page: 0 };
    let release: (p: Page<string>) => void = () => {};
    const answers = [
      new Promise<Page<string>>((r) => (release = r)),
      Promise.resolve(page(["nieuw"])),
    ];
    let call = 0;
    const list = new PagedList<string>(() => answers[call++], pos);
    const slow = list.load();
    await list.load();
    release(page(["oud"]));
    await slow;
    expect(list.page?.items).toEqual(["nieuw"]);
    expect(list.pages).toBe(3);
  });

  it("goes back to the first page when a filter changes, and waits for typing to pause", async () => {
    vi.useFakeTimers();
    const pos = { page: 2 };
    const fetch = vi.fn(() => Promise.resolve(page(["a"], pos.page)));
    const list = new PagedList<string>(fetch, pos);
    list.typed();
    list.typed();
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(pos.page).toBe(0);
    list.turn(1);
    expect(pos.page).toBe(1);
    vi.useRealTimers();
  });

  it("says in Dutch when loading fails", async () => {
    const list = new PagedList<string>(() => Promise.reject({ code: "locked", message: "x" }), { page: 0 });
    await list.load();
    expect(list.error).toContain("vergrendeld");
  });
});

describe("PagedList by key", () => {
  it("turns from the last or first row shown, and forgets the row when a filter changes", async () => {
    const pos: { page: number; seek?: { after: string | null; before: string | null } } = {
      page: 0,
      seek: { after: null, before: null },
    };
    const fetch = vi.fn(() => Promise.resolve(page(["a", "b"], pos.page)));
    const list = new PagedList<string, string>(fetch, pos, (s) => s.toUpperCase());
    await list.load();
    list.turn(1);
    expect(pos).toEqual({ page: 1, seek: { after: "B", before: null } });
    await Promise.resolve();
    await list.load();
    list.turn(-1);
    expect(pos).toEqual({ page: 0, seek: { after: null, before: "A" } });
    list.changed();
    expect(pos).toEqual({ page: 0, seek: { after: null, before: null } });
  });
});
