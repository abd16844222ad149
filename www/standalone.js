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

// The widget's language is its element's `lang`: it follows the reader's choice.
new MutationObserver(() => wordMakeLink((host.querySelector('.tl-app') ?? host.querySelector('.tl-root'))?.lang)).observe(host, {
  subtree: true,
  childList: true,
  attributeFilter: ['lang'],
});

if (location.hash.startsWith('#data=')) await (await import('./linkview.js')).openLink(host);
else await boot(mountStandalone);
