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
    templates: 'Start from a template, with example rows:',
    templateEn: 'English headers (separated by commas)',
    templateDe: 'German headers (separated by semicolons)',
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
    mapping: 'How the sheet was read',
    guessed: 'The sheet’s dates leave the order of day and month open: please check it.',
    order: 'Dates such as 3/4/2025',
    dayMonth: 'day before month (3/4/2025 is 3 April)',
    monthDay: 'month before day (3/4/2025 is 4 March)',
    column: 'Column',
    reads: 'Read as',
    fields: {
      '': '(not read)', date: 'Date', end: 'End', title: 'Title', summary: 'Description', group: 'Group (category and tag)',
      link: 'Link (the source)', place: 'Place', lat: 'Latitude', lon: 'Longitude', tags: 'Tags', id: 'ID',
      categories: 'Category codes', actors: 'Actor IDs', sources: 'Source links', confidence: 'Confidence',
      approximate: 'Approximate date', precision: 'Precision (not needed)', 'display-date': 'Display date (not shown)',
      year: 'Year', month: 'Month', day: 'Day', time: 'Time (not shown)', 'end-year': 'End year', 'end-month': 'End month',
      'end-day': 'End day', 'end-time': 'End time (not shown)', type: 'Type (title, era)', media: 'Media (image or link)',
      'media-credit': 'Media credit', 'media-caption': 'Media caption', 'media-thumbnail': 'Media thumbnail',
      background: 'Background (not shown)',
    },
  },
  de: {
    title: 'Eine Zeitleiste erstellen',
    intro: 'Wählen Sie eine als CSV gespeicherte Tabelle (mit den Spalten dieses Projekts, der Vorlage von TimelineJS3 oder einer beliebigen Tabelle mit einer Datumsspalte) oder einen Datensatz im JSON-Format, ziehen Sie sie hierher oder fügen Sie sie ein. Gelesen wird sie in dieser Seite: Nichts wird irgendwohin gesendet.',
    in: '1. Ihre Daten',
    templates: 'Beginnen Sie mit einer Vorlage mit Beispielzeilen:',
    templateEn: 'Englische Spaltennamen (durch Kommas getrennt)',
    templateDe: 'Deutsche Spaltennamen (durch Semikolons getrennt)',
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
    mapping: 'So wurde die Tabelle gelesen',
    guessed: 'Die Daten der Tabelle lassen offen, ob der Tag oder der Monat zuerst steht: Bitte prüfen Sie das.',
    order: 'Daten wie 3/4/2025',
    dayMonth: 'Tag vor Monat (3/4/2025 ist der 3. April)',
    monthDay: 'Monat vor Tag (3/4/2025 ist der 4. März)',
    column: 'Spalte',
    reads: 'Gelesen als',
    fields: {
      '': '(nicht gelesen)', date: 'Datum', end: 'Ende', title: 'Titel', summary: 'Beschreibung',
      group: 'Gruppe (Kategorie und Schlagwort)', link: 'Link (die Quelle)', place: 'Ort', lat: 'Breitengrad',
      lon: 'Längengrad', tags: 'Schlagwörter', id: 'ID', categories: 'Kategorie-Kürzel', actors: 'Akteurs-IDs',
      sources: 'Quellen-Links', confidence: 'Verlässlichkeit', approximate: 'Ungefähres Datum',
      precision: 'Genauigkeit (nicht nötig)', 'display-date': 'Anzeigedatum (nicht angezeigt)', year: 'Jahr',
      month: 'Monat', day: 'Tag', time: 'Uhrzeit (nicht angezeigt)', 'end-year': 'Endjahr', 'end-month': 'Endmonat',
      'end-day': 'Endtag', 'end-time': 'Enduhrzeit (nicht angezeigt)', type: 'Typ (title, era)',
      media: 'Medien (Bild oder Link)', 'media-credit': 'Medien: Urheber', 'media-caption': 'Medien: Bildunterschrift',
      'media-thumbnail': 'Medien: Vorschaubild', background: 'Hintergrund (nicht angezeigt)',
    },
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
/** The sheet last read, to read again with another order or other columns. */
let sheet = null;
/** Whether the person chose the order of day and month for this sheet (else it is found). */
let orderChosen = false;

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

/** Shows how the sheet was read (`found` from the importer, or null), for the person to change. */
function showMapping(found) {
  $('mapping').hidden = !found;
  if (!found) return;
  const [, , order, guessed, headers, columns] = found;
  $('order').value = order;
  $('guessed').hidden = !guessed;
  const rows = headers.map((header, i) => {
    const tr = document.createElement('tr');
    const th = Object.assign(document.createElement('th'), { scope: 'row', textContent: header });
    const select = document.createElement('select');
    select.setAttribute('aria-label', header);
    for (const [code, label] of Object.entries(words.fields)) {
      select.append(Object.assign(document.createElement('option'), { value: code, textContent: label }));
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
function readSheet(text, order, columns) {
  sheet = text;
  const [out, de, en, found] = importCsv(text, $('origin').value.trim(), order, columns);
  tell(lang === 'de' ? de : en, !out);
  showMapping(found);
  show(out);
}

/** Offers `json` for download and previews it (nothing for a refused sheet). */
function show(json) {
  current = json;
  download.disabled = !json;
  if (json) preview(json);
  else $('preview').replaceChildren();
}

async function read(text, name) {
  if (isSheet(text, name)) {
    started ??= initImport({ module_or_path: new URL('../pkg/timeline_explorer_import_bg.wasm', import.meta.url) });
    await started;
    orderChosen = false;
    return readSheet(text);
  }
  tell([words.json]);
  showMapping(null);
  show(text);
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
$('order').addEventListener('change', () => {
  orderChosen = true;
  readAgain();
});

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
