// Dates as readers see them. Display dates: an event's own `date_text` (and TimelineJS3's
// `display_date`) stands in for the generated date in the list, the detail panel and on the
// timeline's mark, in each language, while the event stays placed by its date. Periods: labelled
// bands behind the events on the timeline, and headings in the list where they begin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, open, done, listIds, addTimeline } from './helpers.mjs';

const ctx = setup();
const root = new URL('../../', import.meta.url);
const baltic = JSON.parse(readFileSync(new URL('www/demo-data/baltic.json', root), 'utf8'));

/** The embedding test page, with a <timeline-explorer> holding `data` inline. */
async function widget(id, attrs, data) {
  const page = await open(ctx, '/tests/fixtures/embed.html', { wait: false });
  await page.waitForSelector('html[data-ready="true"]');
  await addTimeline(page, { id, ...attrs }, JSON.stringify(data));
  return page;
}

const text = (page, sel) => page.textContent(sel).then((t) => t.trim());

test('a display date is shown instead of the generated date in the list, the detail and on the mark, in both languages', async () => {
  const picked = ['finland-joins-nato-2023', 'estlink-2-2024'];
  const events = baltic.events.filter((e) => picked.includes(e.id)).map((e) => ({ ...e, related: [] }));
  events[0].date_text = { de: 'Frühjahr 2023 <b>(Beitritt)</b>', en: 'Spring 2023 <b>(accession)</b>' };
  const page = await widget('w', { state: 'view=list', lang: 'de' }, { ...baltic, events });
  await page.waitForSelector('#w .tl-list');
  const order = await page.$$eval('#w .tl-list > li[data-event-id]', (els) => els.map((e) => e.dataset.eventId));
  assert.deepEqual(order, picked, 'still in date order');
  const time = (id) => text(page, `#w .tl-list li[data-event-id="${id}"] time`);
  assert.equal(await time('finland-joins-nato-2023'), 'Frühjahr 2023 <b>(Beitritt)</b>', 'shown as text');
  assert.equal(await page.$eval('#w', (el) => el.shadowRoot.querySelectorAll('b').length), 0);
  assert.equal(await page.getAttribute('#w .tl-list li[data-event-id="finland-joins-nato-2023"] time', 'datetime'), '2023-04-04');
  assert.equal(await time('estlink-2-2024'), '25. Dezember 2024', 'an event without one keeps the generated date');
  await page.click('#w .tl-list li[data-event-id="finland-joins-nato-2023"] h3 button');
  await page.waitForSelector('#w .tl-detail h2[data-event-id="finland-joins-nato-2023"]');
  assert.equal(await text(page, '#w .tl-detail .tl-meta time'), 'Frühjahr 2023 <b>(Beitritt)</b>');
  // On the timeline, then in English: the mark's date line reads the display date.
  const markDate = () => page.$eval('#w', (el) => el.shadowRoot
    .querySelector('.tl-timeline .tl-event[data-event-id="finland-joins-nato-2023"] .tl-event-date')?.textContent);
  await page.evaluate(() => document.getElementById('w').setAttribute('state', 'event=finland-joins-nato-2023'));
  await page.waitForSelector('#w .tl-timeline .tl-event[data-event-id="finland-joins-nato-2023"]');
  assert.equal(await markDate(), 'Frühjahr 2023 <b>(Beitritt)</b>');
  await page.evaluate(() => document.getElementById('w').setAttribute('lang', 'en'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.tl-app')?.lang === 'en');
  assert.equal(await markDate(), 'Spring 2023 <b>(accession)</b>');
  assert.equal(await text(page, '#w .tl-detail .tl-meta time'), 'Spring 2023 <b>(accession)</b>');
  await done(page);
});

test('a TimelineJS3 display_date is shown as the event date in the list and the detail', async () => {
  const timeline = {
    title: { text: { headline: 'Light' } },
    events: [
      { start_date: { year: 1990, month: 4, day: 24 }, display_date: 'Spring 1990', text: { headline: 'Hubble launched' }, unique_id: 'hubble' },
      { start_date: { year: 2021, month: 12, day: 25 }, text: { headline: 'Webb launched' }, unique_id: 'webb' },
    ],
  };
  const page = await widget('tl', { state: 'view=list', lang: 'en' }, timeline);
  await page.waitForSelector('#tl .tl-list');
  assert.deepEqual(await listIds(page, '#tl'), ['hubble', 'webb']);
  assert.equal(await text(page, '#tl .tl-list li[data-event-id="hubble"] time'), 'Spring 1990');
  assert.equal(await text(page, '#tl .tl-list li[data-event-id="webb"] time'), '25 December 2021');
  await page.click('#tl .tl-list li[data-event-id="hubble"] h3 button');
  await page.waitForSelector('#tl .tl-detail h2[data-event-id="hubble"]');
  assert.equal(await text(page, '#tl .tl-detail .tl-meta time'), 'Spring 1990');
  await done(page);
});

test('periods are drawn as labelled bands behind the events and named in the list where they begin', async () => {
  const picked = ['nord-stream-damage-2022', 'finland-joins-nato-2023', 'estlink-2-2024', 'rail-baltica-2030'];
  const events = baltic.events.filter((e) => picked.includes(e.id)).map((e) => ({ ...e, related: [] }));
  const periods = [
    { id: 'accession', title: { de: 'Beitritte <i>zur NATO</i>', en: 'NATO <i>accessions</i>' }, from: '2023-01', to: '2024-03', category: 'diplomacy' },
    { id: 'quiet', title: { de: 'Ruhe', en: 'Quiet' }, from: '2026', to: '2027' },
  ];
  const page = await widget('w', { state: 'span=2022-01-01..2031-01-01', lang: 'en' }, { ...baltic, events, periods });
  // Drawn, and laid out at the widget's width (its first frame may come before the width is known).
  await page.waitForFunction(() => document.getElementById('w').shadowRoot
    .querySelector('.tl-timeline .tl-period[data-period-id="accession"]')?.getBoundingClientRect().width > 0);
  const box = (sel) => page.$eval(sel, (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right }; });
  const band = await box('#w .tl-timeline .tl-period[data-period-id="accession"]');
  const inside = await box('#w .tl-timeline .tl-event[data-event-id="finland-joins-nato-2023"]');
  const before = await box('#w .tl-timeline .tl-event[data-event-id="nord-stream-damage-2022"]');
  assert.ok(band.left <= inside.left && inside.left < band.right, `the 2023 event starts on the band (${JSON.stringify([band, inside])})`);
  assert.ok(before.left < band.left, 'the 2022 event is before it');
  assert.equal(await text(page, '#w .tl-period[data-period-id="accession"] .tl-period-label'), 'NATO <i>accessions</i>', 'shown as text');
  assert.equal(await text(page, '#w .tl-period[data-period-id="quiet"]'), 'Quiet', 'a band with no events is drawn too');
  assert.equal(await page.$eval('#w', (el) => el.shadowRoot.querySelectorAll('i').length), 0);
  // In the list, in German: a heading above the first event within each period, none for a period without events.
  await page.evaluate(() => document.getElementById('w').setAttribute('state', 'view=list'));
  await page.waitForSelector('#w .tl-list');
  await page.evaluate(() => document.getElementById('w').setAttribute('lang', 'de'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.tl-period-heading .tl-period-title')?.textContent === 'Beitritte <i>zur NATO</i>');
  const headings = await page.$$eval('#w .tl-list > li', (lis) => lis.map((li) => [li.dataset.eventId,
    [...li.querySelectorAll('.tl-period-heading')].map((h) => h.textContent)]).filter(([, hs]) => hs.length));
  assert.deepEqual(headings, [['finland-joins-nato-2023', ['Beitritte <i>zur NATO</i>Januar 2023 – März 2024']]]);
  assert.equal(await page.$eval('#w .tl-period-heading', (h) => h.tagName), 'H3');
  await done(page);
});
