// The iframe view (embed.html?<same parameters as the shareable URL>): the widget without page
// chrome. It reads its state from its own URL and keeps it there, so the frame's URL is shareable.
import { mountEmbedded } from '../pkg/timeline_explorer.js';
import { boot } from './boot.js';

await boot(mountEmbedded);
