// Media and other tools' data. An event's image is shown in the detail panel (lazy, in a box of
// fixed proportions, with caption and credit) and small in the list; other media are links that
// name their site; an image that cannot be loaded leaves its description and a link, never a
// broken picture. TimelineJS3's own example files (from the @knight-lab/timelinejs package in
// node_modules, which the benchmark already installs) and vis-timeline data load with what they
// cannot keep named in a notice. All under the strict CSP, with nothing from the data executed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, open, done, listIds, settle, addTimeline } from './helpers.mjs';

const ctx = setup();
const root = new URL('../../', import.meta.url);
const TEMPLATES = '/node_modules/@knight-lab/timelinejs/src/template/';
const template = (name) => JSON.parse(readFileSync(new URL(`node_modules/@knight-lab/timelinejs/src/template/${name}`, root), 'utf8'));

/**
 * The embedding test page, with the import module's requests counted in `page.importLoads` and
 * the addresses that were not found in `page.missing` (the fixture's missing image is one).
 */
async function hostPage(options = {}) {
  const page = await open(ctx, '/tests/fixtures/embed.html', { wait: false, ...options });
  page.importLoads = 0;
  page.missing = [];
  page.on('request', (r) => {
    if (r.url().includes('timeline_explorer_import')) page.importLoads++;
  });
  page.on('response', (r) => {
    if (r.status() === 404) page.missing.push(new URL(r.url()).pathname);
  });
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

/** Adds a <timeline-explorer> with these attributes (and inline JSON data) and waits for it. */
async function addElement(page, attrs, data = null) {
  await addTimeline(page, attrs, data === null ? null : JSON.stringify(data));
  await page.waitForSelector(`#${attrs.id} .tl-app, #${attrs.id} .tl-error`, { timeout: 15000 });
}

/**
 * Asserts that the only addresses not found were the fixture's missing image, and forgets the
 * browser's messages about them (a missing file is logged by the browser, not by the widget).
 */
async function expectOnlyTheMissingImage(page) {
  await page.waitForFunction(() => ![...document.querySelectorAll('timeline-explorer')].some((w) => w.shadowRoot
    ?.querySelector('.tl-list li[data-event-id="lost-plan"] img.tl-thumb')));
  assert.ok(page.missing.every((p) => p === '/tests/fixtures/media/missing-plan.png'), page.missing.join(' '));
  let n = page.missing.length;
  page.problems = page.problems.filter((p) => !(/status of 404/.test(p) && n-- > 0));
}

/** The lines of the import notice in the widget `sel`: its heading, then each line. */
const noticeLines = (page, sel) =>
  page.$$eval(`${sel} .tl-sheet-notice strong, ${sel} .tl-sheet-notice li`, (els) => els.map((e) => e.textContent));

/** Opens event `id` from the list of widget `sel`. */
async function openEvent(page, sel, id) {
  await page.click(`${sel} .tl-list li[data-event-id="${id}"] h3 button`);
  await page.waitForSelector(`${sel} .tl-detail h2[data-event-id="${id}"]`);
}

/** Waits until the image `selector` has loaded (or failed: then the test says so). */
const loaded = (page, selector) =>
  page.waitForFunction((s) => {
    const host = document.querySelector(s.split(' ')[0]);
    const img = host?.shadowRoot?.querySelector(s.split(' ').slice(1).join(' '));
    return img && img.complete && img.naturalWidth > 0;
  }, selector);

/** The page's CSP violation reports so far. */
const cspReports = (page) => page.evaluate(async (id) => (await fetch(`/__csp/reports?test=${id}`)).json(), page.testId);

test('an image is shown in the detail panel, lazily and in a fixed box, with its caption and credit, and small in the list', async () => {
  const page = await hostPage();
  await addElement(page, { id: 'h', src: '/tests/fixtures/media/harbour.json', state: 'view=list', lang: 'en' });
  assert.deepEqual(await listIds(page, '#h'), ['crane-film', 'lost-plan', 'no-media', 'quay-opens', 'report']);
  const thumbs = await page.$$eval('#h .tl-list li[data-event-id] img.tl-thumb',
    (imgs) => imgs.map((i) => [i.closest('li').dataset.eventId, i.getAttribute('alt'), i.getAttribute('loading')]));
  assert.deepEqual(thumbs.filter(([id]) => id === 'quay-opens'), [['quay-opens', '', 'lazy']], 'a decorative thumbnail');
  assert.equal(thumbs.some(([id]) => id === 'crane-film' || id === 'no-media'), false, 'no thumbnail without an image');
  await openEvent(page, '#h', 'quay-opens');
  const img = '#h .tl-detail figure.tl-media[data-media-kind="image"] img';
  await page.waitForSelector(img);
  const attrs = await page.$eval(img, (i) => ({
    src: i.src, alt: i.alt, loading: i.getAttribute('loading'), width: i.getAttribute('width'), height: i.getAttribute('height'),
  }));
  assert.equal(attrs.src, `${ctx.base}/tests/fixtures/media/harbour.svg`, 'a path relative to the dataset, resolved against it');
  assert.equal(attrs.alt, 'Drawing of the harbour with quay, warehouse and crane');
  assert.deepEqual([attrs.loading, attrs.width, attrs.height], ['lazy', '640', '400']);
  // The box has its size before the picture arrives: its height follows from its width alone.
  const box = await page.$eval(img, (i) => { const r = i.getBoundingClientRect(); return r.width / r.height; });
  assert.ok(Math.abs(box - 1.6) < 0.02, `a 16:10 box, was ${box}`);
  await loaded(page, img.replace('#h .tl-detail', '#h .tl-detail'));
  assert.equal(await page.textContent('#h .tl-detail figure figcaption .tl-media-caption'), 'The harbour after the rebuilding');
  assert.equal(await page.textContent('#h .tl-detail figure figcaption .tl-media-credit'), 'Drawing: Test Archive');
  assert.equal(await page.getAttribute('#h .tl-detail a.tl-media-image', 'rel'), 'noopener noreferrer');
  await expectOnlyTheMissingImage(page);
  await done(page);
});

test('an event with no actors has no empty Actors heading in the detail panel', async () => {
  const page = await hostPage();
  await addElement(page, { id: 'h', src: '/tests/fixtures/media/harbour.json', state: 'view=list', lang: 'en' });
  await openEvent(page, '#h', 'quay-opens');
  const headings = await page.$$eval('#h', ([el]) => [...el.shadowRoot.querySelectorAll('.tl-detail h3')].map((h) => h.textContent));
  assert.ok(headings.includes('Sources'), `the panel has its other headings: ${headings}`);
  assert.ok(!headings.includes('Actors'), `no heading over nothing: ${headings}`);
  await expectOnlyTheMissingImage(page);
  await done(page);
});

test('other media are links naming their site in either language, and a broken image leaves its description and a link', async () => {
  const page = await hostPage({ locale: 'de-DE' });
  await addElement(page, { id: 'h', src: '/tests/fixtures/media/harbour.json', state: 'view=list', lang: 'de' });
  await openEvent(page, '#h', 'crane-film');
  const card = '#h .tl-detail figure[data-media-kind="video"] a.tl-media-card';
  assert.equal(await page.textContent(`${card} .tl-media-label`), 'Video auf YouTube');
  assert.equal(await page.getAttribute(card, 'rel'), 'noopener noreferrer');
  assert.equal(await page.getAttribute(card, 'target'), '_blank');
  assert.equal(await page.getAttribute(card, 'href'), 'https://www.youtube.com/watch?v=abcdefghijk');
  assert.equal(await page.textContent('#h .tl-detail figcaption .tl-media-caption'), 'Der Kran in Betrieb');
  assert.equal(await page.$eval('#h', (el) => el.shadowRoot.querySelectorAll('iframe, object, embed, video, audio').length), 0,
    'no frame or player from another site');
  await openEvent(page, '#h', 'report');
  assert.equal(await page.textContent('#h .tl-detail .tl-media-label'), 'PDF-Dokument (example.org)');
  await openEvent(page, '#h', 'lost-plan');
  await page.waitForSelector('#h .tl-detail .tl-media-fallback');
  assert.equal(await page.$('#h .tl-detail figure img'), null, 'no broken picture');
  const fallback = await page.textContent('#h .tl-detail .tl-media-fallback');
  assert.match(fallback, /^Bild nicht verfügbar: Bauplan des Lagerhauses/);
  assert.equal(await page.getAttribute('#h .tl-detail .tl-media-fallback a', 'href'), `${ctx.base}/tests/fixtures/media/missing-plan.png`);
  assert.equal(await page.textContent('#h .tl-detail figcaption .tl-media-credit'), 'Plan: unbekannt');
  // The list's thumbnail of the missing image is gone too (waited for below).
  await expectOnlyTheMissingImage(page);
  await done(page);
});

test('a TimelineJS3 example with every kind of media lists every slide, shows credits, and names what it shows as links', async () => {
  const tl = template('all-media-types.json');
  const page = await hostPage();
  await addElement(page, { id: 'tl', src: `${TEMPLATES}all-media-types.json`, state: 'view=list', lang: 'en' });
  const ids = await listIds(page, '#tl');
  assert.equal(ids.length, tl.events.length, 'every slide is an event');
  const lines = await noticeLines(page, '#tl');
  assert.equal(lines[0], 'Read from a TimelineJS3 file:');
  // Videos, posts, maps, documents and pages: most of the file's slides.
  const asLinks = Number(lines.find((l) => / media embeds shown as links$/.test(l))?.split(' ')[0]);
  assert.ok(asLinks >= 20 && asLinks < tl.events.length, lines.join(' | '));
  assert.ok(lines.some((l) => /^\d+ media items? not kept: embed code or an overlong address instead of an http or https address$/.test(l)), 'embed code is named');
  assert.ok(lines.some((l) => /slide backgrounds? not shown$/.test(l)));
  assert.ok(lines.includes('the title slide\'s media is not shown'));
  // A slide with a credit shows it under its media (a slide without an id is `event-<n>`).
  const vimeo = tl.events.findIndex((e) => /vimeo\.com/.test(e.media?.url || ''));
  await openEvent(page, '#tl', `event-${vimeo + 1}`);
  assert.equal(await page.textContent('#tl .tl-detail .tl-media-label'), 'Video on Vimeo');
  assert.equal(await page.textContent('#tl .tl-detail .tl-media-credit'), tl.events[vimeo].media.credit);
  const caption = await page.textContent('#tl .tl-detail .tl-media-caption');
  assert.ok(caption.startsWith('Phat Tai, a story'), `the caption's markup is reduced to text: ${caption}`);
  // Images from other origins are what the host's img-src decides: here only the page's own
  // origin is allowed, so the reports name images alone, and the widget shows their descriptions.
  const reports = await cspReports(page);
  assert.ok(reports.every((r) => /img-src/.test(r)), 'only images from elsewhere are refused');
  page.problems = page.problems.filter((p) => !/img-src|Refused to load the image/.test(p));
  await page.context().close();
  assert.deepEqual(page.problems, []);
});

test('a TimelineJS3 file is read by the import module, and one it refuses names the slide and field in either language', async () => {
  const page = await hostPage();
  const good = { events: [{ start_date: { year: '2024', month: '5' }, text: { headline: 'Harbour opens' } }] };
  await addElement(page, { id: 'ok', state: 'view=list', lang: 'en' }, good);
  assert.deepEqual(await listIds(page, '#ok'), ['event-1'], 'a slide without an id is event-<n>');
  assert.equal(page.importLoads, 2, 'the import module (script and wasm) is loaded for TimelineJS3');
  const bad = { events: [good.events[0], { start_date: { year: '2024', month: '13' }, text: { headline: 'Month thirteen' } }] };
  for (const [lang, heading, line] of [
    ['en', 'The dataset has errors:', 'Event #2, start_date.month: invalid date (year 2024, month 13, day -): no such date'],
    ['de', 'Die Daten enthalten Fehler:', 'Ereignis Nr.\u00a02, Feld start_date.month: ungültiges Datum (Jahr 2024, Monat 13, Tag -): Dieses Datum gibt es nicht'],
  ]) {
    await addElement(page, { id: `bad-${lang}`, lang }, bad);
    await page.waitForSelector(`#bad-${lang} .tl-error li`);
    assert.equal(await page.$(`#bad-${lang} .tl-app`), null, 'nothing but the error is shown');
    assert.equal(await page.textContent(`#bad-${lang} .tl-error p`), heading);
    const items = await page.$$eval(`#bad-${lang} .tl-error li`, (lis) => lis.map((li) => li.textContent));
    assert.deepEqual(items, [line]);
  }
  assert.equal(page.importLoads, 2, 'the module is loaded once for the page');
  await done(page);
});

test('TimelineJS3 eras are drawn as periods, display dates shown, and a hostile headline stays text', async () => {
  const tl = template('eras.json');
  tl.events[0].text.headline = '<img src=x onerror="document.title=\'pwned\'"><b>Hostile</b> headline';
  tl.events[0].display_date = 'Spring <i>602</i>';
  const page = await hostPage();
  await addElement(page, { id: 'er', state: 'view=list', lang: 'en' }, tl);
  assert.equal((await listIds(page, '#er')).length, tl.events.length, 'every slide is listed');
  const headings = await page.$$eval('#er .tl-list .tl-period-heading .tl-period-title', (els) => els.map((e) => e.textContent));
  assert.ok(headings.length > 0 && headings.every((h) => tl.eras.some((e) => e.text.headline === h)), headings.join(' | '));
  const hostile = await page.$$eval('#er .tl-list li[data-event-id] h3 button', (els) => els.map((e) => e.textContent));
  assert.ok(hostile.includes('Hostile headline'), 'markup reduced to its text');
  assert.ok(await page.$$eval('#er .tl-list li[data-event-id] time', (els) => els.some((e) => e.textContent === 'Spring 602')));
  await page.evaluate(() => document.getElementById('er').setAttribute('state', 'view=timeline'));
  await page.waitForSelector('#er .tl-timeline .tl-period');
  assert.ok((await page.$$('#er .tl-timeline .tl-period')).length > 0, 'periods drawn as bands');
  assert.notEqual(await page.title(), 'pwned', 'nothing from the data ran');
  assert.equal(await page.$eval('#er', (el) => el.shadowRoot.querySelectorAll('b, img[src="x"]').length), 0);
  // The eras file links slides to Wikipedia pages: links, not images, so nothing is refused.
  await done(page);
});

test('vis-timeline items and groups load through the import module, with background items as periods', async () => {
  const page = await hostPage();
  await addElement(page, { id: 'v', src: '/tests/fixtures/media/vis-items.json', state: 'view=list', lang: 'en' });
  assert.deepEqual(await listIds(page, '#v'), ['1', '2', 'item-4', 'vote']);
  assert.equal(page.importLoads, 2, 'the import module (script and wasm) is loaded for vis data');
  const titles = await page.$$eval('#v .tl-list li[data-event-id] h3 button', (els) => els.map((e) => e.textContent));
  assert.deepEqual(titles, ['Quay opens', 'Council vote', 'Crane built', 'Strike']);
  assert.equal(await page.textContent('#v .tl-list .tl-period-heading .tl-period-title'), 'Rebuilding');
  assert.deepEqual(await noticeLines(page, '#v'), ['Read from vis-timeline data:', 'times of day not shown: 1 item shown on their day']);
  // Groups are tags named by the group's content.
  await openEvent(page, '#v', 'vote');
  assert.equal(await page.textContent('#v .tl-detail .tl-tag'), 'Town council');
  assert.notEqual(await page.title(), 'pwned');
  await page.evaluate(() => document.getElementById('v').setAttribute('state', 'view=timeline'));
  await page.waitForSelector('#v .tl-timeline .tl-period');
  await done(page);
});

test('a dataset in the project’s schema never loads the import module', async () => {
  const page = await hostPage();
  await addElement(page, { id: 'h', src: '/tests/fixtures/media/harbour.json', state: 'view=list' });
  await settle(page);
  assert.equal(page.importLoads, 0);
  await expectOnlyTheMissingImage(page);
  await done(page);
});
