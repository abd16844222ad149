// The standalone view: the dataset, selection, detail panel and language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, freshPage, live, done, visibleIds, listIds, settle, allIds, dataset } from './helpers.mjs';

const ctx = setup();

test('every dataset event appears in the timeline over the whole period and in the list', async () => {
  const page = await open(ctx, '/?span=all');
  await page.waitForSelector('.tl-timeline .tl-event, .tl-timeline .tl-cluster');
  assert.deepEqual(await visibleIds(page), allIds);
  await page.click('button[data-view="list"]');
  await page.waitForSelector('.tl-list');
  assert.deepEqual(await listIds(page), allIds);
  const count = await page.textContent('.tl-count');
  assert.equal(count.trim(), `${allIds.length} of ${allIds.length} events`);
  await done(page);
});

test('selecting an event opens the detail panel with sources and related events', async () => {
  const page = await open(ctx, '/?view=list');
  await page.click('.tl-list li[data-event-id="vance-charter-2026"] h3 button');
  await page.waitForSelector('.tl-detail h2');
  const charter = dataset.events.find((e) => e.id === 'vance-charter-2026');
  assert.equal((await page.textContent('.tl-detail h2')).trim(), charter.title.en);
  assert.match(await page.textContent('.tl-detail time'), /10 February 2026/);
  assert.match(await page.textContent('.tl-detail'), /Baku \(40\.41°\u00a0N, 49\.87°\u00a0E\)/);
  const links = await page.$$eval('.tl-detail .tl-sources a', (as) => as.map((a) => a.href));
  assert.ok(links.length >= 1);
  for (const href of links) assert.match(href, /^https?:\/\//);
  assert.equal(new URL(page.url()).searchParams.get('event'), 'vance-charter-2026');
  // Following a related event selects it.
  const related = await page.$eval('.tl-detail .tl-related a', (a) => a.dataset.relatedId);
  await page.click('.tl-detail .tl-related a');
  await page.waitForFunction((id) => document.querySelector('.tl-detail h2')?.dataset.eventId === id, related);
  assert.equal(new URL(page.url()).searchParams.get('event'), related);
  // Escape closes the panel.
  await page.keyboard.press('Escape');
  await page.waitForSelector('.tl-detail', { state: 'detached' });
  assert.equal(new URL(page.url()).searchParams.get('event'), null);
  await done(page);
});

test('a source is cited by its own headline in its own language and tags by their names, in German and English', async () => {
  const page = await open(ctx, '/?event=az-nato-standards-2025&view=list&lang=de');
  await page.waitForSelector('.tl-detail h2[data-event-id="az-nato-standards-2025"]');
  const event = dataset.events.find((e) => e.id === 'az-nato-standards-2025');
  const tass = event.sources.find((s) => s.publisher === 'TASS');
  const described = event.sources.find((s) => !s.title);
  // The Russian headline is the link, marked as Russian for screen readers.
  const cite = await page.$eval('.tl-detail .tl-sources cite[lang="ru"]', (c) => [c.textContent, c.closest('a').getAttribute('href')]);
  assert.deepEqual(cite, [tass.title, tass.url]);
  const items = () => page.$$eval('.tl-detail .tl-sources li', (lis) => lis.map((li) => li.textContent));
  let lines = await items();
  assert.ok(lines.includes(`„${tass.title}“, TASS, 6. November 2025 · Nachrichtenbericht`), JSON.stringify(lines));
  // A source whose headline is not known is described in the reader's language, not quoted.
  assert.ok(lines.includes(`${described.about.de}, ${described.publisher} · Nachrichtenbericht`), JSON.stringify(lines));
  const tags = () => page.$$eval('.tl-detail .tl-tag', (t) => t.map((x) => x.textContent));
  assert.deepEqual(await tags(), ['NATO-Standards']);
  const facet = await page.$$eval('.tl-facet[data-facet="tag"] label > span:first-of-type', (s) => s.map((x) => x.textContent));
  for (const name of ['kritische Rohstoffe', 'Mittlerer Korridor', 'Öl']) assert.ok(facet.includes(name), `${name} in ${facet}`);
  await page.click('button[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('.tl-detail .tl-tag')?.textContent === 'NATO standards');
  lines = await items();
  assert.ok(lines.includes(`“${tass.title}”, TASS, 6 November 2025 · news report`), JSON.stringify(lines));
  assert.ok(lines.includes(`${described.about.en}, ${described.publisher} · news report`), JSON.stringify(lines));
  await done(page);
});

test('clicking an event on the timeline and pressing Enter both open it', async () => {
  const page = await open(ctx, '/?span=2026-02-01..2026-02-20');
  await page.click('.tl-timeline .tl-event[data-event-id="vance-armenia-visit-2026"]');
  await page.waitForSelector('.tl-detail h2[data-event-id="vance-armenia-visit-2026"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.tl-detail', { state: 'detached' });
  // Focus returned to the event; Enter opens it again.
  await page.waitForFunction(() => document.activeElement?.dataset?.eventId === 'vance-armenia-visit-2026');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.tl-detail h2[data-event-id="vance-armenia-visit-2026"]');
  await done(page);
});

test('switching the language changes the interface and the event texts', async () => {
  const page = await open(ctx, '/?view=list');
  await page.click('button[data-lang="de"]');
  await settle(page);
  await page.waitForFunction(() => document.querySelector('.tl-count').textContent.includes('von'));
  const first = dataset.events.find((e) => e.id === 'tripp-announced-2025');
  const title = await page.textContent('.tl-list li[data-event-id="tripp-announced-2025"] h3');
  assert.equal(title.trim(), first.title.de);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'de');
  assert.equal(await page.getAttribute('.tl-app', 'lang'), 'de');
  assert.match(await page.textContent('.tl-list li[data-event-id="tripp-announced-2025"] time'), /8\. August 2025/);
  // Coordinates in the German way: decimal comma, O (Ost) for east.
  await page.click('.tl-list li[data-event-id="vance-charter-2026"] h3 button');
  await page.waitForSelector('.tl-detail h2');
  assert.match(await page.textContent('.tl-detail'), /\(40,41°\u00a0N; 49,87°\u00a0O\)/);
  await done(page);
});

test('a German browser gets the German interface by default', async () => {
  const page = await open(ctx, '/', { locale: 'de-DE' });
  await page.waitForFunction(() => document.querySelector('.tl-count')?.textContent.includes('Ereignissen'));
  assert.equal(await page.getAttribute('.tl-app', 'lang'), 'de');
  await done(page);
});

test('month-precise and approximate events look different from day-precise ones', async () => {
  const page = await open(ctx, '/?span=2025-10-01..2025-12-31');
  const wide = await page.$eval('.tl-event[data-event-id="trans-caspian-options-2025"]', (el) => [el.classList.contains('tl-wide'), el.classList.contains('tl-approx')]);
  assert.deepEqual(wide, [true, true]);
  const day = await page.$eval('.tl-event[data-event-id="az-nato-standards-2025"]', (el) => [el.classList.contains('tl-wide'), el.classList.contains('tl-approx')]);
  assert.deepEqual(day, [false, false]);
  // The month-wide bar is about a month wide: wider than a day-precise one.
  const bars = await page.$$eval('.tl-event[data-event-id="trans-caspian-options-2025"] .tl-event-bar, .tl-event[data-event-id="az-nato-standards-2025"] .tl-event-bar', (els) => els.map((e) => e.getBoundingClientRect().width));
  assert.ok(Math.max(...bars) > 5 * Math.min(...bars), `bars ${bars}`);
  await done(page);
});

test('the Embed button gives snippets for the current view, and the iframe page shows it', async () => {
  const page = await open(ctx, '/?cat=energy&lang=de');
  await page.click('.tl-embed-toggle');
  const iframe = await page.inputValue('.tl-embed-iframe');
  const element = await page.inputValue('.tl-embed-element');
  assert.match(iframe, /embed\.html\?cat=energy&amp;lang=de"/);
  assert.match(element, /<timeline-explorer state="cat=energy&amp;lang=de">/);
  // The iframe is named for screen readers in the reader's language.
  assert.match(iframe, /title="Zeitleiste"/);
  await done(page);
  const frame = await open(ctx, '/embed.html?cat=energy&view=list&lang=de');
  await frame.waitForSelector('.tl-list');
  assert.equal(await frame.$('h1'), null, 'no page heading in the iframe view');
  assert.deepEqual(await listIds(frame), dataset.events.filter((e) => e.categories.includes('energy')).map((e) => e.id).sort());
  await done(frame);
});

/** The open event's id, once the detail panel shows `id`, and the URL's `event` with it. */
async function waitForOpen(page, id) {
  await page.waitForSelector(`.tl-detail h2[data-event-id="${id}"]`);
  await page.waitForFunction((id) => new URL(location.href).searchParams.get('event') === id, id);
}

test('previous and next read exactly the filtered events in date order, by button and by arrow key, and the URL follows', async () => {
  const page = await open(ctx, '/?cat=military&view=list');
  await page.waitForSelector('.tl-list > li[data-event-id]');
  const order = await page.$$eval('.tl-list > li[data-event-id]', (lis) => lis.map((li) => li.dataset.eventId));
  const byId = Object.fromEntries(dataset.events.map((e) => [e.id, e]));
  const military = dataset.events.filter((e) => e.categories.includes('military')).map((e) => e.id);
  assert.deepEqual([...order].sort(), military.sort(), 'the list shows the filtered events');
  assert.ok(order.length >= 3 && order.length < dataset.events.length);
  const dates = order.map((id) => byId[id].date);
  assert.deepEqual(dates, [...dates].sort(), 'in date order');

  await page.click(`.tl-list li[data-event-id="${order[0]}"] h3 button`);
  await waitForOpen(page, order[0]);
  assert.equal(await page.isDisabled('.tl-detail .tl-step-previous'), true, 'nothing before the first');
  assert.equal((await page.textContent('.tl-reading-position')).trim(), `1 of ${order.length}`);
  assert.equal(await page.getAttribute('.tl-detail .tl-step-next', 'aria-label'), `Next event: ${byId[order[1]].title.en}`);
  // Next, clicked, walks every filtered event in order and nothing else.
  for (let i = 1; i < order.length; i++) {
    await page.click('.tl-detail .tl-step-next');
    await waitForOpen(page, order[i]);
    assert.equal((await page.textContent('.tl-reading-position')).trim(), `${i + 1} of ${order.length}`);
  }
  assert.equal(await page.isDisabled('.tl-detail .tl-step-next'), true, 'nothing after the last');
  assert.ok(await page.evaluate(() => document.activeElement.closest('.tl-detail') !== null), 'focus stays in the panel');
  await page.click('.tl-detail .tl-step-previous');
  await waitForOpen(page, order[order.length - 2]);
  // With focus in the panel, Right and Left do the same, focus staying in the panel.
  await page.keyboard.press('ArrowRight');
  await waitForOpen(page, order[order.length - 1]);
  for (let i = order.length - 2; i >= 0; i--) {
    assert.ok(await page.evaluate(() => document.activeElement.closest('.tl-detail') !== null), 'focus in the panel');
    await page.keyboard.press('ArrowLeft');
    await waitForOpen(page, order[i]);
  }
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get('event'), order[0], 'Left at the first event stays there');
  assert.equal(new URL(page.url()).searchParams.get('cat'), 'military', 'the filter stays');
  // Each step was a step in the history: Back returns to the event before.
  await page.goBack();
  await waitForOpen(page, order[1]);
  await done(page);
});

test('a horizontal swipe on a touch screen opens the next and the previous event, a vertical one does not', async () => {
  const page = await freshPage(ctx, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.goto(`${ctx.base}/?cat=military&view=list`);
  await live(page);
  await page.waitForSelector('.tl-list > li[data-event-id]');
  const order = await page.$$eval('.tl-list > li[data-event-id]', (lis) => lis.map((li) => li.dataset.eventId));
  await page.tap(`.tl-list li[data-event-id="${order[1]}"] h3 button`);
  await waitForOpen(page, order[1]);
  const cdp = await page.context().newCDPSession(page);
  await page.$eval('.tl-detail h2', (h) => h.scrollIntoView({ block: 'center' }));
  const box = await (await page.$('.tl-detail h2')).boundingBox();
  const swipe = async (dx, dy) => {
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
    await touch('touchStart', [{ x, y }]);
    for (let s = 1; s <= 5; s++) await touch('touchMove', [{ x: x + (dx * s) / 5, y: y + (dy * s) / 5 }]);
    await touch('touchEnd', []);
  };
  await swipe(-120, 10);
  await waitForOpen(page, order[2]);
  await swipe(0, -120);
  await swipe(30, 0);
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get('event'), order[2], 'a vertical or short move is no swipe');
  await swipe(120, -10);
  await waitForOpen(page, order[1]);
  await done(page);
});
