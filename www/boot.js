// Starts a page's widget: loads the wasm, then mounts with `mountFn` into #app; if anything
// fails, the page says so in both languages instead of staying blank.
import init from '../pkg/timeline_explorer.js';

export async function boot(mountFn) {
  const host = document.getElementById('app');
  try {
    await init();
    return mountFn(host);
  } catch (err) {
    host.textContent = 'Die Zeitleiste konnte nicht gestartet werden. / The timeline could not start: ' + err;
    throw err;
  }
}
