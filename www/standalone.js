// The standalone view: the widget fills the page and keeps its state in the page's URL. A link
// whose fragment carries a dataset (`#data=…`, made by the authoring page) shows that dataset
// instead (linkview.js, loaded only then). Below the widget, a link to the authoring page in
// the language the widget shows.
import { mountStandalone } from '../pkg/timeline_explorer.js';
import { boot } from './boot.js';

const MAKE = { de: 'Eine eigene Zeitleiste erstellen', en: 'Make a timeline of your own' };
const host = document.getElementById('app');
const makeLink = document.getElementById('make-link');

/** Words the link to the authoring page in `lang` (de or en). */
function wordMakeLink(lang) {
  if (!makeLink || !MAKE[lang] || makeLink.lang === lang) return;
  makeLink.lang = lang;
  makeLink.textContent = MAKE[lang];
}

/** Words the link in the language the widget shows: its element's `lang` (not the first view's). */
const followWidget = () => {
  const shown = (sel) => [...host.querySelectorAll(sel)].find((el) => !el.closest('.tl-first-view'));
  wordMakeLink((shown('.tl-app') ?? shown('.tl-root'))?.lang);
};

// The widget arriving (and the first view leaving) among the page's children, and changes of
// `lang` anywhere in it; not the rest of the widget's changes, which every zoom step makes.
// (Two observers: observing one node again replaces the options it was observed with.)
new MutationObserver(followWidget).observe(host, { childList: true });
new MutationObserver(followWidget).observe(host, { subtree: true, attributeFilter: ['lang'] });

if (location.hash.startsWith('#data=')) await (await import('./linkview.js')).openLink(host);
else await boot(mountStandalone);
followWidget();
