// The first screen: where the timeline opens, how it uses its space, the folded axis, the
// legend, the title card, a phone's first screen and the keyboard path past the filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, done, visibleIds, settle, allIds, dataset } from './helpers.mjs';

const ctx = setup();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

const dayOf = (iso) => {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
};
const [viewStart, viewEnd] = dataset.view.replace('span=', '').split('..').map(dayOf);
/** The events the embedded dataset's opening view is about: those that start inside it. */
const storyIds = dataset.events.filter((e) => dayOf(e.date) >= viewStart && dayOf(e.date) < viewEnd).map((e) => e.id).sort();
const earlierIds = dataset.events.filter((e) => dayOf(e.date) < viewStart).map((e) => e.id);

/** Each event mark on screen: id, box, and whether its title shows whole (not cut or clamped). */
const marksOnScreen = (page) => page.$$eval('.tl-timeline .tl-event', (els) => els.map((el) => {
  const r = el.getBoundingClientRect();
  const label = el.querySelector('.tl-event-label');
  return {
    id: el.dataset.eventId,
    left: r.left, right: r.right, top: r.top, bottom: r.bottom,
    whole: label.scrollHeight <= label.clientHeight + 1 && label.scrollWidth <= label.clientWidth + 1,
    title: label.textContent,
  };
}));

const overlapping = (marks) => {
  const pairs = [];
  for (let i = 0; i < marks.length; i++) {
    for (let j = i + 1; j < marks.length; j++) {
      const [a, b] = [marks[i], marks[j]];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) pairs.push(`${a.id} / ${b.id}`);
    }
  }
  return pairs;
};

test('at 1366 × 900 the story events each show as a mark of their own with their whole title, inside the first screen, in English and in German', async () => {
  assert.ok(storyIds.length >= 15, `the opening view holds the story (${storyIds.length} events)`);
  // The opening view in English and in German, and in German as a link with only the language
  // opens it (the whole period).
  for (const query of ['', `?${dataset.view}&lang=de`, '?lang=de']) {
    const story = query !== '?lang=de';
    const page = await open(ctx, `/${query}`, { viewport: DESKTOP });
    await page.waitForSelector('.tl-timeline .tl-event');
    await settle(page);
    const span = new URL(page.url()).searchParams.get('span');
    if (story) assert.equal(span, dataset.view.replace('span=', ''), 'it opens on the dataset view');
    const marks = await marksOnScreen(page);
    const clusters = await page.$$eval('.tl-timeline .tl-cluster', (els) => els.length);
    const shown = marks.map((m) => m.id).sort();
    if (story) {
      assert.equal(clusters, 0, `${query}: nothing is clustered`);
      for (const id of storyIds) assert.ok(shown.includes(id), `${query}: ${id} is drawn`);
    }
    // Every mark on the first screen, the story's and the context's, shows its whole title.
    const cut = marks.filter((m) => !m.whole && m.bottom > 0 && m.top < DESKTOP.height).map((m) => `${m.id}: "${m.title}"`);
    assert.deepEqual(cut, [], `${query}: every title on the first screen shows whole`);
    for (const m of marks.filter((x) => story && storyIds.includes(x.id))) {
      assert.ok(m.top >= 0 && m.bottom <= DESKTOP.height && m.left >= 0 && m.right <= DESKTOP.width, `${m.id} lies on the first screen: ${JSON.stringify(m)}`);
    }
    assert.deepEqual(overlapping(marks), [], `${query}: no two marks overlap`);
    await done(page);
  }
});

/** The day after the last day an ISO date (year, month or day) stands for. */
const dayAfter = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  if (d) return Date.UTC(y, m - 1, d + 1) / 86400000;
  if (m) return Date.UTC(y, m, 1) / 86400000;
  return Date.UTC(y + 1, 0, 1) / 86400000;
};
/** The events over before the opening view begins: the signpost at its left edge counts them. */
const overBeforeIds = dataset.events.filter((e) => dayAfter(e.end || e.date) <= viewStart).map((e) => e.id);

for (const lang of ['en', 'de']) {
  test(`at 1366 × 900 in ${lang === 'en' ? 'English' : 'German'} no box begins before the stage: an event over before the opening view is left to the signpost`, async () => {
    assert.ok(overBeforeIds.length >= 5, `${overBeforeIds.length} events are over before the view`);
    const page = await open(ctx, '/', { viewport: DESKTOP, locale: lang === 'en' ? 'en-GB' : 'de-DE' });
    assert.equal(await page.getAttribute('.tl-app', 'lang'), lang);
    await page.waitForSelector('.tl-timeline .tl-event');
    await settle(page);
    const { stage, boxes } = await page.$eval('.tl-timeline .tl-stage', (el) => {
      const s = el.getBoundingClientRect();
      const boxes = [...el.querySelectorAll('.tl-event')].map((m) => {
        const r = m.getBoundingClientRect();
        const label = m.querySelector('.tl-event-label');
        return { id: m.dataset.eventId, left: r.left, right: r.right, uncut: label.scrollWidth <= label.clientWidth + 1 };
      });
      return { stage: { left: s.left, right: s.right }, boxes };
    });
    for (const b of boxes) {
      assert.ok(!overBeforeIds.includes(b.id), `${b.id} is over before the view and is not drawn`);
      assert.ok(b.left >= stage.left - 1, `${b.id} begins on the stage: ${JSON.stringify(b)} ${JSON.stringify(stage)}`);
      assert.ok(b.uncut, `${b.id}'s title is not cut at the side`);
    }
    const signpost = await page.$eval('.tl-edge-earlier', (el) => Number(el.dataset.count));
    assert.ok(signpost >= overBeforeIds.length, `the signpost counts the ${overBeforeIds.length} events over before the view: ${signpost}`);
    await done(page);
  });
}

/**
 * Each event mark whose date bar starts on the stage: its box and its bar, the stage's edges, and
 * whether its title is cut at the side.
 */
const marksDatedOnStage = (page) => page.$eval('.tl-timeline .tl-stage', (stage) => {
  const s = stage.getBoundingClientRect();
  return {
    stage: { left: s.left, right: s.right },
    marks: [...stage.querySelectorAll('.tl-event')].map((el) => {
      const r = el.getBoundingClientRect();
      const bar = el.querySelector('.tl-event-bar').getBoundingClientRect();
      const label = el.querySelector('.tl-event-label');
      return {
        id: el.dataset.eventId, flipped: el.classList.contains('tl-flip'),
        left: r.left, right: r.right, top: r.top, bottom: r.bottom, barLeft: bar.left, barRight: bar.right,
        // Not cut at the side (a lone event in a cluster row has a cluster's width, and a long
        // title there is cut after three lines, as in any box that narrow).
        uncut: label.scrollWidth <= label.clientWidth + 1,
        title: label.textContent,
      };
    }).filter((m) => m.barLeft >= s.left - 2 && m.barLeft < s.right),
  };
});

for (const [path, viewport] of [
  ['/embed.html', { width: 800, height: 600 }],
  // The standalone page's narrowest stage that shows the timeline (518 px; narrower, the list
  // takes over).
  ['/', { width: 800, height: 800 }],
  ['/?group=category', { width: 1366, height: 900 }],
]) {
  test(`at ${viewport.width} × ${viewport.height} on ${path} every box dated on the stage lies on it whole, its date bar at its date`, async () => {
    const page = await open(ctx, path, { viewport });
    await page.waitForSelector('.tl-timeline .tl-event');
    await settle(page);
    const { stage, marks } = await marksDatedOnStage(page);
    assert.ok(marks.length >= 5, `${marks.length} boxes are dated on the stage`);
    for (const m of marks) {
      // A long interval whose title fits may run on past the edge: only its bar does.
      if (m.barRight > stage.right + 1 && !m.flipped) continue;
      assert.ok(m.left >= stage.left - 1 && m.right <= stage.right + 1, `${m.id} ("${m.title}") lies on the stage ${JSON.stringify(stage)}: ${JSON.stringify(m)}`);
      assert.ok(m.uncut, `${m.id}: "${m.title}" is not cut at the side: ${JSON.stringify(m)}`);
      // The bar is the box's left end, or (ending at its date) its right end.
      const end = m.flipped ? m.right - m.barRight : m.barLeft - m.left;
      assert.ok(end >= -1 && end <= 6, `${m.id}'s bar is at its ${m.flipped ? 'right' : 'left'} end: ${JSON.stringify(m)}`);
    }
    assert.deepEqual(overlapping(marks), [], 'no two boxes overlap');
    await done(page);
  });
}

test('the events before the opening view are signposted, and following the signpost shows them with the story', async () => {
  const page = await open(ctx, '/', { viewport: DESKTOP });
  const signpost = await page.waitForSelector('.tl-edge-earlier');
  assert.equal(await signpost.getAttribute('data-count'), String(earlierIds.length));
  assert.match(await signpost.textContent(), new RegExp(`← ${earlierIds.length} earlier events`));
  assert.equal(await page.$('.tl-edge-later'), null, 'nothing lies after the story');
  await signpost.click();
  await page.waitForSelector('.tl-edge-earlier', { state: 'detached' });
  await settle(page);
  assert.deepEqual(await visibleIds(page), allIds, 'every event is drawn, one by one or in a cluster');
  // The folded axis keeps the decades without events short: the story still spans most of the width.
  const folds = await page.$$eval('.tl-fold', (els) => els.map((e) => e.getAttribute('title')));
  assert.ok(folds.length >= 1, 'long empty stretches are folded');
  for (const f of folds) assert.match(f, /^No events \d{4}(–\d{4})?$/);
  await page.goBack();
  await page.waitForSelector('.tl-edge-earlier');
  await done(page);
});

test('the folded and the linear axis place the same event at the same date', async () => {
  // Energy events: the 2018 convention, then the 2025–2026 story, with years between them.
  const checked = {};
  for (const axis of ['', '&axis=linear']) {
    const page = await open(ctx, `/?cat=energy&span=all${axis}`, { viewport: DESKTOP });
    await page.waitForSelector('.tl-timeline .tl-event');
    await settle(page);
    const result = await page.evaluate(() => {
      const px = (el) => parseFloat(el.style.left);
      const ticks = [...document.querySelectorAll('.tl-tick')].map((t) => ({ day: Number(t.dataset.day), x: px(t) })).sort((a, b) => a.x - b.x);
      const folds = [...document.querySelectorAll('.tl-fold')].map((f) => ({ x: parseFloat(f.style.left), w: parseFloat(f.style.width) }));
      // A box at the right edge that ends at its date (tl-flip) does not start there.
      const marks = [...document.querySelectorAll('.tl-timeline .tl-event:not(.tl-flip)')].map((m) => ({ id: m.dataset.eventId, x: px(m) }));
      const dates = {};
      for (const m of marks) {
        // Two neighbouring ticks around the mark with no fold between them.
        for (let i = 0; i + 1 < ticks.length; i++) {
          const [a, b] = [ticks[i], ticks[i + 1]];
          if (a.x > m.x || b.x < m.x) continue;
          if (folds.some((f) => f.x + f.w > a.x && f.x < b.x)) continue;
          dates[m.id] = a.day + ((m.x - a.x) / (b.x - a.x)) * (b.day - a.day);
        }
      }
      return { folds: folds.length, dates };
    });
    if (axis) assert.equal(result.folds, 0, 'the linear axis folds nothing');
    else assert.ok(result.folds >= 1, 'the folded axis folds the empty years');
    checked[axis || 'folded'] = result.dates;
    await done(page);
  }
  let compared = 0;
  for (const [id, linear] of Object.entries(checked['&axis=linear'])) {
    const folded = checked.folded[id];
    const event = dataset.events.find((e) => e.id === id);
    assert.ok(Math.abs(linear - dayOf(event.date)) <= 2, `${id} on the linear axis: ${linear} vs ${dayOf(event.date)}`);
    if (folded === undefined) continue;
    assert.ok(Math.abs(folded - dayOf(event.date)) <= 2, `${id} on the folded axis: ${folded} vs ${dayOf(event.date)}`);
    compared++;
  }
  assert.ok(compared >= 2, `events placed on both axes: ${compared}`);
});

test('the legend names each category colour with its count, and choosing one filters the events', async () => {
  const page = await open(ctx, '/?span=all', { viewport: DESKTOP });
  const items = await page.$$eval('.tl-legend-item', (els) => els.map((e) => ({ cat: e.dataset.category, text: e.textContent, pressed: e.getAttribute('aria-pressed') })));
  const military = dataset.events.filter((e) => e.categories.includes('military')).length;
  assert.deepEqual(items.map((i) => i.cat), ['diplomacy', 'military', 'energy', 'transport', 'analysis']);
  assert.ok(items.every((i) => i.pressed === 'false'));
  assert.equal(items.find((i) => i.cat === 'military').text, `Military${military}`);
  await page.click('.tl-legend-item[data-category="military"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('cat') === 'military');
  assert.equal(await page.getAttribute('.tl-legend-item[data-category="military"]', 'aria-pressed'), 'true');
  assert.equal((await page.textContent('.tl-count')).trim(), `${military} of ${allIds.length} events`);
  const shown = await visibleIds(page);
  assert.deepEqual(shown, dataset.events.filter((e) => e.categories.includes('military')).map((e) => e.id).sort());
  // The filter panel's box for the category follows.
  assert.equal(await page.isChecked('.tl-filters input[value="military"]'), true);
  await done(page);
});

test('the title card gives the title, the description, the number of events and their dates in both languages', async () => {
  for (const [lang, count, range] of [['en', 'events', '1994 – 13 February 2026'], ['de', 'Ereignisse', '1994 – 13. Februar 2026']]) {
    const page = await open(ctx, `/?lang=${lang}`, { viewport: DESKTOP });
    const card = await page.waitForSelector('.tl-card');
    assert.equal((await page.textContent('.tl-card h1')).trim(), dataset.title[lang]);
    assert.equal((await page.textContent('.tl-description')).trim(), dataset.description[lang]);
    assert.equal((await page.textContent('.tl-card-meta')).trim(), `${dataset.events.length} ${count} · ${range}`);
    assert.ok(await card.isVisible());
    await done(page);
  }
});

test('a phone sees at least three events on its first screen, with no sideways scrolling, and the filters behind one control', async () => {
  const page = await open(ctx, '/', { viewport: PHONE });
  await page.waitForSelector('.tl-list-item');
  await settle(page);
  const inside = await page.$$eval('.tl-list-item', (els, h) => els.filter((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= h;
  }).length, PHONE.height);
  assert.ok(inside >= 3, `${inside} events lie wholly on the first screen`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  assert.ok(await page.isVisible('.tl-search'), 'the search stays');
  for (const hidden of ['.tl-facet', '.tl-lanes-select', '.tl-exports', '.tl-copy']) {
    assert.equal(await page.isVisible(hidden), false, `${hidden} waits behind the Filters control`);
  }
  const toggle = await page.$('.tl-filters-toggle');
  assert.equal((await toggle.textContent()).trim(), 'Filters');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.isVisible('.tl-facet'));
  await page.click('.tl-filters input[value="energy"]');
  await page.waitForFunction(() => document.querySelector('.tl-filters-toggle').textContent.trim() === 'Filters (1)');
  await page.click('.tl-filters-close');
  assert.equal(await page.isVisible('.tl-facet'), false);
  await done(page);
});

test('from the top of the page, Tab reaches the skip link, Enter lands on an event, arrows move between events and Enter opens one', async () => {
  const page = await open(ctx, '/', { viewport: DESKTOP });
  await page.waitForSelector('.tl-timeline .tl-event');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'tl-skip');
  assert.ok(await page.isVisible('.tl-skip'), 'the skip link shows while it has focus');
  await page.keyboard.press('Enter');
  const first = await page.evaluate(() => document.activeElement.dataset.eventId);
  const drawn = (await marksOnScreen(page)).map((m) => m.id);
  assert.ok(drawn.includes(first), `focus lands on an event drawn on the timeline: ${first}`);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('tabindex')), '0');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((id) => document.activeElement.dataset.eventId && document.activeElement.dataset.eventId !== id, first);
  const second = await page.evaluate(() => document.activeElement.dataset.eventId);
  const order = dataset.events.map((e) => e.id);
  assert.equal(order.indexOf(second), order.indexOf(first) + 1, 'the next event in date order');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.tl-detail h2');
  assert.equal(new URL(page.url()).searchParams.get('event'), second);
  await done(page);
});

test('stepping to the next event in the detail panel brings it into view on the timeline', async () => {
  const page = await open(ctx, '/?span=2025-07-20..2025-09-01&event=tripp-announced-2025', { viewport: DESKTOP });
  await page.waitForSelector('.tl-timeline .tl-event[data-event-id="tripp-announced-2025"]');
  assert.equal(await page.$('.tl-timeline .tl-event[data-event-id="ots-gabala-2025"]'), null, 'the next event lies outside the window');
  await page.click('.tl-step-next');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('event') === 'ots-gabala-2025');
  await page.waitForSelector('.tl-timeline .tl-event[data-event-id="ots-gabala-2025"]');
  await done(page);
});
