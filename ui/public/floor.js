// The same paint mark as the app's first screen (see src/main.ts).
requestAnimationFrame(() => setTimeout(() => performance.mark("buurtpunt:first-screen"), 0));
