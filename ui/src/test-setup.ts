import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/svelte";
import { afterEach, beforeEach } from "vitest";
import { limits } from "./lib/limits.svelte";
import { FAKE_LIMITS } from "./test/ipc";

afterEach(() => cleanup());

// The app asks the core for its limits at the start (App.svelte); a
// component on its own finds them known, as in the app.
beforeEach(() => {
  limits.known = { ...FAKE_LIMITS };
});

// Browser features jsdom lacks (WebKit has them): the modal <dialog> and
// scrolling an element into view. The stand-ins do what a test can observe:
// the dialog is open or not, and which element was scrolled to last.
if (typeof HTMLDialogElement.prototype.showModal !== "function") {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event("close"));
  };
}

declare global {
  // The element a test saw scrolled into view last.
  var scrolledTo: Element | null;
}
globalThis.scrolledTo = null;
Element.prototype.scrollIntoView = function (this: Element) {
  globalThis.scrolledTo = this;
};
afterEach(() => {
  globalThis.scrolledTo = null;
});
