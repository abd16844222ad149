// The iframe view (embed.html?<same parameters as the shareable URL>): the widget without page
// chrome. It reads its state from its own URL and keeps it there, so the frame's URL is shareable.
import init, { mountEmbedded } from '../pkg/timeline_explorer.js';

const host = document.getElementById('app');
try {
  await init();
  mountEmbedded(host);
} catch (err) {
  host.textContent = 'Die Zeitleiste konnte nicht gestartet werden. / The timeline could not start: ' + err;
  throw err;
}
