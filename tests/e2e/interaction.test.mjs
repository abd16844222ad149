// Zoom, pan, lanes, keyboard, the brush, narrow screens and accessibility.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setup, open, freshPage, live, done, settle, allIds, visibleIds, dataset } from './helpers.mjs';

const ctx = setup();
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const spanDays = (s) => {
  const [a, b] = s.split('..').map((d) => Date.parse(d));
  return (b - a) / 86400000;
};
const span = (page) => new URL(page.url()).searchParams.get('span');

test('the wheel zooms in around the pointer and the span lands in the URL', async () => {
  const page = await open(ctx, '/?span=2025-01-01..2026-03-01');
  const box = await page.$eval('.tl-timeline', (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width }; });
  await page.mouse.move(box.x + box.w * 0.75, box.y + 100);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('span') !== '2025-01-01..2026-03-01');
  const after = span(page);
  assert.ok(spanDays(after) < spanDays('2025-01-01..2026-03-01'), after);
  // The day under the pointer stayed roughly under it: the window moved towards the pointer.
  const [a] = after.split('..');
  assert.ok(Date.parse(a) > Date.parse('2025-01-01'), after);
  await done(page);
});

test('dragging pans to earlier time and the zoom buttons zoom', async () => {
  const page = await open(ctx, '/?span=2025-06-01..2025-12-01');
  const box = await page.$eval('.tl-timeline', (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width }; });
  await page.mouse.move(box.x + 200, box.y + 15);
  await page.mouse.down();
  await page.mouse.move(box.x + 400, box.y + 15, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('span') !== '2025-06-01..2025-12-01');
  const [a, b] = span(page).split('..');
  assert.ok(Date.parse(a) < Date.parse('2025-06-01'));
  assert.ok(Math.abs(spanDays(`${a}..${b}`) - spanDays('2025-06-01..2025-12-01')) <= 2);
  const before = spanDays(span(page));
  await page.click('button[data-action="zoom-in"]');
  await page.waitForFunction((d) => {
    const s = new URL(location.href).searchParams.get('span').split('..').map(Date.parse);
    return (s[1] - s[0]) / 86400000 < d;
  }, before);
  // The whole period, said outright (an empty query opens on the dataset's opening view).
  await page.click('button[data-action="fit"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('span') === 'all');
  await done(page);
});

test('ticks adapt from years to days and never overlap', async () => {
  for (const s of ['2005-01-01..2026-12-31', '2025-01-01..2026-01-01', '2025-11-01..2025-11-15']) {
    const page = await open(ctx, `/?span=${s}`);
    await page.waitForSelector('.tl-tick');
    const rects = await page.$$eval('.tl-tick', (ts) => ts.map((t) => {
      const r = t.getBoundingClientRect();
      const range = document.createRange(); range.selectNodeContents(t);
      return { x: r.x, text: range.getBoundingClientRect().right, label: t.textContent };
    }));
    assert.ok(rects.length >= 2, s);
    for (let i = 1; i < rects.length; i++) assert.ok(rects[i - 1].text <= rects[i].x + 1, `${s}: ${rects[i - 1].label} overlaps ${rects[i].label}`);
    if (s.startsWith('2025-11-01')) assert.ok(rects.some((r) => /^\d+ /.test(r.label)), rects.map((r) => r.label).join('|'));
    await done(page);
  }
});

test('lanes by actor show an event in each of its actors lanes', async () => {
  const page = await open(ctx, '/?group=actor&span=2026-02-05..2026-02-15');
  await page.waitForSelector('.tl-lane-label');
  const n = await page.$$eval('.tl-event[data-event-id="vance-charter-2026"]', (els) => els.length);
  assert.ok(n >= 2, `charter appears ${n} times`);
  await done(page);
});

test('the toolbar’s “Fold empty stretches” box turns folding off into the URL, and Back folds again', async () => {
  const page = await open(ctx, '/?span=all', { viewport: { width: 1366, height: 900 } });
  await page.waitForSelector('.tl-fold');
  const fold = page.getByRole('checkbox', { name: 'Fold empty stretches' });
  assert.equal(await fold.isChecked(), true, 'folded is the default');
  assert.ok(await page.locator('.tl-toolbar').getByLabel('Fold empty stretches').isVisible(), 'the box sits in the toolbar');
  await page.getByLabel('Fold empty stretches').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('axis') === 'linear');
  await page.waitForFunction(() => document.querySelectorAll('.tl-fold').length === 0);
  assert.equal(await fold.isChecked(), false);
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('axis'));
  await page.waitForSelector('.tl-fold');
  assert.equal(await fold.isChecked(), true, 'Back ticks it again');
  // In German, the same box under its German name.
  await page.click('[data-lang="de"]');
  await page.getByLabel('Leere Zeiträume raffen').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('axis') === 'linear');
  await done(page);
});

test('dense regions collapse into clusters and a cluster zooms in when activated', async () => {
  const page = await open(ctx, '/?span=all', { viewport: { width: 700, height: 800 } });
  await page.waitForSelector('.tl-cluster');
  const count = Number(await page.getAttribute('.tl-cluster', 'data-count'));
  assert.ok(count >= 2);
  assert.deepEqual(await visibleIds(page), allIds);
  await page.click('.tl-cluster');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('span'));
  await done(page);
});

test('keyboard: from the top, Tab and the skip link reach an event, arrows move between events in date order, Enter opens, Escape closes', async () => {
  const page = await open(ctx, '/?span=2025-10-15..2025-12-31');
  await page.waitForSelector('.tl-timeline .tl-event');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'tl-skip');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('tl-event'));
  const first = await page.evaluate(() => document.activeElement.dataset.eventId);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((f) => document.activeElement?.dataset?.eventId && document.activeElement.dataset.eventId !== f, first);
  const second = await page.evaluate(() => document.activeElement.dataset.eventId);
  const order = (await import('./helpers.mjs')).dataset.events.map((e) => e.id);
  assert.ok(order.indexOf(second) > order.indexOf(first), `${first} -> ${second}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tl-detail h2[data-event-id="${second}"]`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.tl-detail', { state: 'detached' });
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId === id, second);
  // Space opens it as well (marks are list items that act like buttons).
  await page.keyboard.press(' ');
  await page.waitForSelector(`.tl-detail h2[data-event-id="${second}"]`);
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId === id, second);
  // + and - zoom when the timeline has focus.
  const before = spanDays(span(page));
  await page.keyboard.press('+');
  await page.waitForFunction((d) => {
    const s = new URL(location.href).searchParams.get('span').split('..').map(Date.parse);
    return (s[1] - s[0]) / 86400000 < d;
  }, before);
  await done(page);
});

test('marks follow the language, the selection and the tab stop in the elements they have', async () => {
  const page = await open(ctx, '/?span=2025-07-01..2025-10-01');
  const mark = '.tl-timeline .tl-event[data-event-id="tripp-announced-2025"]';
  await page.waitForSelector(mark);
  const tripp = dataset.events.find((e) => e.id === 'tripp-announced-2025');
  const texts = () => page.$eval(mark, (el) => [el.querySelector('.tl-event-label').textContent, el.querySelector('.tl-event-date').textContent]);
  assert.deepEqual(await texts(), [tripp.title.en, '8 August 2025']);
  await page.$eval(mark, (el) => { el.__kept = true; });
  await page.click('button[data-lang="de"]');
  await page.waitForFunction((m) => document.querySelector(m).textContent.includes('August 2025') && document.querySelector('.tl-app').lang === 'de', mark);
  assert.deepEqual(await texts(), [tripp.title.de, '8. August 2025']);
  // Selecting it marks it and makes it the one tab stop among the events.
  await page.click(mark);
  await page.waitForSelector('.tl-detail h2[data-event-id="tripp-announced-2025"]');
  const state = () => page.$$eval('.tl-timeline .tl-event', (els) => els.map((el) => [el.dataset.eventId, el.classList.contains('tl-selected'), el.tabIndex, el.__kept === true]));
  let marks = await state();
  assert.deepEqual(marks.filter(([, sel]) => sel).map(([id]) => id), ['tripp-announced-2025']);
  assert.deepEqual(marks.filter(([, , tab]) => tab === 0).map(([id]) => id), ['tripp-announced-2025']);
  assert.equal(marks.find(([id]) => id === 'tripp-announced-2025')[3], true, 'the same element throughout');
  // Closing the detail panel unmarks it.
  await page.keyboard.press('Escape');
  await page.waitForSelector('.tl-detail', { state: 'detached' });
  await page.waitForFunction((m) => !document.querySelector(m).classList.contains('tl-selected'), mark);
  // Clusters are named in the language too.
  await page.setViewportSize({ width: 700, height: 800 });
  await page.goto(`${ctx.base}/?lang=de`);
  await live(page);
  await page.waitForSelector('.tl-cluster');
  const n = await page.getAttribute('.tl-cluster', 'data-count');
  assert.equal(await page.getAttribute('.tl-cluster', 'aria-label'), `${n} Ereignisse – zum Aufschlüsseln heranzoomen, ${await page.textContent('.tl-cluster-dates')}`);
  await page.click('button[data-lang="en"]');
  await page.waitForFunction((k) => document.querySelector('.tl-cluster').getAttribute('aria-label') === `${k} events – zoom in to tell them apart, ${document.querySelector('.tl-cluster-dates').textContent}`, n);
  await done(page);
});

test('after a drag, Enter on an event still opens it', async () => {
  const page = await open(ctx, '/?span=2025-10-15..2025-12-31');
  const box = await page.$eval('.tl-timeline', (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
  // Drag on the axis (no mark under it), far enough to count as a drag.
  await page.mouse.move(box.x + box.w / 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.w / 2 + 60, box.y + 10, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('span') !== '2025-10-15..2025-12-31');
  await page.focus('.tl-timeline .tl-event');
  const id = await page.evaluate(() => document.activeElement.dataset.eventId);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tl-detail h2[data-event-id="${id}"]`);
  await done(page);
});

test('zooming keeps the marks that stay on screen in their elements and never moves one in the DOM', async () => {
  // Zooming out of actor lanes regroups many marks: Leptos' keyed list moved 57 elements here
  // (and the browser lays out a moved element from scratch).
  const page = await open(ctx, '/?span=2025-10-01..2026-03-01&group=actor');
  const moved = await page.evaluate(async () => {
    const lanes = document.querySelector('.tl-lanes');
    const log = { moved: 0, added: 0, removed: 0 };
    const watch = new MutationObserver((records) => {
      const gone = new Set();
      const came = new Set();
      for (const r of records) {
        r.removedNodes.forEach((n) => gone.add(n));
        r.addedNodes.forEach((n) => came.add(n));
      }
      for (const n of came) if (gone.has(n)) log.moved++; else log.added++;
      for (const n of gone) if (!came.has(n)) log.removed++;
    });
    watch.observe(lanes, { childList: true });
    const zoom = document.querySelector('[data-action="zoom-out"]');
    for (let i = 0; i < 3; i++) {
      zoom.click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    watch.disconnect();
    return { ...log, total: lanes.querySelectorAll('.tl-event, .tl-cluster').length };
  });
  // Something changed (marks came or went), nothing was moved, and the marks are in place.
  assert.ok(moved.added + moved.removed > 0, JSON.stringify(moved));
  assert.equal(moved.moved, 0, JSON.stringify(moved));
  assert.ok(moved.total > 0, JSON.stringify(moved));
  await done(page);
});

test('dragging the overview brush moves the window', async () => {
  const page = await open(ctx, '/?span=2025-01-01..2025-06-01');
  const brush = await page.$eval('.tl-brush', (el) => { const r = el.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
  await page.mouse.move(brush.x, brush.y);
  await page.mouse.down();
  await page.mouse.move(brush.x + 60, brush.y, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('span') !== '2025-01-01..2025-06-01');
  assert.ok(Date.parse(span(page).split('..')[0]) > Date.parse('2025-01-01'));
  await done(page);
});

test('a 375 px wide screen has no horizontal page scrolling', async () => {
  const page = await open(ctx, '/', { viewport: { width: 375, height: 800 } });
  await settle(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  // The list takes over from the timeline on narrow screens.
  await page.waitForSelector('.tl-list');
  assert.equal(await page.$('.tl-timeline'), null);
  assert.deepEqual(await visibleIds(page), allIds);
  await done(page);
});

for (const scheme of ['light', 'dark']) {
  for (const view of ['timeline', 'list']) {
    test(`axe-core finds no serious or critical violation (${view}, ${scheme})`, async () => {
      const page = await freshPage(ctx, { colorScheme: scheme, reducedMotion: 'reduce' });
      await page.goto(`${ctx.base}/?view=${view}&event=vance-charter-2026`);
      await live(page);
      await settle(page);
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => window.axe.run(document.querySelector('.tl-root'), { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(bad, []);
      await done(page);
    });
  }
}
