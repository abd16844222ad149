// Starts a page's widget: loads the wasm, then mounts with `mountFn` into #app; if anything
// fails, the page says so in both languages instead of staying blank. A first view that the
// page carries (drawn at build time) stays until the widget has drawn over it.
import init from '../pkg/timeline_explorer.js';

export async function boot(mountFn) {
  const host = document.getElementById('app');
  try {
    await init();
    const handle = mountFn(host);
    replaceFirstView(host);
    return handle;
  } catch (err) {
    host.textContent = 'Die Zeitleiste konnte nicht gestartet werden. / The timeline could not start: ' + err;
    throw err;
  }
}

// What shows that the widget has drawn its first view (or could not).
const DRAWN = '.tl-event, .tl-cluster, .tl-list-item, .tl-empty, .tl-error, [role="alert"]';

/** Removes the first view in `host` once the widget beside it has drawn (at the latest after 3 s). */
export function replaceFirstView(host) {
  const first = host.querySelectorAll(':scope > .tl-first-view');
  if (!first.length) return;
  const live = () => host.querySelector(':scope > .tl-root:not(.tl-first-view)');
  let timer = 0;
  const swap = () => {
    observer.disconnect();
    clearTimeout(timer);
    first.forEach((view) => view.remove());
  };
  // Mutation callbacks run before the browser draws again: the first frame that shows the
  // widget is the one without the first view.
  const observer = new MutationObserver(() => {
    if (live()?.querySelector(DRAWN)) swap();
  });
  if (live()?.querySelector(DRAWN)) return swap();
  observer.observe(host, { childList: true, subtree: true });
  timer = setTimeout(swap, 3000);
}
