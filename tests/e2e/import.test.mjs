// Sheets (CSV) as datasets: the custom element's `src`, an inline sheet and the JS API's `data`
// read through the import module, which the page loads only when a dataset is a sheet; rows the
// importer skipped are named by their cell in a notice; all under the strict CSP with no console
// error and no CSP violation report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, done, listIds, addTimeline } from './helpers.mjs';

const ctx = setup();

/** The embedding test page, with the import module's requests counted in `page.importLoads`. */
async function hostPage() {
  const page = await open(ctx, '/tests/fixtures/embed.html', { wait: false });
  page.importLoads = 0;
  page.on('request', (r) => {
    if (r.url().includes('timeline_explorer_import')) page.importLoads++;
  });
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

/** Adds a <timeline-explorer> with these attributes (and an inline sheet) and waits for it. */
async function addElement(page, attrs, sheet = null) {
  await addTimeline(page, attrs, sheet, 'text/csv');
  await page.waitForSelector(`#${attrs.id} .tl-app, #${attrs.id} .tl-error`, { timeout: 15000 });
}

/** The lines of the sheet notice in the widget `sel`: its heading, then each notice. */
const noticeLines = (page, sel) =>
  page.$$eval(`${sel} .tl-sheet-notice strong, ${sel} .tl-sheet-notice li`, (els) => els.map((e) => e.textContent));

test('a sheet in the project’s own columns is shown through src as the export wrote it', async () => {
  const page = await hostPage();
  await addElement(page, { id: 'own', src: '/tests/fixtures/sheet-own.csv', state: 'view=list', lang: 'en' });
  assert.deepEqual(await listIds(page, '#own'), ['review', 'route-plan', 'talks-open']);
  assert.equal(await page.$eval('#own .tl-count', (e) => e.textContent.trim()), '3 of 3 events');
  const titles = await page.$$eval('#own .tl-list > li[data-event-id] .tl-li-title, #own .tl-list > li[data-event-id]',
    (els) => els.map((e) => e.textContent).join(' | '));
  assert.match(titles, /=A route is planned/, 'the cell kept safe from formulas reads as its text');
  assert.deepEqual(await noticeLines(page, '#own'), [], 'nothing to say about a sheet read whole');
  assert.equal(page.importLoads, 2, 'the import module (script and wasm) is loaded once');
  await done(page);
});

test('a TimelineJS3 sheet shows its events and its era, and names the skipped row by its cell in both languages', async () => {
  const page = await hostPage();
  await addElement(page, { id: 'en', src: '/tests/fixtures/sheet-timelinejs.csv', state: 'view=list', lang: 'en' });
  assert.deepEqual(await listIds(page, '#en'), ['a-ceasefire', 'the-first-contract', 'the-pipeline-opens']);
  assert.deepEqual(await noticeLines(page, '#en'), [
    'Read from a spreadsheet:',
    '1 row skipped: C7: invalid date (year 2025, month 2, day 30): no such date',
    'times of day of 1 row not shown',
  ]);
  // The era row is a period: a heading in the list above the first event within it.
  assert.deepEqual(await page.$$eval('#en .tl-list .tl-period-heading .tl-period-title', (els) => els.map((e) => e.textContent)), ['A decade']);
  // The Display Date column is the event's date as the list shows it.
  assert.equal((await page.textContent('#en .tl-list li[data-event-id="the-pipeline-opens"] time')).trim(), '13 July');
  // The Media columns are the event's media: here a page, shown as a link with its credit.
  await page.click('#en .tl-list li[data-event-id="the-first-contract"] h3 button');
  assert.equal(await page.textContent('#en .tl-detail .tl-media-card .tl-media-label'), 'Page on example.org');
  assert.equal(await page.textContent('#en .tl-detail .tl-media-credit'), 'Archive');
  await addElement(page, { id: 'de', src: '/tests/fixtures/sheet-timelinejs.csv', state: 'view=list', lang: 'de' });
  const de = await noticeLines(page, '#de');
  assert.equal(de[0], 'Aus einer Tabelle gelesen:');
  assert.equal(de[1], '1 Zeile übersprungen: C7: ungültiges Datum (Jahr 2025, Monat 2, Tag 30): Dieses Datum gibt es nicht');
  assert.equal(page.importLoads, 2, 'two widgets share one import module');
  // The notice can be put away; the timeline stays.
  await page.click('#en .tl-sheet-notice .tl-dismiss');
  await page.waitForFunction(() => !document.querySelector('#en').shadowRoot.querySelector('.tl-sheet-notice'));
  assert.equal(await page.$eval('#en .tl-count', (e) => e.textContent.trim()), '3 of 3 events');
  await done(page);
});

test('the sheet notice follows the reader’s choice of language', async () => {
  const page = await hostPage();
  await addElement(page, { id: 'w', src: '/tests/fixtures/sheet-timelinejs.csv', state: 'view=list&lang=en' });
  assert.equal((await noticeLines(page, '#w'))[0], 'Read from a spreadsheet:');
  await page.click('#w [data-lang="de"]');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.tl-sheet-notice strong')?.textContent === 'Aus einer Tabelle gelesen:');
  assert.equal((await noticeLines(page, '#w'))[1], '1 Zeile übersprungen: C7: ungültiges Datum (Jahr 2025, Monat 2, Tag 30): Dieses Datum gibt es nicht');
  assert.equal(await page.textContent('#w .tl-sheet-notice .tl-dismiss'), 'Ausblenden');
  await done(page);
});

test('an inline sheet and one given to the JS API are read, and a JSON dataset never loads the import module', async () => {
  const page = await hostPage();
  await addElement(page, { id: 'json', src: '/www/demo-data/baltic.json', state: 'view=list', lang: 'en' });
  assert.equal(page.importLoads, 0, 'a JSON dataset does without the import module');
  const sheet = 'Datum;Titel;Beschreibung;Kategorie;Quelle\r\n06.11.2025;Gespräche;Erste Runde;Diplomatie;https://example.org/a\r\n'
    + '1. März 2026;Übung;"Zwei\r\nZeilen";Militär;https://example.org/b\r\n';
  await addElement(page, { id: 'inline', state: 'view=list', lang: 'de' }, sheet);
  assert.deepEqual(await listIds(page, '#inline'), ['gespraeche', 'uebung']);
  await page.evaluate((sheet) => {
    window.mountInBox('api', { data: sheet.replaceAll(';', ','), state: 'view=list', lang: 'en' });
  }, sheet);
  await page.waitForSelector('#api .tl-list');
  assert.deepEqual(await listIds(page, '#api'), ['gespraeche', 'uebung']);
  await done(page);
});

test('a sheet that cannot be read says why instead of showing a timeline', async () => {
  const page = await hostPage();
  await addElement(page, { id: 'bad', lang: 'en' }, 'name,notes\nTalks,none\n');
  const text = await page.$eval('#bad .tl-error', (e) => e.textContent);
  assert.match(text, /This spreadsheet cannot be read as a timeline:/);
  assert.match(text, /no column of dates found/);
  assert.equal(await page.$$eval('#bad .tl-app', (e) => e.length), 0);
  await done(page);
});

test('the authoring page reads a chosen sheet, lists what it skipped, previews it and gives its JSON and snippet', async () => {
  const page = await open(ctx, '/www/make.html', { wait: false });
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.textContent('h1'), 'Make a timeline');
  await page.setInputFiles('#file', new URL('../fixtures/sheet-timelinejs.csv', import.meta.url).pathname);
  await page.waitForSelector('#preview .tl-app');
  const said = await page.$$eval('#said p, #said li', (els) => els.map((e) => e.textContent));
  assert.equal(said[0], 'Read from a spreadsheet:');
  assert.equal(said[1], '1 row skipped: C7: invalid date (year 2025, month 2, day 30): no such date');
  assert.equal(await page.$eval('#preview .tl-count', (e) => e.textContent.trim()), '3 of 3 events');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.equal(download.suggestedFilename(), 'timeline.json');
  const json = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
  assert.deepEqual(json.events.map((e) => e.id).sort(), ['a-ceasefire', 'the-first-contract', 'the-pipeline-opens']);
  assert.equal(json.title.en, 'A Corridor Timeline');
  assert.deepEqual(json.events.find((e) => e.id === 'the-pipeline-opens').date_text, { de: '13 July', en: '13 July' });
  assert.deepEqual(json.periods, [{ id: 'a-decade', title: { de: 'A decade', en: 'A decade' }, from: '1990', to: '2000' }]);
  assert.match(await page.inputValue('#snippet'), /<timeline-explorer src="timeline.json"><\/timeline-explorer>/);
  // The templates download as they are, and read back without a notice.
  const [template] = await Promise.all([page.waitForEvent('download'), page.click('#template-de')]);
  assert.equal(template.suggestedFilename(), 'timeline-template-de.csv');
  await page.setInputFiles('#file', await template.path());
  await page.waitForFunction(() => document.querySelector('#dataset')?.textContent.includes('gespraeche-beginnen'));
  await page.waitForSelector('#preview .tl-app');
  assert.equal(await page.$eval('#preview .tl-count', (e) => e.textContent.trim()), '3 of 3 events');
  assert.deepEqual(await page.$$eval('#said p, #said li', (els) => els.map((e) => e.textContent)), ['Read without a problem.']);
  // A sheet without a date column is refused, and nothing is previewed.
  await page.fill('#paste', 'name,notes\nTalks,none\n');
  await page.click('#read');
  await page.waitForFunction(() => document.querySelector('#said .refused'));
  assert.match(await page.textContent('#said'), /no column of dates found/);
  assert.equal(await page.$$eval('#preview *', (e) => e.length), 0);
  assert.ok(await page.$eval('#download', (b) => b.disabled));
  await done(page);
});

test('the authoring page speaks German to a German browser', async () => {
  const page = await open(ctx, '/www/make.html', { wait: false, locale: 'de-DE' });
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.textContent('h1'), 'Eine Zeitleiste erstellen');
  await page.fill('#paste', 'Datum;Titel\n06.11.2025;Gespräche\n');
  await page.fill('#origin', 'https://example.org/tabelle');
  await page.click('#read');
  await page.waitForSelector('#preview .tl-app');
  assert.equal(await page.textContent('#said'), 'Ohne Probleme gelesen.');
  assert.equal(await page.$eval('#preview .tl-count', (e) => e.textContent.trim()), '1 von 1 Ereignis');
  await done(page);
});

test('on the authoring page a person says what the columns hold and which order the dates are in', async () => {
  const page = await open(ctx, '/www/make.html', { wait: false });
  await page.waitForSelector('html[data-ready="true"]');
  await page.fill('#paste', 'when;what;link\n3/4/2025;Talks;https://example.org/a\n5/6/2025;Signing;https://example.org/b\n');
  await page.click('#read');
  await page.waitForFunction(() => document.querySelector('#said .refused'));
  assert.deepEqual(await page.$$eval('#columns th', (els) => els.map((e) => e.textContent)), ['when', 'what', 'link']);
  assert.deepEqual(await page.$$eval('#columns select', (els) => els.map((e) => e.value)), ['', '', 'link']);
  await page.selectOption('#columns select[aria-label="when"]', 'date');
  await page.selectOption('#columns select[aria-label="what"]', 'title');
  await page.waitForSelector('#preview .tl-app');
  const dates = () => page.$eval('#dataset', (s) => JSON.parse(s.textContent).events.map((e) => e.date));
  // A sheet separated by semicolons, with nothing to decide by: day first, and the page says it guessed.
  assert.equal(await page.$eval('#order', (s) => s.value), 'day-month');
  assert.equal(await page.$eval('#guessed', (p) => p.hidden), false);
  assert.deepEqual(await dates(), ['2025-04-03', '2025-06-05']);
  await page.selectOption('#order', 'month-day');
  await page.waitForFunction(() => JSON.parse(document.querySelector('#dataset').textContent).events[0].date === '2025-03-04');
  assert.deepEqual(await dates(), ['2025-03-04', '2025-05-06']);
  assert.equal(await page.$eval('#preview .tl-count', (e) => e.textContent.trim()), '2 of 2 events');
  await done(page);
});
