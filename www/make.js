// The authoring page: a sheet (CSV) or a dataset (JSON) from a file, a drop or the clipboard is
// read in the page (a sheet by the import module, as the widget reads one), its problems listed,
// previewed in the widget, and taken away as the dataset JSON and the snippet that shows it.
// Nothing is sent anywhere; text from the data is only ever set as text.
import initImport, { importCsv } from '../pkg/timeline_explorer_import.js';

const WORDS = {
  en: {
    title: 'Make a timeline',
    intro: 'Choose, drop or paste a spreadsheet saved as CSV (the project’s own columns, TimelineJS3’s template or any sheet with a date column) or a dataset in JSON. It is read in this page: nothing is sent anywhere.',
    in: '1. Your data',
    choose: 'Choose or drop a file (.csv, .tsv or .json)',
    paste: '… or paste it here',
    origin: 'Where the sheet comes from (a link; the source of rows that name none)',
    read: 'Read it',
    problems: '2. What the reader said',
    preview: '3. Preview, as readers will see it',
    out: '4. Take it away',
    download: 'Download the dataset (JSON)',
    snippet: 'Put the downloaded file next to your page, then add:',
    nothing: 'Nothing read yet.',
    fine: 'Read without a problem.',
    json: 'A dataset in JSON: the preview names any problem it has.',
    unreadable: 'The file could not be read as text.',
  },
  de: {
    title: 'Eine Zeitleiste erstellen',
    intro: 'Wählen Sie eine als CSV gespeicherte Tabelle (mit den Spalten dieses Projekts, der Vorlage von TimelineJS3 oder einer beliebigen Tabelle mit einer Datumsspalte) oder einen Datensatz im JSON-Format, ziehen Sie sie hierher oder fügen Sie sie ein. Gelesen wird sie in dieser Seite: Nichts wird irgendwohin gesendet.',
    in: '1. Ihre Daten',
    choose: 'Datei wählen oder hierher ziehen (.csv, .tsv oder .json)',
    paste: '… oder hier einfügen',
    origin: 'Woher die Tabelle stammt (ein Link; die Quelle der Zeilen, die keine nennen)',
    read: 'Lesen',
    problems: '2. Was beim Lesen auffiel',
    preview: '3. Vorschau, wie Leserinnen und Leser sie sehen',
    out: '4. Mitnehmen',
    download: 'Datensatz herunterladen (JSON)',
    snippet: 'Legen Sie die heruntergeladene Datei neben Ihre Seite und fügen Sie dort ein:',
    nothing: 'Noch nichts gelesen.',
    fine: 'Ohne Probleme gelesen.',
    json: 'Ein Datensatz im JSON-Format: Die Vorschau nennt jedes Problem, das er hat.',
    unreadable: 'Die Datei ließ sich nicht als Text lesen.',
  },
};

const lang = (navigator.language || 'en').toLowerCase().startsWith('de') ? 'de' : 'en';
const words = WORDS[lang];
document.documentElement.lang = lang;
for (const el of document.querySelectorAll('[data-t]')) el.textContent = words[el.dataset.t];
document.title = `Timeline explorer: ${words.title}`;

const $ = (id) => document.getElementById(id);
const said = $('said');
const download = $('download');
let started = null;
let current = '';

/** Whether a text (from a file named `name`) is a sheet: what the widget itself decides. */
function isSheet(text, name = '') {
  if (/\.(csv|tsv)$/i.test(name)) return true;
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first !== undefined && first !== '{' && first !== '[';
}

/** Shows what the reader said: a list of lines (the first a heading), or one plain line. */
function tell(lines, refused = false) {
  said.replaceChildren();
  if (lines.length === 0) return void said.append(Object.assign(document.createElement('p'), { textContent: words.fine }));
  const [head, ...rest] = lines;
  const p = document.createElement('p');
  p.textContent = head;
  if (refused) p.className = 'refused';
  const ul = document.createElement('ul');
  for (const line of rest) ul.append(Object.assign(document.createElement('li'), { textContent: line }));
  said.append(p, ul);
}

/** Shows `json` in a fresh widget, as a page would embed it. */
function preview(json) {
  const widget = document.createElement('timeline-explorer');
  widget.setAttribute('lang', lang);
  widget.setAttribute('height', '520');
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = json;
  widget.append(script);
  $('preview').replaceChildren(widget);
}

async function read(text, name) {
  let json = text;
  if (isSheet(text, name)) {
    started ??= initImport({ module_or_path: new URL('../pkg/timeline_explorer_import_bg.wasm', import.meta.url) });
    await started;
    const [out, de, en] = importCsv(text, $('origin').value.trim());
    json = out;
    tell(lang === 'de' ? de : en, !out);
  } else {
    tell([words.json]);
  }
  current = json;
  download.disabled = !json;
  if (json) preview(json);
  else $('preview').replaceChildren();
}

async function readFile(file) {
  let text;
  try {
    text = await file.text();
  } catch {
    return tell([words.unreadable], true);
  }
  $('paste').value = '';
  await read(text, file.name);
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

download.addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([current], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'timeline.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

const element = new URL('../pkg/timeline-explorer.js', import.meta.url).href;
$('snippet').value = `<script type="module" src="${element}"></script>\n<timeline-explorer src="timeline.json"></timeline-explorer>`;
said.append(Object.assign(document.createElement('p'), { textContent: words.nothing }));
document.documentElement.dataset.ready = 'true';
