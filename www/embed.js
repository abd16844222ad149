// The iframe view (embed.html?<same parameters as the shareable URL>): the widget without page
// chrome. It reads its state from its own URL and keeps it there, so the frame's URL is shareable.
// A frame whose fragment carries a dataset (`#data=…`, see datalink.js) shows that dataset.
import { mountEmbedded } from '../pkg/timeline_explorer.js';
import { boot } from './boot.js';

if (location.hash.startsWith('#data=')) await (await import('./linkview.js')).openLink(document.getElementById('app'));
else await boot(mountEmbedded);
