import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("#app ontbreekt in index.html");

// For scripts/measure-window: mark when the first screen has been painted
// (requestAnimationFrame runs before the next frame, a timeout from it after
// that frame's layout and paint).
const FIRST_SCREEN = "main, #welcome-screen, #unlock-screen, #damaged-screen";
const firstScreen = new MutationObserver(() => {
  if (!target.querySelector(FIRST_SCREEN)) return;
  firstScreen.disconnect();
  requestAnimationFrame(() => setTimeout(() => performance.mark("buurtpunt:first-screen"), 0));
});
firstScreen.observe(target, { childList: true, subtree: true });

export default mount(App, { target });
