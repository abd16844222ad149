// The authoring page from a sheet to the three ways out: the problems table, the title, the
// readers' language and the opening view set by using the preview, the snippets copied with
// their Copy buttons onto a host page and the timeline in a link, opened in a fresh page with the
// same view; a dropped file, a dataset too large for a link, hostile fragments, the page offline
// and a sheet too large; TimelineJS3 and vis-timeline files read into the project's format, and
// one refused. All under the strict CSP with no console error and no CSP violation
// report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { setup, open, done, listIds, settle } from './helpers.mjs';

const ctx = setup();
const fixture = (name) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

/** The authoring page, ready. */
async function makePage(options = {}) {
  const page = await open(ctx, '/www/make.html', { wait: false, ...options });
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

/** Chooses a file named `name` holding `text` on the authoring page. */
const choose = (page, name, text) =>
  page.setInputFiles('#file', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** The problems table's rows: [cell, row, column, message] each. */
const problemRows = (page) =>
  page.$$eval('#problems tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));

/** Waits until the page's link is made, and gives it. */
async function linkOf(page, differentFrom = '') {
  await page.waitForFunction((old) => {
    const v = document.getElementById('link').value;
    return v.includes('#data=') && v !== old;
  }, differentFrom);
  return page.inputValue('#link');
}

/** The dataset a link carries. */
const carried = (link) => JSON.parse(inflateRawSync(Buffer.from(link.split('#data=')[1], 'base64url')).toString());

/** Waits until the page's link carries the dataset with the opening view `view`, and gives it. */
async function linkWithView(page, view) {
  for (let i = 0; i < 100; i++) {
    const link = await page.inputValue('#link');
    if (link && carried(link).view === view) return link;
    await page.waitForTimeout(100);
  }
  throw new Error(`no link with the view ${view}`);
}

/** A fragment value carrying `text` as the authoring page makes it (deflate-raw, base64url). */
const fragment = (text) => deflateRawSync(Buffer.from(text)).toString('base64url');

const BAD_ROWS = Array.from({ length: 11 }, (_, i) => `2025-02-30,Bad ${i},https://example.org/b`).join('\n');
const SHEET = `date,title,url\n2025-01-05,Talks open,https://example.org/a\n${BAD_ROWS}\n2025-03-01,,https://example.org/c\n2025-04-02,Signing,https://example.org/d\n`;

test('the authoring page lists every skipped row in a table by its cell and previews the rest', async () => {
  const page = await makePage();
  await choose(page, 'sheet.csv', SHEET);
  await page.waitForSelector('#preview .tl-app');
  const rows = await problemRows(page);
  assert.equal(rows.length, 12, 'every skipped row, not only the few the notice names');
  assert.deepEqual(rows[0], ['A3', '3', 'A', 'invalid date “2025-02-30”: no such date']);
  assert.deepEqual(rows[11], ['B14', '14', 'B', 'missing']);
  assert.match(await page.textContent('#said'), /12 rows skipped: A3: /);
  assert.equal(await page.$eval('#preview .tl-count', (e) => e.textContent.trim()), '2 of 2 events');
  // The page's language toggle words the notices, the table and the page again.
  await page.click('.langs button[data-lang="de"]');
  assert.equal(await page.textContent('h1'), 'Eine Zeitleiste erstellen');
  assert.match(await page.textContent('#said'), /^Aus einer Tabelle gelesen:12 Zeilen übersprungen: A3: /);
  assert.deepEqual((await problemRows(page))[11], ['B14', '14', 'B', 'fehlt']);
  assert.equal(await page.textContent('#problems th[scope="col"]'), 'Zelle');
  await page.click('.langs button[data-lang="en"]');
  assert.deepEqual((await problemRows(page))[11], ['B14', '14', 'B', 'missing']);
  // A sheet read without a problem has no table.
  await choose(page, 'fine.csv', 'date,title,url\n2025-01-05,Talks open,https://example.org/a\n');
  await page.waitForFunction(() => document.getElementById('problems').hidden);
  await done(page);
});

test('a twenty-megabyte sheet and a million rows are refused with a clear message and a cell over the text limit is named', async () => {
  const page = await makePage();
  const big = `date,title\n${'2025,a title that fills the sheet\n'.repeat(20 * 1024 * 1024 / 34 + 1)}`;
  await choose(page, 'big.csv', big);
  await page.waitForSelector('#said .refused');
  assert.match(await page.textContent('#said'), /the file is 20,971,[0-9,]+ bytes; at most 8,388,608 are accepted/);
  assert.equal(await page.$$eval('#preview *', (e) => e.length), 0);
  await choose(page, 'rows.csv', `date\n${'1\n'.repeat(1_000_000)}`);
  await page.waitForFunction(() => document.getElementById('said').textContent.includes('1,000,000'));
  assert.match(await page.textContent('#said .refused'), /cannot be read as a timeline/);
  assert.match(await page.textContent('#said'), /the sheet has 1,000,000 rows; at most 200,000 are read/);
  await choose(page, 'long.csv', `date,title,url\n2025,ok,https://example.org/\n2025,${'x'.repeat(10001)},https://example.org/\n`);
  await page.waitForSelector('#preview .tl-app');
  assert.deepEqual(await problemRows(page), [['B3', '3', 'B', 'the text has 10,001 characters; at most 10,000 are accepted']]);
  await done(page);
});

test('title, readers’ language and opening view set with the preview travel in the link and open the same view in a fresh page', async () => {
  const page = await makePage();
  await page.setInputFiles('#file', fixture('sheet-own.csv'));
  await page.waitForSelector('#preview .tl-app');
  const first = await linkOf(page);
  assert.match(await page.textContent('#link-size'), /^This link has [0-9,]+ characters\.$/);
  await page.fill('#title-en', 'Baku <b>talks</b>');
  await page.fill('#title-de', 'Gespräche in Baku');
  await page.press('#title-de', 'Tab');
  await page.waitForFunction(() => document.querySelector('#preview .tl-title')?.textContent === 'Baku <b>talks</b>');
  await page.click('#preview [data-view="list"]');
  await page.check('#preview [data-facet="cat"] input[value="diplomacy"]');
  await page.waitForFunction(() => document.getElementById('view-now').textContent.includes('cat=diplomacy'));
  await page.selectOption('#reader-lang', 'de');
  await page.waitForFunction(() => document.getElementById('view-now').textContent.includes('lang=de'));
  const view = await page.textContent('#view-now');
  assert.match(view, /view=list/);
  const link = await linkWithView(page, view);
  assert.ok(link.startsWith(`${ctx.base}/index.html#data=`), link);
  const previewIds = await listIds(page, '#preview .tl-root');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const json = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
  assert.equal(json.view, view);
  assert.deepEqual(json.title, { de: 'Gespräche in Baku', en: 'Baku <b>talks</b>' });
  await done(page);

  // A fresh browser context, as a reader who was sent the link.
  const reader = await open(ctx, link.slice(ctx.base.length), { locale: 'en-US' });
  await reader.waitForSelector('.tl-list');
  assert.deepEqual(await listIds(reader), previewIds);
  assert.deepEqual(previewIds, ['talks-open']);
  assert.equal(await reader.isChecked('[data-facet="cat"] input[value="diplomacy"]'), true);
  assert.equal(await reader.getAttribute('.tl-app', 'lang'), 'de');
  assert.equal(await reader.textContent('.tl-title'), 'Gespräche in Baku');
  assert.equal(await reader.title(), 'Gespräche in Baku', 'the page is named after the timeline it shows');
  assert.equal(await reader.$$eval('.tl-title b', (b) => b.length), 0, 'a title is text only');
  assert.equal(await reader.textContent('#make-link'), 'Eine eigene Zeitleiste erstellen');
  // A view in the link's query applies too, and the reader's changes go to the query only.
  await reader.click('[data-lang="en"]');
  await reader.waitForFunction(() => location.search.includes('lang=en') && location.hash.startsWith('#data='));
  assert.equal(await reader.textContent('#make-link'), 'Make a timeline of your own');
  // Copy link gives the link to this view, dataset and all.
  await reader.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await reader.click('.tl-copy');
  await reader.waitForFunction(() => document.querySelector('.tl-status').textContent.length > 0);
  const copied = await reader.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await reader.evaluate(() => location.href));
  assert.ok(copied.includes('lang=en') && copied.endsWith(link.slice(link.indexOf('#'))), copied);
  const withQuery = link.replace('#data=', '?view=list&cat=analysis#data=');
  await reader.goto(withQuery);
  await reader.waitForSelector('.tl-list');
  assert.deepEqual(await listIds(reader), ['review']);
  await done(reader);
});

test('the element and iframe snippets copied with their Copy buttons show the timeline on a host page', async () => {
  const page = await makePage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setInputFiles('#file', fixture('sheet-own.csv'));
  await page.waitForSelector('#preview .tl-app');
  await linkOf(page);
  /** Clicks the Copy button of the snippet `id`; gives what the clipboard then holds. */
  const copied = async (id) => {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.click(`#copy-${id}`);
    await page.waitForFunction((id) => document.getElementById(`${id}-said`).textContent.length > 0, id);
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const element = await copied('snippet');
  assert.equal(await page.textContent('#snippet-said'), 'Copied.');
  assert.equal(element, await page.inputValue('#snippet'));
  assert.match(element, /<timeline-explorer src="timeline\.json"><\/timeline-explorer>$/);
  const iframe = await copied('iframe');
  assert.equal(await page.textContent('#iframe-said'), 'Copied.');
  assert.equal(iframe, await page.inputValue('#iframe'));
  // The feedback is worded again in German, and the Copy buttons say so in German too.
  await page.click('.langs button[data-lang="de"]');
  assert.equal(await page.textContent('#snippet-said'), 'Kopiert.');
  assert.equal(await page.textContent('#copy-snippet'), 'Kopieren');
  assert.equal(await page.textContent('#copy-iframe'), 'Kopieren');
  await page.click('.langs button[data-lang="en"]');
  assert.match(iframe, /^<iframe src="http:[^"]+\/embed\.html#data=[A-Za-z0-9_-]+" title="Timeline" width="100%" height="640" loading="lazy"><\/iframe>$/);
  assert.doesNotMatch(iframe + element, /style/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const json = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  await done(page);

  const host = await open(ctx, '/tests/fixtures/embed.html', { wait: false });
  // The downloaded file, put next to the host page as the snippet asks.
  await host.route('**/tests/fixtures/timeline.json', (route) => route.fulfill({ contentType: 'application/json', body: json }));
  await host.waitForSelector('html[data-ready="true"]');
  await host.evaluate(([element, iframe]) => {
    const box = document.createElement('div');
    box.innerHTML = element.replace(/<script[^>]*><\/script>\n?/, '') + iframe;
    document.getElementById('host').append(...box.childNodes);
  }, [element, iframe]);
  await host.waitForSelector('timeline-explorer .tl-app');
  assert.equal(await host.$eval('timeline-explorer .tl-count', (e) => e.textContent.trim()), '3 of 3 events');
  const frame = host.frames().find((f) => f.url().includes('embed.html'));
  await frame.waitForSelector('.tl-app');
  assert.equal(await frame.$eval('.tl-count', (e) => e.textContent.trim()), '3 of 3 events');
  await done(host);
});

test('a link whose fragment is not a dataset says so in the reader’s language and shows nothing else', async () => {
  const cases = [
    ['#data=not*base64!', 'the data after “#data=” is damaged (not valid base64url)'],
    [`#data=${Buffer.from('plain text').toString('base64url')}`, 'cannot be decompressed'],
    [`#data=${'A'.repeat(65537)}`, 'at most 65,536 characters (48 kB of compressed data) are read'],
    [`#data=${fragment('<img src=x onerror="top.__xss=1">')}`, 'its decompressed data is not a dataset in JSON'],
    [`#data=${fragment('{"title":{"de":"x","en":"x"},"events":[{"id":"a"}]}')}`, 'The dataset has errors:Event #1 (a): invalid value: missing field `date`'],
    [`#data=${fragment('{"title": <script>top.__xss=1</script>')}`, 'not a dataset in the expected format: expected value at line 1 column 11'],
  ];
  for (const [hash, message] of cases) {
    for (const path of ['/index.html', '/embed.html']) {
      const page = await open(ctx, `${path}${hash}`);
      await page.waitForSelector('.tl-error');
      const text = await page.textContent('#app');
      assert.ok(text.includes(message), `${path}${hash.slice(0, 40)}: ${text}`);
      assert.equal(await page.$$eval('.tl-app, [data-event-id]', (e) => e.length), 0, 'nothing else is shown');
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      if (path === '/index.html') assert.equal(await page.title(), 'Timeline explorer', 'not the built-in dataset’s name');
      await done(page);
    }
  }
  const page = await open(ctx, '/index.html?lang=de#data=not*base64!');
  assert.match(await page.textContent('.tl-error'), /^Dieser Link enthält keine Zeitleiste: Die Daten nach „#data=“ sind beschädigt/);
  // Within the link's limit deflate cannot reach the dataset's bound (its best ratio is about
  // 1:1000), so the bound is checked smaller: decompression stops once the text is over it.
  const bomb = fragment(' '.repeat(40 * 1024 * 1024));
  assert.ok(bomb.length <= 65536, `${bomb.length}`);
  const reason = await page.evaluate(async (value) => {
    const { decodeLink } = await import('/www/datalink.js');
    const seen = await decodeLink(value).then((t) => t.length, (e) => e.reason);
    return [seen, await decodeLink(value, 1024 * 1024).catch((e) => e.reason)];
  }, bomb);
  assert.deepEqual(reason, ['notJson', 'tooLarge']);
  await done(page);
});

test('once loaded the authoring page reads a sheet offline and sends nothing anywhere', async () => {
  const page = await makePage();
  // Offline, a request that reached for the network would fail; one to another origin is
  // recorded even before that.
  const [away, failed] = [[], []];
  page.on('request', (r) => {
    if (!r.url().startsWith(`${ctx.base}/`) && !r.url().startsWith('blob:')) away.push(r.url());
  });
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.context().setOffline(true);
  await page.setInputFiles('#file', fixture('sheet-timelinejs.csv'));
  await page.waitForSelector('#preview .tl-app');
  assert.equal(await page.$eval('#preview .tl-count', (e) => e.textContent.trim()), '3 of 3 events');
  assert.deepEqual(await problemRows(page), [['C7', '7', 'C', 'invalid date (year 2025, month 2, day 30): no such date']]);
  assert.ok((await linkOf(page)).includes('#data='));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.equal(download.suggestedFilename(), 'timeline.json');
  assert.deepEqual(away, [], 'no request to another origin');
  assert.deepEqual(failed, [], 'nothing reached for the network');
  await page.context().setOffline(false);
  await done(page);
});

test('a sheet or dataset is read from its address, and a failed fetch says why', async () => {
  const page = await makePage();
  await page.fill('#url', `${ctx.base}/tests/fixtures/sheet-own.csv`);
  await page.click('#fetch');
  await page.waitForSelector('#preview .tl-app');
  assert.equal(await page.$eval('#preview .tl-count', (e) => e.textContent.trim()), '3 of 3 events');
  assert.equal(await page.inputValue('#origin'), `${ctx.base}/tests/fixtures/sheet-own.csv`);
  await page.fill('#url', `${ctx.base}/tests/fixtures/no-such-sheet.csv`);
  await page.click('#fetch');
  await page.waitForFunction(() => document.querySelector('#said .refused'));
  assert.match(await page.textContent('#said'), /no-such-sheet\.csv could not be fetched: the server answered 404/);
  await page.fill('#url', 'javascript:alert(1)');
  await page.click('#fetch');
  await page.waitForFunction(() => document.getElementById('said').textContent.includes('https://'));
  await done(page, { allowConsoleErrors: true });
});

test('the standalone view links to the authoring page below the timeline, in the reader’s language', async () => {
  for (const [locale, words] of [['en-US', 'Make a timeline of your own'], ['de-DE', 'Eine eigene Zeitleiste erstellen']]) {
    const page = await open(ctx, '/', { locale });
    assert.equal(await page.textContent('#make-link'), words);
    const box = await page.$eval('#make-link', (a) => a.getBoundingClientRect().top);
    assert.ok(box >= 900 - 1, 'not on the first screen of a desktop');
    await page.click('#make-link');
    await page.waitForSelector('html[data-ready="true"]');
    assert.ok(page.url().endsWith('/www/make.html'));
    await settle(page);
    await done(page);
  }
});

test('a file dropped on the drop zone is read and its events previewed', async () => {
  const page = await makePage();
  const sheet = (await import('node:fs/promises')).readFile(fixture('sheet-own.csv'), 'utf8');
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'sheet-own.csv', { type: 'text/csv' }));
    return dt;
  }, await sheet);
  await page.dispatchEvent('#drop', 'dragover', { dataTransfer });
  assert.ok(await page.$eval('#drop', (e) => e.classList.contains('over')), 'the drop zone shows a file is over it');
  await page.dispatchEvent('#drop', 'drop', { dataTransfer });
  await page.waitForSelector('#preview .tl-app');
  assert.ok(!(await page.$eval('#drop', (e) => e.classList.contains('over'))));
  assert.equal(await page.$eval('#preview .tl-count', (e) => e.textContent.trim()), '3 of 3 events');
  await page.click('#preview [data-view="list"]');
  assert.deepEqual(await listIds(page, '#preview .tl-root'), ['review', 'route-plan', 'talks-open']);
  assert.equal(await page.textContent('#said'), 'Read without a problem.');
  await done(page);
});

test('a dataset too large for a link is refused a link and an iframe in the page’s language, and the stated limit is worded in both', async () => {
  const page = await makePage();
  assert.equal(await page.textContent('#link-limit'), 'A link holds at most 65,536 characters (48 kB of compressed data).');
  // Titles that do not compress: about 100 kB of them is well over 48 kB compressed.
  let x = 2463534242;
  const random = () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[x % 62];
  };
  const rows = Array.from({ length: 1500 }, (_, i) =>
    `2025-01-${String((i % 28) + 1).padStart(2, '0')},${Array.from({ length: 64 }, random).join('')},https://example.org/${i}`);
  await choose(page, 'large.csv', `date,title,url\n${rows.join('\n')}\n`);
  await page.waitForSelector('#preview .tl-app');
  await page.waitForFunction(() => document.getElementById('link-size').textContent.startsWith('Too large'));
  const said = await page.textContent('#link-size');
  const m = said.match(/^Too large for a link: compressed, this dataset needs ([0-9,]+) characters\. Download the JSON instead, or show fewer events\.$/);
  assert.ok(m, said);
  assert.ok(Number(m[1].replace(/,/g, '')) > 65536, said);
  assert.equal(await page.getAttribute('#link-size', 'class'), 'refused');
  assert.equal(await page.inputValue('#link'), '');
  assert.ok(await page.isDisabled('#copy-link'), 'Copy link is disabled');
  assert.ok(await page.isHidden('#open-link'), '“Open the link” is hidden');
  assert.equal(await page.inputValue('#iframe'), '');
  assert.ok(await page.isDisabled('#copy-iframe'), 'there is no iframe snippet to copy');
  assert.equal(await page.getAttribute('#iframe', 'placeholder'), 'The iframe needs the timeline in a link, and this dataset is too large for one.');
  assert.ok(await page.isEnabled('#download'), 'the JSON can still be taken away');
  await page.click('.langs button[data-lang="de"]');
  assert.equal(await page.textContent('#link-limit'), 'Ein Link fasst höchstens 65.536 Zeichen (48 kB komprimierte Daten).');
  await page.waitForFunction(() => document.getElementById('link-size').textContent.startsWith('Zu groß'));
  assert.equal(await page.textContent('#link-size'),
    `Zu groß für einen Link: Komprimiert braucht dieser Datensatz ${m[1].replace(/,/g, '.')} Zeichen. Laden Sie stattdessen das JSON herunter oder zeigen Sie weniger Ereignisse.`);
  assert.equal(await page.getAttribute('#iframe', 'placeholder'), 'Der iframe braucht die Zeitleiste in einem Link, und dieser Datensatz ist dafür zu groß.');
  assert.ok(await page.isDisabled('#copy-link'));
  assert.ok(await page.isHidden('#open-link'));
  assert.equal(await page.inputValue('#iframe'), '');
  await done(page);
});

test('the iframe snippet of a TimelineJS3 dataset pasted on the page is titled with the title set for the page’s language', async () => {
  const page = await makePage();
  const tl = { events: [{ start_date: { year: '2025', month: '3', day: '1' }, text: { headline: 'Talks open' } }] };
  await page.fill('#paste', JSON.stringify(tl));
  await page.click('#read');
  await page.waitForSelector('#preview .tl-app');
  assert.ok(await page.isEnabled('#title-de'), 'the converted dataset’s title can be set');
  // Without a title slide the dataset is called “Timeline” in both languages.
  assert.equal(await page.inputValue('#title-en'), 'Timeline');
  await page.waitForFunction(() => document.getElementById('iframe').value.includes('title="Timeline"'));
  await page.fill('#title-de', 'Die Gespräche');
  await page.press('#title-de', 'Tab');
  await page.click('.langs button[data-lang="de"]');
  await page.waitForFunction(() => document.getElementById('iframe').value.includes('title="Die Gespräche"'));
  assert.match(await page.inputValue('#iframe'), /^<iframe src="http:[^"]+\/embed\.html#data=[A-Za-z0-9_-]+" title="Die Gespräche" width="100%" height="640" loading="lazy"><\/iframe>$/);
  await page.click('.langs button[data-lang="en"]');
  await page.waitForFunction(() => document.getElementById('iframe').value.includes('title="Timeline"'));
  await done(page);
});

/** Downloads the page's dataset JSON and gives it parsed. */
async function downloaded(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
}

/** Sets both titles and the readers' language on the page, and waits for the link to carry them. */
async function setTitlesAndLang(page, de, en) {
  await page.fill('#title-en', en);
  await page.fill('#title-de', de);
  await page.press('#title-de', 'Tab');
  await page.waitForFunction((t) => document.querySelector('#preview .tl-title')?.textContent === t, en);
  await page.selectOption('#reader-lang', 'de');
  await page.waitForFunction(() => document.getElementById('view-now').textContent.includes('lang=de'));
  const link = await linkWithView(page, await page.textContent('#view-now'));
  assert.deepEqual(carried(link).title, { de, en });
}

test('a TimelineJS3 file chosen on the page is read into the project’s format, says what it shows differently in the page’s language, and takes the title and readers’ language set here', async () => {
  const page = await makePage();
  await page.setInputFiles('#file', fixture('harbour-timelinejs.json'));
  await page.waitForSelector('#preview .tl-app');
  assert.equal(await page.$eval('#preview .tl-count', (e) => e.textContent.trim()), '3 of 3 events');
  assert.ok(await page.isEnabled('#title-de'), 'the settings are open');
  assert.equal(await page.inputValue('#title-en'), 'The harbour works');
  assert.equal(await page.textContent('#said p'), 'Read from a TimelineJS3 file:');
  assert.deepEqual(await page.$$eval('#said li', (lis) => lis.map((li) => li.textContent)), ['1 media embed shown as a link']);
  await page.click('.langs button[data-lang="de"]');
  assert.equal(await page.textContent('#said p'), 'Aus einer TimelineJS3-Datei gelesen:');
  assert.deepEqual(await page.$$eval('#said li', (lis) => lis.map((li) => li.textContent)), ['1 eingebettetes Medium als Link gezeigt']);
  await page.click('.langs button[data-lang="en"]');
  await setTitlesAndLang(page, 'Die Hafenarbeiten', 'Harbour works, step by step');
  const json = await downloaded(page);
  assert.deepEqual(json.title, { de: 'Die Hafenarbeiten', en: 'Harbour works, step by step' });
  assert.match(json.view, /(^|&)lang=de(&|$)/);
  assert.equal(json.events.length, 3);
  assert.ok(json.events.every((e) => typeof e.date === 'string' && !('start_date' in e)), 'the events are in the project’s format');
  await done(page);
});

test('a vis-timeline items file chosen on the page is read into the project’s format, says what it leaves out, and takes the title and readers’ language set here', async () => {
  const page = await makePage();
  await page.setInputFiles('#file', fixture('harbour-vis.json'));
  await page.waitForSelector('#preview .tl-app');
  assert.equal(await page.$eval('#preview .tl-count', (e) => e.textContent.trim()), '3 of 3 events');
  assert.ok(await page.isEnabled('#title-de'), 'the settings are open');
  assert.equal(await page.inputValue('#title-de'), 'Zeitleiste');
  assert.equal(await page.inputValue('#title-en'), 'Timeline');
  assert.deepEqual(await page.$$eval('#said li', (lis) => lis.map((li) => li.textContent)), ['own styles (className, style) of 1 item not kept']);
  await page.click('.langs button[data-lang="de"]');
  assert.deepEqual(await page.$$eval('#said li', (lis) => lis.map((li) => li.textContent)), ['Eigene Gestaltung (className, style) von 1 Eintrag nicht übernommen']);
  await setTitlesAndLang(page, 'Die Hafenarbeiten', 'The harbour works');
  const json = await downloaded(page);
  assert.deepEqual(json.title, { de: 'Die Hafenarbeiten', en: 'The harbour works' });
  assert.match(json.view, /(^|&)lang=de(&|$)/);
  assert.deepEqual(json.events.map((e) => e.title.en), ['Survey of the quay', 'Tender published', 'Dredging']);
  await done(page);
});

test('a TimelineJS3 file the importer refuses shows why, naming the slide, in the page’s language, and no preview', async () => {
  const page = await makePage();
  const tl = { events: [
    { start_date: { year: '2025', month: '3', day: '1' }, text: { headline: 'Talks open' } },
    { start_date: { year: 'soon' }, text: { headline: 'Signing' } },
  ] };
  await page.setInputFiles('#file', { name: 'refused.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tl)) });
  await page.waitForSelector('#said p.refused');
  const said = (p) => p.$$eval('#said p, #said li', (els) => els.map((e) => e.textContent));
  assert.deepEqual(await said(page), ['The dataset has errors:', 'Event #2, start_date.year: not a whole number']);
  assert.ok(await page.isDisabled('#download'), 'nothing to take away');
  assert.ok(await page.isDisabled('#title-de'), 'nothing to set');
  assert.equal(await page.$$eval('#preview > *', (els) => els.length), 0);
  assert.equal(await page.textContent('#dataset'), '');
  await page.click('.langs button[data-lang="de"]');
  assert.deepEqual(await said(page), ['Die Daten enthalten Fehler:', 'Ereignis Nr.\u00a02, Feld start_date.year: keine ganze Zahl']);
  assert.equal(await page.$$eval('#preview > *', (els) => els.length), 0);
  await done(page);
});
