// The standalone view of a timeline in a link (`index.html?<view>#data=…`, see datalink.js):
// the dataset comes from the fragment, not from a server. It is handed to the widget as an
// inline dataset, so it meets the same validation and bounds as any other; a fragment that
// holds no dataset is said so in the reader's language, and nothing else is shown. The view
// in the query applies as in any link, and the widget's changes are kept in the query, the
// fragment left as it is.
import { mount } from '../pkg/timeline_explorer.js';
import { boot } from './boot.js';
import { decodeLink, linkValue, MAX_LINK_CHARS } from './datalink.js';

const kB = Math.round((MAX_LINK_CHARS * 3) / 4 / 1024);
const WORDS = {
  de: {
    tooLong: `Dieser Link ist zu lang für eine Zeitleiste: Höchstens ${MAX_LINK_CHARS.toLocaleString('de-DE')} Zeichen (${kB} kB komprimierte Daten) werden gelesen.`,
    base64: 'Dieser Link enthält keine Zeitleiste: Die Daten nach „#data=“ sind beschädigt (kein gültiges base64url).',
    compression: 'Dieser Link enthält keine Zeitleiste: Die Daten nach „#data=“ lassen sich nicht entpacken.',
    tooLarge: 'Dieser Link enthält keine Zeitleiste: Entpackt wären die Daten größer, als ein Datensatz sein darf (64 MiB).',
    notJson: 'Dieser Link enthält keine Zeitleiste: Die entpackten Daten sind kein Datensatz im JSON-Format.',
  },
  en: {
    tooLong: `This link is too long for a timeline: at most ${MAX_LINK_CHARS.toLocaleString('en-GB')} characters (${kB} kB of compressed data) are read.`,
    base64: 'This link holds no timeline: the data after “#data=” is damaged (not valid base64url).',
    compression: 'This link holds no timeline: the data after “#data=” cannot be decompressed.',
    tooLarge: 'This link holds no timeline: decompressed, its data would be larger than a dataset may be (64 MiB).',
    notJson: 'This link holds no timeline: its decompressed data is not a dataset in JSON.',
  },
};

/**
 * The reader's language: `lang` in the link's view, else the browser's, as first-view.js (in the
 * head of both pages that open links) has chosen it before anything was drawn.
 */
function readerLang() {
  return document.documentElement.dataset.firstView === 'de' ? 'de' : 'en';
}

/** Says, in place of the widget, why the link holds no timeline (as text only). */
function refuse(host, lang, reason) {
  const box = document.createElement('div');
  box.className = 'tl-root';
  box.lang = lang;
  const p = document.createElement('p');
  p.className = 'tl-error tl-link-error';
  p.setAttribute('role', 'alert');
  p.textContent = (WORDS[lang][reason] ?? WORDS[lang].compression);
  box.append(p);
  host.replaceChildren(box);
}

/** Names the page after the timeline it shows (the title card's text, in the shown language). */
function followTitle(host) {
  const name = () => {
    const title = host.querySelector('.tl-title')?.textContent;
    if (title && document.title !== title) document.title = title;
  };
  new MutationObserver(name).observe(host, { subtree: true, childList: true, characterData: true });
}

/** Opens the timeline the page's fragment carries in `host`; its handle, or null when refused. */
export async function openLink(host) {
  const lang = readerLang();
  // Not the built-in dataset's name, whatever the link holds.
  document.title = 'Timeline explorer';
  followTitle(host);
  let data;
  try {
    data = await decodeLink(linkValue(location.hash) ?? '');
  } catch (err) {
    refuse(host, lang, err.reason);
    return null;
  }
  return boot((el) => {
    el.replaceChildren();
    el.classList.add('tl-linked');
    const handle = mount(el, { data, state: location.search.slice(1) });
    handle.on('change', (query) => {
      history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    });
    return handle;
  });
}
