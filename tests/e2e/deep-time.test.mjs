// Deep time and years BC: a small dataset from the Big Bang to 1990 loads, lists every event
// with its date in the reader's words in English and German, and the axis ticks it sensibly
// on the folded and the linear axis; the URL's `from` takes a year BC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, open, done, listIds, addTimeline } from './helpers.mjs';

const ctx = setup();
const root = new URL('../../', import.meta.url);
const deep = readFileSync(new URL('tests/fixtures/deep-time.json', root), 'utf8');

/** The embedding test page, with a <timeline-explorer> holding the deep-time dataset inline. */
async function widget(attrs) {
  const page = await open(ctx, '/tests/fixtures/embed.html', { wait: false });
  await page.waitForSelector('html[data-ready="true"]');
  await addTimeline(page, { id: 'w', ...attrs }, deep);
  return page;
}

const dates = (page) => page.$$eval('#w .tl-list > li[data-event-id] time', (ts) => ts.map((t) => t.textContent.trim()));
const ticks = (page) => page.$$eval('#w .tl-tick', (ts) => ts.map((t) => t.textContent.trim()));
const ids = ['big-bang', 'euclid-optics', 'hubble-launch'];

test('a deep-time dataset lists every event with its date in words, in English and in German', async () => {
  const page = await widget({ state: 'view=list', lang: 'en' });
  await page.waitForSelector('#w .tl-list');
  assert.deepEqual(await listIds(page, '#w'), ids);
  assert.deepEqual(await dates(page), ['13.8 billion years ago', '300 BC', '24 April 1990']);
  const machine = await page.$$eval('#w .tl-list > li[data-event-id] time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(machine, [null, null, '1990-04-24'], 'HTML dates have no years before AD 1');
  await page.evaluate(() => document.getElementById('w').setAttribute('lang', 'de'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.tl-app')?.lang === 'de');
  assert.deepEqual(await dates(page), ['vor 13,8 Mrd. Jahren', '300 v. Chr.', '24. April 1990']);
  await page.click('#w .tl-list li[data-event-id="big-bang"] h3 button');
  await page.waitForSelector('#w .tl-detail h2[data-event-id="big-bang"]');
  assert.equal((await page.textContent('#w .tl-detail .tl-meta time')).trim(), 'vor 13,8 Mrd. Jahren');
  await done(page);
});

test('the folded axis shows the Big Bang, antiquity and 1990 together with ticks in words', async () => {
  const page = await widget({ lang: 'en' });
  await page.waitForSelector('#w .tl-tick');
  const folded = await ticks(page);
  assert.ok(folded.length >= 3, folded.join(' | '));
  assert.ok(folded.some((t) => / BC$/.test(t)), `years BC on the folded axis: ${folded.join(' | ')}`);
  assert.ok(folded.every((t) => !/^-/.test(t)), 'no ISO years on the axis');
  assert.equal(await page.locator('#w .tl-fold').count(), 1, 'the gap from the Big Bang to antiquity is folded');
  const fold = await page.getAttribute('#w .tl-fold', 'title');
  assert.match(fold, /^No events 13\.8 billion years ago – 30\d BC$/);
  for (const id of ids) await page.waitForSelector(`#w .tl-event[data-event-id="${id}"]`);
  await page.screenshot({ path: new URL('target/deep-time-folded.png', root).pathname });
  // The linear axis spans billions of years; in German too.
  await page.evaluate(() => document.getElementById('w').setAttribute('state', 'axis=linear'));
  await page.evaluate(() => document.getElementById('w').setAttribute('lang', 'de'));
  await page.waitForFunction(() => [...document.getElementById('w').shadowRoot.querySelectorAll('.tl-tick')]
    .some((t) => t.textContent.includes('Mrd. Jahren')));
  const linear = await ticks(page);
  assert.ok(linear.length >= 2 && linear.every((t) => /^vor \d+ Mrd\. Jahren$/.test(t)), linear.join(' | '));
  await page.screenshot({ path: new URL('target/deep-time-linear.png', root).pathname });
  await done(page);
});

test('the exports write deep-time dates, and the calendar file leaves out what a calendar cannot hold and says so', async () => {
  const page = await widget({ state: 'view=list', lang: 'en' });
  await page.waitForSelector('#w .tl-list');
  const body = async (kind) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`#w button[data-export="${kind}"]`)]);
    let text = '';
    for await (const chunk of await dl.createReadStream()) text += chunk;
    return text;
  };
  assert.deepEqual(JSON.parse(await body('json')).events.map((e) => e.date), ['-13800000000', '-0299', '1990-04-24']);
  assert.match(await body('csv'), /'-13800000000,/);
  const ics = await body('ics');
  assert.equal(ics.split('BEGIN:VEVENT').length - 1, 1);
  assert.match(ics, /DTSTART;VALUE=DATE:19900424\r\n/);
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.tl-status')?.textContent
    .includes('2 events are not in the calendar file'));
  await done(page);
});

test('a link from 300 BC on leaves out the Big Bang and reads back in its canonical form', async () => {
  const page = await widget({ state: 'view=list&from=-0299', lang: 'en' });
  await page.waitForSelector('#w .tl-list');
  assert.deepEqual(await listIds(page, '#w'), ['euclid-optics', 'hubble-launch']);
  const state = await page.evaluate(() => document.getElementById('w').getAttribute('state'));
  assert.match(state ?? 'from=-0299', /from=-0299/);
  await done(page);
});
