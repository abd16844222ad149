// The standalone view: the widget fills the page and keeps its state in the page's URL.
import init, { mountStandalone } from '../pkg/timeline_explorer.js';

const host = document.getElementById('app');
try {
  await init();
  mountStandalone(host);
} catch (err) {
  host.textContent = 'Die Zeitleiste konnte nicht gestartet werden. / The timeline could not start: ' + err;
  throw err;
}
