import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Page } from "../api";
import { PagedList } from "../pagedList.svelte";
import Pager from "./Pager.svelte";

/** A list of `total` rows, 25 a page; `hold` keeps the next answer back. */
function list(total: number) {
  const pos = $state({ page: 0 });
  let hold: Promise<void> | null = null;
  const paged = new PagedList<number>(async () => {
    const at = pos.page;
    await hold;
    return { items: [at], total, page: at, pageSize: 25, moreThan: false, hasNext: (at + 1) * 25 < total } satisfies Page<number>;
  }, pos);
  return { paged, pos, holdNext: (p: Promise<void>) => (hold = p) };
}

describe("the pager under a paged list", () => {
  it("is not there for one page", async () => {
    const { paged } = list(25);
    await paged.load();
    render(Pager, { list: paged, id: "resident-page" });
    expect(screen.queryByRole("button", { name: "Volgende" })).toBeNull();
  });

  it("turns pages, says where the user is, and stops at both ends", async () => {
    const { paged } = list(60);
    await paged.load();
    render(Pager, { list: paged, id: "resident-page" });
    const prev = screen.getByRole("button", { name: "Vorige" });
    const next = screen.getByRole("button", { name: "Volgende" });
    expect(prev.id).toBe("resident-page-prev");
    expect(next.id).toBe("resident-page-next");
    expect(screen.getByText("Pagina 1 van 3")).toBeTruthy();
    expect(prev).toBeDisabled();
    await userEvent.click(next);
    await userEvent.click(next);
    expect(await screen.findByText("Pagina 3 van 3")).toBeTruthy();
    expect(next).toBeDisabled();
    expect(prev).toBeEnabled();
  });

  it("jumps to the last page and back to the first", async () => {
    const { paged, pos } = list(100);
    await paged.load();
    render(Pager, { list: paged, id: "request-page" });
    const last = screen.getByRole("button", { name: "Laatste" });
    expect(last.id).toBe("request-page-last");
    await userEvent.click(last);
    expect(await screen.findByText("Pagina 4 van 4")).toBeTruthy();
    expect(pos.page).toBe(3);
    expect(last).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Eerste" }));
    expect(await screen.findByText("Pagina 1 van 4")).toBeTruthy();
    expect(pos.page).toBe(0);
    expect(screen.getByRole("button", { name: "Eerste" })).toBeDisabled();
  });

  it("cannot go before the first page while a turn back is still loading", async () => {
    const { paged, pos, holdNext } = list(60);
    pos.page = 1;
    await paged.load();
    render(Pager, { list: paged });
    let release: () => void = () => {};
    holdNext(new Promise<void>((r) => (release = r)));
    await userEvent.click(screen.getByRole("button", { name: "Vorige" }));
    // Still showing page 2, but the list is already on its way to page 1.
    expect(screen.getByText("Pagina 2 van 3")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Vorige" })).toBeDisabled();
    release();
    expect(await screen.findByText("Pagina 1 van 3")).toBeTruthy();
    expect(pos.page).toBe(0);
  });
});

describe("the pager under a list whose count stopped early", () => {
  it("names no last page and turns on as long as the backend has a next page", async () => {
    const pos = $state({ page: 0 });
    const paged = new PagedList<number>(
      async () =>
        ({ items: [pos.page], total: 1000, page: pos.page, pageSize: 25, moreThan: true, hasNext: pos.page < 41 }) satisfies Page<number>,
      pos,
    );
    pos.page = 40;
    await paged.load();
    render(Pager, { list: paged });
    expect(screen.getByText("Pagina 41")).toBeTruthy();
    const next = screen.getByRole("button", { name: "Volgende" });
    expect(next).toBeEnabled();
    await userEvent.click(next);
    expect(await screen.findByText("Pagina 42")).toBeTruthy();
    expect(next).toBeDisabled();
  });
});
