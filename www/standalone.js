// The standalone view: the widget fills the page and keeps its state in the page's URL.
import { mountStandalone } from '../pkg/timeline_explorer.js';
import { boot } from './boot.js';

await boot(mountStandalone);
