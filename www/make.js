// The authoring page: a sheet (CSV) or a dataset (JSON) from a file, a drop, the clipboard or
// an address is read in the page (a sheet, TimelineJS3's JSON and vis-timeline's by the import
// module into the project's own format, as the widget reads them), its problems listed,
// previewed in the widget, given a title, a language and an opening view by using the preview,
// and taken away as the dataset JSON, the element and iframe snippets and a timeline in a link.
// Nothing is sent anywhere (an address is fetched by the browser only when the person asks);
// text from the data is only ever set as text.
import initImport, { foreignKind, importCsv, importTimelineJs, importVis } from '../pkg/timeline_explorer_import.js';
import initWidget, { mount } from '../pkg/timeline_explorer.js';
import { encodeLink, LINK_KEY, MAX_DATASET_BYTES, MAX_LINK_CHARS } from './datalink.js';
import { WORDS } from './make-words.js';

const $ = (id) => document.getElementById(id);
const said = $('said');
const download = $('download');
const LINK_KB = Math.round((MAX_LINK_CHARS * 3) / 4 / 1024);

// The import module starts with the page, so that a sheet (or another tool's JSON) is read even
// once the page is offline.
const started = initImport({ module_or_path: new URL('../pkg/timeline_explorer_import_bg.wasm', import.meta.url) });

let lang = (navigator.language || 'en').toLowerCase().startsWith('de') ? 'de' : 'en';
let words = WORDS[lang];

/** What the page shows, kept to be worded again when the language changes. */
const shown = {
  /** What the reader said: `{ de, en, refused }`, a list of lines in each language. */
  said: { de: [WORDS.de.nothing], en: [WORDS.en.nothing], refused: false },
  /** The importer's findings for the mapping table, or null. */
  found: null,
  /** The skipped rows' problems: `[cell, row, column, de, en]` each, and how many more. */
  problems: [],
  more: 0,
  /** What the link part says: `{ key, n }`. */
  link: null,
  /** What a snippet's Copy button said ('copied' or 'copyFailed'), by snippet, until it changes. */
  copied: { snippet: null, iframe: null },
};

/** The dataset read (its JSON text), and what the person set on it. */
let base = '';
/** The dataset as an object when it is in the project's own format (title and view can be set). */
let own = null;
let view = '';
/** The sheet last read, to read again with another order or other columns. */
let sheet = null;
/** Whether the person chose the order of day and month for this sheet (else it is found). */
let orderChosen = false;

function text(tag, content, className) {
  const el = document.createElement(tag);
  el.textContent = content;
  if (className) el.className = className;
  return el;
}

/** Words the page in `next` (de or en): its fixed texts and everything it has said. */
function setLanguage(next) {
  lang = next;
  words = WORDS[lang];
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = words[el.dataset.t];
  for (const el of document.querySelectorAll('[data-t-label]')) el.setAttribute('aria-label', words[el.dataset.tLabel]);
  for (const b of document.querySelectorAll('.langs button')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  document.title = `Timeline explorer: ${words.title}`;
  $('link-limit').textContent = words.linkLimit(MAX_LINK_CHARS, LINK_KB);
  renderSaid();
  renderProblems();
  showMapping(shown.found);
  renderView();
  renderLinkNote();
  renderCopied();
  // The iframe snippet's title is in the page's language.
  if (base) update();
}

/** Shows what the reader said: a list of lines (the first a heading), or one plain line. */
function renderSaid() {
  const lines = shown.said[lang];
  const refused = shown.said.refused;
  said.replaceChildren();
  if (lines.length === 0) return void said.append(text('p', words.fine));
  const [head, ...rest] = lines;
  said.append(text('p', head, refused ? 'refused' : ''));
  if (rest.length) {
    const ul = document.createElement('ul');
    ul.append(...rest.map((line) => text('li', line)));
    said.append(ul);
  }
}

/** Says `lines` (in each language), or the message `say(words)` gives, or one of WORDS' texts. */
function tell(lines, refused = false) {
  const say = typeof lines === 'function' ? lines : typeof lines === 'string' ? (w) => w[lines] : null;
  shown.said = say ? { de: [say(WORDS.de)], en: [say(WORDS.en)], refused } : { ...lines, refused };
  renderSaid();
}

/** The table of skipped rows: one per problem, the cell named as a spreadsheet names it. */
function renderProblems() {
  const rows = shown.problems.map(([cell, row, column, de, en]) => {
    const tr = document.createElement('tr');
    tr.append(text('th', cell), text('td', String(row)), text('td', column || '–'), text('td', lang === 'de' ? de : en));
    tr.firstChild.scope = 'row';
    return tr;
  });
  $('problems').tBodies[0].replaceChildren(...rows);
  $('problems').hidden = rows.length === 0;
  $('more-problems').hidden = shown.more === 0;
  $('more-problems').textContent = shown.more ? words.moreRows(shown.more) : '';
}

/** Shows how the sheet was read (`found` from the importer, or null), for the person to change. */
function showMapping(found) {
  shown.found = found;
  $('mapping').hidden = !found;
  if (!found) return;
  const [, , order, guessed, headers, columns] = found;
  $('order').value = order;
  $('guessed').hidden = !guessed;
  const rows = headers.map((header, i) => {
    const tr = document.createElement('tr');
    const th = Object.assign(text('th', header), { scope: 'row' });
    const select = document.createElement('select');
    select.setAttribute('aria-label', header);
    for (const [code, label] of Object.entries(words.fields)) {
      select.append(Object.assign(text('option', label), { value: code }));
    }
    select.value = columns[i];
    select.addEventListener('change', readAgain);
    const td = document.createElement('td');
    td.append(select);
    tr.append(th, td);
    return tr;
  });
  $('columns').replaceChildren(...rows);
}

/** Reads the last sheet again with the order and the columns the person chose. */
function readAgain() {
  const columns = [...document.querySelectorAll('#columns select')].map((s) => s.value);
  readSheet(sheet, orderChosen ? $('order').value : undefined, columns);
}

/** Reads a sheet (with an order and columns, or as the importer finds them) and shows it. */
function readSheet(csv, order, columns) {
  sheet = csv;
  const [out, de, en, found, problems, more] = importCsv(csv, $('origin').value.trim(), order, columns);
  tell({ de, en }, !out);
  shown.problems = problems;
  shown.more = more;
  renderProblems();
  showMapping(found);
  take(out);
}

/** The dataset to take away: what was read, with the title and the opening view set here. */
function result() {
  if (!own) return base;
  const out = { ...own, title: { de: $('title-de').value, en: $('title-en').value } };
  if (view) out.view = view;
  else delete out.view;
  return JSON.stringify(out);
}

/** Takes `json` as the dataset read (nothing for a refused sheet): previews and offers it. */
function take(json) {
  base = json;
  view = '';
  own = null;
  try {
    const parsed = json ? JSON.parse(json) : null;
    if (parsed && typeof parsed.title?.de === 'string' && typeof parsed.title?.en === 'string') own = parsed;
  } catch {
    // Not JSON: the preview names the problem.
  }
  if (own) {
    view = typeof own.view === 'string' ? own.view : '';
    $('title-de').value = own.title.de;
    $('title-en').value = own.title.en;
  }
  $('settings').disabled = !own;
  download.disabled = !json;
  renderView();
  if (json) preview();
  else {
    unpreview();
    $('dataset').textContent = '';
  }
  update();
}

// The preview is the widget itself, mounted in the page through the JS API, with the page's
// copy of its style sheet: nothing is fetched for it after the page has loaded.
const widgetReady = initWidget({ module_or_path: new URL('../pkg/timeline_explorer_bg.wasm', import.meta.url) });
let handle = null;

/** Takes the preview down. */
function unpreview() {
  handle?.destroy();
  handle?.free();
  handle = null;
  $('preview').replaceChildren();
}

/** Shows the dataset in the preview, as readers will see it, in the view set so far. */
async function preview() {
  await widgetReady;
  unpreview();
  const json = result();
  $('dataset').textContent = json;
  const box = document.createElement('div');
  $('preview').append(box);
  handle = mount(box, { data: json, state: view });
  handle.on('change', (state) => {
    view = state;
    renderView();
    update();
  });
}

/** Shows the opening view and the readers' language it holds. */
function renderView() {
  $('view-now').textContent = view || words.viewNone;
  $('reader-lang').value = new URLSearchParams(view).get('lang') ?? '';
}

/** Sets the language readers see first, as part of the opening view. */
function setReaderLang(code) {
  const params = new URLSearchParams(view);
  if (code) params.set('lang', code);
  else params.delete('lang');
  view = params.toString();
  handle?.setState(view);
  renderView();
  update();
}

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
let linking = 0;

let pending = null;

/** Makes the snippets and the link again, once the preview has come to rest (a drag changes its
 *  view at every frame, and a large dataset takes a while to compress). */
function update() {
  clearTimeout(pending);
  pending = setTimeout(makeLink, 200);
}

/** Makes the snippets and the link for the dataset as it is now set. */
async function makeLink() {
  const json = base ? result() : '';
  const element = new URL('../pkg/timeline-explorer.js', import.meta.url).href;
  setSnippet('snippet', `<script type="module" src="${element}"></script>\n<timeline-explorer src="timeline.json"></timeline-explorer>`);
  const mine = ++linking;
  const value = json ? await encodeLink(json) : '';
  if (mine !== linking) return;
  const fits = value.length > 0 && value.length <= MAX_LINK_CHARS;
  const link = fits ? `${new URL('../index.html', import.meta.url).href}#${LINK_KEY}=${value}` : '';
  $('link').value = link;
  $('open-link').hidden = !fits;
  if (fits) $('open-link').href = link;
  $('copy-link').disabled = !fits;
  const title = own ? (lang === 'de' ? $('title-de').value : $('title-en').value) : words.iframeTitle;
  setSnippet('iframe', fits
    ? `<iframe src="${escapeAttr(`${new URL('../embed.html', import.meta.url).href}#${LINK_KEY}=${value}`)}" title="${escapeAttr(title)}" width="100%" height="640" loading="lazy"></iframe>`
    : '');
  $('copy-iframe').disabled = !fits;
  shown.link = !json ? null : fits ? { key: 'linkSize', n: link.length } : { key: 'linkTooLong', n: value.length };
  shown.iframeNone = !!json && !fits;
  renderLinkNote();
}

function renderLinkNote() {
  const note = shown.link;
  $('link-size').textContent = note ? words[note.key](note.n) : '';
  $('link-size').className = note?.key === 'linkTooLong' ? 'refused' : '';
  $('iframe').placeholder = shown.iframeNone ? words.iframeNone : '';
}

/** Shows what the snippets' Copy buttons said. */
function renderCopied() {
  for (const [id, said] of Object.entries(shown.copied)) $(`${id}-said`).textContent = said ? words[said] : '';
}

/** Sets a snippet's text; what its Copy button said goes once the text changes. */
function setSnippet(id, value) {
  if ($(id).value === value) return;
  $(id).value = value;
  shown.copied[id] = null;
  $(`${id}-said`).textContent = '';
}

/** Copies `value` to the clipboard; gives 'copied' or 'copyFailed', the words that say so. */
async function copy(value) {
  try {
    await navigator.clipboard.writeText(value);
    return 'copied';
  } catch {
    return 'copyFailed';
  }
}

/** Whether a text (from a file named `name`) is a sheet: what the widget itself decides. */
function isSheet(csv, name = '') {
  if (/\.(csv|tsv)$/i.test(name)) return true;
  const first = csv.replace(/^\uFEFF/, '').trimStart()[0];
  return first !== undefined && first !== '{' && first !== '[';
}

/** Reads another tool's JSON into the project's format with the import module and shows it;
 *  what it shows otherwise than that tool, or why it was refused, is said in both languages. */
async function readForeign(input, kind) {
  await started;
  const convert = kind === 'vis' ? importVis : importTimelineJs;
  const [out, de, en] = convert(input, $('origin').value.trim());
  tell({ de, en }, !out);
  take(out);
}

async function read(input, name) {
  shown.problems = [];
  shown.more = 0;
  renderProblems();
  if (isSheet(input, name)) {
    await started;
    orderChosen = false;
    return readSheet(input);
  }
  showMapping(null);
  await started;
  // The import module tells TimelineJS3's and vis-timeline's JSON from the project's own.
  const kind = foreignKind(input);
  if (kind) return readForeign(input, kind);
  tell('json');
  take(input);
}

async function readFile(file) {
  let content;
  try {
    content = await file.text();
  } catch {
    return tell('unreadable', true);
  }
  $('paste').value = '';
  await read(content, file.name);
}

/** The text at `url`, read by the browser, up to a dataset's bound; or what went wrong (a
 *  function of the page's words). */
async function fetchText(url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    return { error: (w) => w.fetchFailed(url) };
  }
  if (!response.ok) return { error: (w) => w.fetchStatus(url, `${response.status} ${response.statusText}`.trim()) };
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_DATASET_BYTES) {
      reader.cancel().catch(() => {});
      return { error: (w) => w.fetchTooLarge(url) };
    }
    chunks.push(value);
  }
  return { text: new TextDecoder().decode(await new Blob(chunks).arrayBuffer()) };
}

async function readUrl() {
  const url = $('url').value.trim();
  if (!/^https?:\/\//i.test(url)) return tell('badUrl', true);
  tell('fetching');
  const got = await fetchText(url);
  if (got.error) return tell(got.error, true);
  if (!$('origin').value.trim()) $('origin').value = url;
  await read(got.text, new URL(url).pathname);
}

$('file').addEventListener('change', (e) => e.target.files[0] && readFile(e.target.files[0]));
const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const file = e.dataTransfer?.files[0];
  if (file) readFile(file);
});
$('read').addEventListener('click', () => read($('paste').value, ''));
$('fetch').addEventListener('click', readUrl);
$('order').addEventListener('change', () => {
  orderChosen = true;
  readAgain();
});
for (const id of ['title-de', 'title-en']) {
  $(id).addEventListener('change', () => {
    preview();
    update();
  });
}
$('reader-lang').addEventListener('change', (e) => setReaderLang(e.target.value));
$('view-reset').addEventListener('click', () => {
  view = '';
  preview();
  renderView();
  update();
});
for (const b of document.querySelectorAll('.langs button')) b.addEventListener('click', () => setLanguage(b.dataset.lang));

download.addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([result()], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'timeline.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
$('copy-link').addEventListener('click', async () => {
  $('link-size').textContent = words[await copy($('link').value)];
});
for (const id of ['snippet', 'iframe']) {
  $(`copy-${id}`).addEventListener('click', async () => {
    shown.copied[id] = await copy($(id).value);
    renderCopied();
  });
}

setLanguage(lang);
makeLink();
document.documentElement.dataset.ready = 'true';
