// The first view that the standalone page and the iframe view carry as static HTML (drawn at
// build time by the native core): readable without JavaScript, shown before the wasm has loaded,
// and replaced by the widget in place, without a layout shift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, freshPage, live, done, dataset } from './helpers.mjs';

const ctx = setup();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const titleOf = Object.fromEntries(dataset.events.map((e) => [e.id, e.title]));

/** Holds back the wasm until `release()` is called, so that the page shows its first view. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  return release;
}

/** Waits until one of the elements `selector` finds is visible (others may be another layout's). */
const anyVisible = (page, selector) => page.waitForFunction(
  (sel) => [...document.querySelectorAll(sel)].some((el) => el.checkVisibility({ visibilityProperty: true })), selector);

/** The events of the first view that are visible in the viewport: id, text and box. */
const shownEvents = (page, selector) => page.$$eval(selector, (els) => els
  .filter((el) => el.checkVisibility({ visibilityProperty: true }))
  .map((el) => ({
    id: el.dataset.eventId, text: el.innerText, box: el.getBoundingClientRect().toJSON(),
    bar: el.querySelector('.tl-event-bar')?.getBoundingClientRect().toJSON(),
    // A box that ends at its date (at the stage's right edge) sets its text against its end.
    flip: getComputedStyle(el.querySelector('.tl-event-label') ?? el).textAlign === 'right',
  }))
  .filter((e) => e.box.width > 0 && e.box.top < innerHeight && e.box.bottom > 0));

test('without JavaScript the page shows the title and the events of the opening view as text', async () => {
  for (const [viewport, selector] of [[DESKTOP, '.tl-event'], [PHONE, '.tl-list-item']]) {
    const page = await freshPage(ctx, { viewport, javaScriptEnabled: false });
    await page.goto(`${ctx.base}/`);
    const text = await page.innerText('body');
    assert.ok(text.includes(dataset.title.en), 'the title');
    assert.ok(!text.includes(dataset.title.de), 'one language only');
    const events = await shownEvents(page, selector);
    assert.ok(events.length >= (viewport === PHONE ? 3 : 5), `${events.length} events on the first screen at ${viewport.width} px`);
    for (const e of events) assert.ok(e.text.includes(titleOf[e.id].en), `${e.id} shows its title`);
    await done(page);
  }
});

test('the standalone and iframe pages download the built-in dataset once, through their preload, and a widget with its own dataset never does', async () => {
  for (const path of ['/', '/embed.html']) {
    const page = await freshPage(ctx, { viewport: DESKTOP });
    const requests = [];
    page.on('request', (r) => { if (r.url().includes('timeline_explorer_events.json')) requests.push(r.url()); });
    const unused = [];
    page.on('console', (m) => { if (/preload/i.test(m.text())) unused.push(m.text()); });
    await page.goto(`${ctx.base}${path}`);
    await live(page);
    assert.equal(await page.textContent('.tl-count'), `${dataset.events.length} of ${dataset.events.length} events`);
    assert.deepEqual(requests, [`${ctx.base}/pkg/timeline_explorer_events.json`], `${path}: one request`);
    assert.deepEqual(unused, [], `${path}: the preload is used`);
    await done(page);
  }
  const page = await freshPage(ctx, { viewport: DESKTOP });
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('timeline_explorer_events.json')) requests.push(r.url()); });
  await page.goto(`${ctx.base}/tests/fixtures/embed.html`);
  await page.evaluate(() => {
    const el = document.createElement('timeline-explorer');
    el.setAttribute('src', '/www/demo-data/baltic.json');
    document.body.append(el);
  });
  await page.waitForFunction(() => document.querySelector('timeline-explorer')?.shadowRoot?.querySelector('.tl-count'));
  assert.deepEqual(requests, [], 'a host’s dataset alone');
  await done(page);
});

test('the first event is visible before the wasm has loaded, in the reader’s language', async () => {
  for (const [locale, lang] of [['en-US', 'en'], ['de-DE', 'de']]) {
    const page = await freshPage(ctx, { viewport: DESKTOP, locale });
    const release = await holdWasm(page);
    await page.goto(`${ctx.base}/`);
    await anyVisible(page, `.tl-first-view[data-first-view="${lang}"] .tl-event`);
    const events = await shownEvents(page, '.tl-event');
    assert.ok(events.length >= 5);
    for (const e of events) assert.ok(e.text.includes(titleOf[e.id][lang]), `${e.id} in ${lang}`);
    assert.equal(await page.$$eval('.tl-first-view', (v) => v.filter((e) => e.checkVisibility()).map((e) => e.lang).join()), lang);
    release();
    await live(page);
    await done(page);
  }
});

test('the widget replaces the first view in place: every event stays where it was', async () => {
  const sizes = [[DESKTOP, '.tl-event'], [PHONE, '.tl-list-item'], [{ width: 1920, height: 1080 }, '.tl-event'],
    [{ width: 1536, height: 864 }, '.tl-event'], [{ width: 1280, height: 800 }, '.tl-event'],
    // Boxes at the stage's right edge, which end at their date or at the edge.
    [{ width: 1280, height: 900 }, '.tl-event']];
  for (const [viewport, selector] of sizes) {
    for (const path of viewport === DESKTOP || viewport === PHONE ? ['/', '/embed.html'] : ['/']) {
      const page = await freshPage(ctx, { viewport });
      const release = await holdWasm(page);
      await page.goto(ctx.base + path);
      await anyVisible(page, `.tl-first-view ${selector}`);
      const before = await shownEvents(page, selector);
      release();
      await live(page);
      const after = Object.fromEntries((await shownEvents(page, selector)).map((e) => [e.id, e]));
      for (const e of before) {
        const now = after[e.id]?.box;
        assert.ok(now, `${path} at ${viewport.width} px: ${e.id} is still shown`);
        assert.ok(Math.abs(now.left - e.box.left) <= 2 && Math.abs(now.top - e.box.top) <= 2,
          `${path} at ${viewport.width} px: ${e.id} moved from ${e.box.left},${e.box.top} to ${now.left},${now.top}`);
        // Its date bar too, at its left end or (for a box that ends at its date) its right end.
        const { bar, flip } = after[e.id];
        assert.equal(flip, e.flip, `${path} at ${viewport.width} px: ${e.id} ends at its date in both or neither`);
        const end = (b) => (flip ? b.right : b.left);
        if (e.bar) assert.ok(Math.abs(end(bar) - end(e.bar)) <= 2,
          `${path} at ${viewport.width} px: ${e.id}'s bar moved from ${e.bar.left}..${e.bar.right} to ${bar.left}..${bar.right}`);
      }
      await done(page);
    }
  }
});

test('from navigation until the widget is interactive the layout shifts less than 0.1 (CLS)', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const page = await freshPage(ctx, { viewport });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${ctx.base}/`);
    await live(page);
    await page.waitForSelector('.tl-search:not([disabled])');
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => window.__shift);
    assert.ok(cls < 0.1, `CLS ${cls} at ${viewport.width}×${viewport.height}`);
    await done(page);
  }
});

test('a link to another view keeps the first view’s frame but not its events', async () => {
  const page = await freshPage(ctx, { viewport: DESKTOP });
  const release = await holdWasm(page);
  await page.goto(`${ctx.base}/?cat=energy`);
  await page.waitForSelector('.tl-first-view .tl-title', { state: 'visible' });
  assert.equal((await shownEvents(page, '.tl-event')).length, 0);
  release();
  await live(page);
  await done(page);
});

test('a first view made by the prerender command shows inside <timeline-explorer> until the widget has drawn', async () => {
  const { execFileSync } = await import('node:child_process');
  const { readFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const root = new URL('../../', import.meta.url).pathname;
  const css = `${mkdtempSync(`${tmpdir()}/first-view-`)}/first-view.css`;
  const html = execFileSync('cargo', ['run', '-q', '--bin', 'prerender', '--', 'www/demo-data/baltic.json', '--lang', 'de', '--css', css],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const data = readFileSync(`${root}www/demo-data/baltic.json`, 'utf8').replace(/</g, '\\u003c');
  const baltic = JSON.parse(data);
  const page = await freshPage(ctx, { viewport: DESKTOP });
  const release = await holdWasm(page);
  // A host page under the strict policy: the fixture page's response with a body of its own.
  await page.route('**/tests/fixtures/embed.html?first-view', async (route) => {
    const response = await route.fetch();
    const body = '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">' +
      '<link rel="stylesheet" href="/pkg/timeline.css"><link rel="stylesheet" href="/first-view-test.css">' +
      '<script type="module" src="/pkg/timeline-explorer.js"></script></head><body>' +
      `<timeline-explorer lang="de" height="640"><script type="application/json">${data}</script>${html}</timeline-explorer></body></html>`;
    await route.fulfill({ response, body });
  });
  await page.route('**/first-view-test.css', (route) => route.fulfill({ contentType: 'text/css', body: readFileSync(css, 'utf8') }));
  await page.goto(`${ctx.base}/tests/fixtures/embed.html?first-view`);
  await anyVisible(page, 'timeline-explorer > .tl-first-view .tl-event');
  const before = await shownEvents(page, 'timeline-explorer > .tl-first-view .tl-event');
  assert.ok(before.length >= 3);
  for (const e of before) assert.ok(e.text.includes(baltic.events.find((x) => x.id === e.id).title.de));
  release();
  // The widget, from the dataset in the child script, takes the first view's place.
  await page.waitForFunction(() => {
    const shadow = document.querySelector('timeline-explorer').shadowRoot;
    return shadow.querySelector('.tl-event') && !shadow.querySelector('slot');
  });
  const count = await page.$eval('timeline-explorer', (el) => el.shadowRoot.querySelector('.tl-count').textContent);
  assert.equal(count, `${baltic.events.length} von ${baltic.events.length} Ereignissen`);
  assert.equal(await page.$eval('timeline-explorer > .tl-first-view', (el) => el.checkVisibility()), false);
  await done(page);
});
