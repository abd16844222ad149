// Hostile input: an XSS corpus in every text field of a dataset and in every URL
// parameter, and the bounds (a 20 MB dataset, a 1 MB URL, a million-character search).
//
// The pages define nothing a payload could call. A canary proves nothing ran: `window.__xss`
// (which every payload tries to set through `top`, `parent` or `alert`, `confirm`, `prompt`,
// all replaced before any page script runs) must stay unset after rendering, opening every
// event, the list view, searching for each payload and exporting. The hostile dataset also
// runs with the CSP switched off, so the canary cannot be saved by the policy alone. Every
// widget element must be one the widget makes, with no on* attribute, every link http(s),
// and every payload must come out verbatim as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { setup, done, settle, freshPage } from './helpers.mjs';
import { generate } from '../../tools/generate.mjs';
import { ALLOWED_TAGS, CORPUS, PARAMS, armCanary, assertInertReport, cap, chars, hostileDataset, inertReport } from './hostile-corpus.mjs';

const ctx = setup();

/** Opens `path` in a fresh context with the canary armed; problems are collected like helpers.open. */
async function openPage(path, { bypassCSP = false, locale = 'en-US', waitFor = '.tl-app, .tl-error', timeout = 15000 } = {}) {
  const page = await freshPage(ctx, { locale, bypassCSP, acceptDownloads: true });
  await page.context().addInitScript(armCanary);
  page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(ctx.base + path);
  if (waitFor) await page.waitForSelector(waitFor, { timeout });
  if (waitFor) await page.waitForFunction(() => !document.querySelector('.tl-first-view'), null, { timeout });
  return page;
}

/** Mounts a widget on the fixture page through the JS API. */
async function mountWith(page, options) {
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  await page.evaluate((o) => window.__mountWith(o), options);
  await page.waitForSelector('#widget .tl-app, #widget .tl-error', { timeout: 60000 });
}

/** Nothing ran, nothing foreign was built: only the widget's own elements, no handler, http(s) links. */
async function assertInert(page, where) {
  assertInertReport(await page.evaluate(inertReport, ALLOWED_TAGS), where);
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFile(await dl.path(), 'utf8');
}

/** Renders, opens every event, lists, searches each payload and exports, checking as it goes. */
async function exercise(page, data, label) {
  const events = data.events;
  const byId = Object.fromEntries(events.map((e) => [e.id, e]));
  const actorName = Object.fromEntries(data.actors.map((a) => [a.id, a.name]));
  await assertInert(page, `${label}: timeline`);
  const labels = await page.$$eval('#widget .tl-event', (els) => els.map((e) => [e.dataset.eventId, e.querySelector('.tl-event-label').textContent]));
  assert.ok(labels.length > 0, 'some events are drawn on the timeline');
  for (const [id, text] of labels) assert.equal(text, byId[id].title.en, `${label}: timeline label of ${id}`);

  // The list view: titles, summaries, actors and places verbatim.
  await page.click('#widget button[data-view="list"]');
  await page.waitForSelector('#widget .tl-list');
  const items = await page.$$eval('#widget .tl-list > li', (lis) => lis.map((li) => ({
    id: li.dataset.eventId,
    title: li.querySelector('h3').textContent,
    summary: li.querySelector('h3 + p').textContent,
    meta: li.querySelector('.tl-meta').textContent,
  })));
  assert.equal(items.length, events.length);
  for (const it of items) {
    const e = byId[it.id];
    assert.equal(it.title, e.title.en, `${label}: list title of ${it.id}`);
    assert.equal(it.summary, e.summary.en, `${label}: list summary of ${it.id}`);
    assert.equal(it.meta, [...e.actors.map((a) => actorName[a].en), e.place.name.en].join(' · '), `${label}: list meta of ${it.id}`);
  }
  const facetActors = await page.$$eval('#widget .tl-facet[data-facet="actor"] label > span:first-of-type', (s) => s.map((x) => x.textContent));
  assert.deepEqual(facetActors.sort(), data.actors.map((a) => a.name.en).sort(), `${label}: actor names in the filters`);
  const facetPlaces = await page.$$eval('#widget .tl-facet[data-facet="place"] label > span:first-of-type', (s) => s.map((x) => x.textContent));
  assert.deepEqual(facetPlaces.sort(), events.map((e) => e.place.name.en).sort(), `${label}: place names in the filters`);
  await assertInert(page, `${label}: list`);

  // Every event's detail panel.
  for (const e of events) {
    await page.click(`#widget .tl-list li[data-event-id="${e.id}"] h3 button`);
    await page.waitForSelector(`#widget .tl-detail h2[data-event-id="${e.id}"]`);
    const d = await page.$eval('#widget .tl-detail', (el) => ({
      title: el.querySelector('h2').textContent,
      summary: el.querySelector('.tl-meta + p').textContent,
      chips: [...el.querySelectorAll('.tl-chip')].map((c) => c.textContent),
      links: [...el.querySelectorAll('.tl-sources a')].map((a) => [a.textContent, a.getAttribute('href'), a.rel]),
      sources: [...el.querySelectorAll('.tl-sources li')].map((li) => li.textContent),
      text: el.textContent,
    }));
    assert.equal(d.title, e.title.en, `${label}: detail title of ${e.id}`);
    assert.equal(d.summary, e.summary.en, `${label}: detail summary of ${e.id}`);
    assert.deepEqual(d.chips, e.actors.map((a) => actorName[a].en));
    assert.ok(d.text.includes(e.place.name.en), `${label}: the place of ${e.id}`);
    const s = e.sources[0];
    // The headline in quotes is the link; the publisher follows it.
    assert.deepEqual(d.links, [[`“${s.title}”`, s.url, 'noopener noreferrer external']], `${label}: the source of ${e.id}`);
    assert.deepEqual(d.sources, [`“${s.title}”, ${s.publisher}`], `${label}: the source of ${e.id}`);
    await assertInert(page, `${label}: detail of ${e.id}`);
  }
  await page.keyboard.press('Escape');
  await page.waitForSelector('#widget .tl-detail', { state: 'detached' });

  // Searching for each payload finds its event and marks the hit inside the verbatim text.
  for (const e of events) {
    await page.fill('#widget .tl-search', e.title.en);
    const typed = await page.inputValue('#widget .tl-search');
    await settle(page);
    if (typed === e.title.en || (typed.length === 200 && e.title.en.startsWith(typed))) {
      // Found (the box keeps at most 200 chars: a prefix finds the event too) and marked
      // inside the verbatim text.
      await page.waitForSelector(`#widget .tl-list li[data-event-id="${e.id}"]`);
      const hit = await page.$eval(`#widget .tl-list li[data-event-id="${e.id}"] h3`, (h) => [h.textContent, h.querySelectorAll('mark').length]);
      assert.equal(hit[0], e.title.en, `${label}: searched title of ${e.id}`);
      assert.ok(hit[1] > 0, `${label}: the hit is marked in ${e.id}`);
    } else {
      // Typing cannot enter every char (a null byte): the view still answers.
      await page.waitForSelector('#widget .tl-list, #widget .tl-empty');
    }
    await assertInert(page, `${label}: search for ${e.id}`);
  }
  await page.fill('#widget .tl-search', '');

  // Exports are data, downloaded, never run.
  const json = JSON.parse(await download(page, '#widget button[data-export="json"]'));
  assert.deepEqual(json.events.map((e) => e.title).sort((a, b) => a.en.localeCompare(b.en)), events.map((e) => e.title).sort((a, b) => a.en.localeCompare(b.en)));
  assert.match(await download(page, '#widget button[data-export="csv"]'), /^id,date,end,precision/);
  assert.match(await download(page, '#widget button[data-export="ics"]'), /^BEGIN:VCALENDAR\r\n/);
  await assertInert(page, `${label}: after exporting`);

  // The German texts too.
  await page.click('#widget button[data-lang="de"]');
  await page.waitForFunction(() => document.querySelector('#widget .tl-app')?.getAttribute('lang') === 'de');
  const de = await page.$$eval('#widget .tl-list > li', (lis) => lis.map((li) => [li.dataset.eventId, li.querySelector('h3').textContent, li.querySelector('h3 + p').textContent]));
  for (const [id, title, summary] of de) {
    assert.equal(title, byId[id].title.de, `${label}: German title of ${id}`);
    assert.equal(summary, byId[id].summary.de, `${label}: German summary of ${id}`);
  }
  await assertInert(page, `${label}: German`);
}

test('a payload in every text field of a dataset is shown as text and never runs', async () => {
  const data = hostileDataset();
  const page = await openPage('/tests/fixtures/hostile.html', { waitFor: null });
  await mountWith(page, { data: JSON.stringify(data) });
  await exercise(page, data, 'strict CSP');
  await done(page);
});

test('the canary stays unset even with the CSP switched off', async () => {
  const data = hostileDataset();
  const page = await openPage('/tests/fixtures/hostile.html', { waitFor: null, bypassCSP: true });
  await mountWith(page, { data: JSON.stringify(data) });
  await exercise(page, data, 'no CSP');
  await done(page);
});

test('a timeline in a link full of payloads is shown as text and never runs, and the page keeps its name', async () => {
  const data = hostileDataset();
  const value = deflateRawSync(Buffer.from(JSON.stringify(data))).toString('base64url');
  assert.ok(value.length <= 65536, `the link fits (${value.length} characters)`);
  const page = await openPage(`/index.html?view=list#data=${value}`, { waitFor: '.tl-list' });
  await assertInert(page, 'link: list');
  const titles = await page.$$eval('.tl-list > li', (lis) => lis.map((li) => [li.dataset.eventId, li.querySelector('h3').textContent]));
  const byId = Object.fromEntries(data.events.map((e) => [e.id, e]));
  assert.equal(titles.length, data.events.length);
  for (const [id, title] of titles) assert.equal(title, byId[id].title.en, `link: list title of ${id}`);
  for (const e of data.events.slice(0, 5)) {
    await page.click(`.tl-list li[data-event-id="${e.id}"] h3 button`);
    await page.waitForSelector(`.tl-detail h2[data-event-id="${e.id}"]`);
    assert.equal(await page.textContent('.tl-detail h2'), e.title.en);
    await assertInert(page, `link: detail of ${e.id}`);
  }
  assert.equal(await page.title(), data.title.en, 'the page is named by the title as text');
  await done(page);
});

/** A one-event dataset in which `place(event, actors, payload)` puts a payload somewhere. */
function oneEvent(put, p) {
  const data = {
    title: { de: 'T', en: 'T' },
    actors: [{ id: 'a0', kind: 'state', name: { de: 'A', en: 'A' } }],
    events: [{
      id: 'e0', date: '2025-11-06', title: { de: 'T', en: 'T' }, summary: { de: 'S', en: 'S' }, actors: ['a0'],
      categories: ['energy'], tags: ['t0'], place: { id: 'p0', name: { de: 'O', en: 'P' } },
      sources: [{ title: 'S', publisher: 'P', url: 'https://example.org/' }], confidence: 'confirmed',
    }],
  };
  put(data, p);
  return data;
}

// Where a payload makes the dataset invalid: (field named in the message, how to put it there,
// whether the message quotes the value).
const REJECTED = [
  ['Event #1 (e0), sources[0].url:', (d, p) => { d.events[0].sources[0].url = p; }, false],
  ['Event #1 (e0), tags[0]:', (d, p) => { d.events[0].tags[0] = p; }, true],
  ['Event #1 (e0), categories[0]:', (d, p) => { d.events[0].categories[0] = p; }, true],
  ['Event #1 (e0), place.id:', (d, p) => { d.events[0].place.id = p; }, false],
  ['Event #1 (e0), confidence:', (d, p) => { d.events[0].confidence = p; }, true],
  ['Event #1 (e0), date:', (d, p) => { d.events[0].date = p; }, true],
  ['Event #1 (e0), related[0].relation:', (d, p) => { d.events[0].related = [{ id: 'e0', relation: p }]; }, true],
  ['Event #1 (e0), actors[0]:', (d, p) => { d.events[0].actors[0] = p; }, true],
  ['Field actors[0].id:', (d, p) => { d.actors[0].id = p; }, true],
  ['Event #1, id:', (d, p) => { d.events[0].id = p; }, true],
];

test('payloads in links, ids, tags and categories are refused with a message shown as text', async () => {
  const page = await openPage('/tests/fixtures/hostile.html', { waitFor: null });
  const urls = ['javascript:top.__xss=1', 'JaVaScRiPt:top.__xss=1', ' javascript:top.__xss=1', 'data:text/html,<script>top.__xss=1</script>',
    'vbscript:msgbox(1)', '&#x6a;avascript:top.__xss=1', '//evil.example/x', 'java\tscript:top.__xss=1', 'https://'];
  const cases = [];
  for (const u of urls) cases.push([REJECTED[0], u]);
  // A media URL may also be a path relative to the dataset, but never another scheme or host.
  const media = (key) => (d, p) => { d.events[0].media = { url: 'https://youtu.be/x', [key]: p }; };
  // (`&#x6a;avascript:…` is such a path, `&` with a fragment: an attribute set through the DOM
  // decodes no entity, and the browser resolves it to an http(s) address.)
  for (const key of ['url', 'link', 'thumbnail']) {
    for (const u of urls.filter((u) => !u.startsWith('&'))) cases.push([[`Event #1 (e0), media.${key}:`, media(key), false], u]);
  }
  for (const r of REJECTED.slice(1)) for (const p of [CORPUS[1], CORPUS[3], CORPUS[15], CORPUS[16]]) cases.push([r, p]);
  for (const [[field, put, quoted], p] of cases) {
    const data = oneEvent(put, p);
    await mountWith(page, { data: JSON.stringify(data) });
    const err = await page.$eval('#widget .tl-error', (el) => ({
      role: el.getAttribute('role'),
      head: el.querySelector('strong').textContent,
      lines: [...el.querySelectorAll('li')].map((li) => li.textContent),
    }));
    assert.equal(err.role, 'alert');
    assert.equal(err.head, "The timeline's data could not be loaded.");
    const line = err.lines.find((l) => l.startsWith(field.replace('Event #1, id:', `Event #1 (${chars(p).slice(0, 60).join('')}`)) || l.startsWith(field));
    assert.ok(line, `${JSON.stringify(p)} in ${field}: the problem is named (${JSON.stringify(err.lines)})`);
    if (quoted) {
      const head = chars(p).slice(0, 20).join('');
      assert.ok(line.includes(head), `${JSON.stringify(p)} in ${field}: the value is quoted as text in ${JSON.stringify(line)}`);
    }
    await assertInert(page, `${JSON.stringify(p)} in ${field}`);
  }
  await done(page);
});

test('a TimelineJS file full of markup is imported as plain text', async () => {
  const tl = {
    title: { text: { headline: CORPUS[1], text: CORPUS[0] } },
    events: CORPUS.map((p, i) => ({
      start_date: { year: 2025, month: 1 + (i % 12), day: 1 + i },
      text: { headline: p, text: `<p>${p}</p>` },
      group: p,
      unique_id: p,
      media: { url: 'javascript:top.__xss=1', caption: p },
    })),
  };
  const page = await openPage('/tests/fixtures/hostile.html', { waitFor: null });
  await page.route('**/tests/fixtures/hostile-timelinejs.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(tl) }));
  await mountWith(page, { src: '/tests/fixtures/hostile-timelinejs.json', state: 'view=list' });
  await page.waitForSelector('#widget .tl-list');
  const titles = await page.$$eval('#widget .tl-list > li h3', (hs) => hs.map((h) => h.textContent));
  assert.equal(titles.length, CORPUS.length);
  // Entities become the characters they stand for, as text: the escaped script is visible.
  assert.ok(titles.includes('<script>top.__xss=1</script>'), JSON.stringify(titles));
  assert.ok(titles.includes('javascript:top.__xss=1'));
  await assertInert(page, 'TimelineJS list');
  for (const id of await page.$$eval('#widget .tl-list > li', (lis) => lis.map((li) => li.dataset.eventId))) {
    await page.click(`#widget .tl-list li[data-event-id="${id}"] h3 button`);
    await page.waitForSelector(`#widget .tl-detail h2[data-event-id="${id}"]`);
  }
  await assertInert(page, 'TimelineJS details');
  await done(page);
});


test('a payload in every URL parameter is ignored with a notice shown as text', async () => {
  for (const [i, p] of CORPUS.entries()) {
    const enc = encodeURIComponent(p);
    const query = [...PARAMS.map((k) => `${k}=${enc}`), `${enc}=1`].join('&');
    // The standalone page with every payload, the iframe view with every third.
    for (const path of i % 3 ? [`/?${query}`] : [`/?${query}`, `/embed.html?${query}`]) {
      const page = await openPage(path);
      const where = `${path.slice(0, 12)} ${JSON.stringify(p.slice(0, 30))}`;
      const notices = await page.$$eval('.tl-notice li', (lis) => lis.map((li) => li.textContent));
      const expected = chars(p).length > 200
        ? '“q” was too long and was shortened.'
        : `Ignored invalid value “${cap(p.split(',').map((s) => s.trim()).find((s) => s))}” for “cat”.`;
      assert.ok(notices.includes(expected), `${where}: ${JSON.stringify(expected)} in ${JSON.stringify(notices)}`);
      assert.ok(notices.length >= 2 && notices.length <= 10, `${where}: ${notices.length} notices`);
      // The search keeps the payload (at most 200 chars) as the box's value, as text.
      assert.equal(await page.inputValue('.tl-search'), chars(p).slice(0, 200).join(''), `${where}: the search box`);
      await assertInert(page, where);
      await page.click('button[data-view="list"]');
      await page.waitForSelector('.tl-list, .tl-empty');
      await assertInert(page, `${where}, list`);
      await done(page);
    }
  }
});

test('a payload in the state option of the JS API is ignored with a notice', async () => {
  const page = await openPage('/tests/fixtures/hostile.html', { waitFor: null });
  for (const p of CORPUS.slice(0, 8)) {
    const enc = encodeURIComponent(p);
    await mountWith(page, { state: [...PARAMS.map((k) => `${k}=${enc}`), `${enc}=1`].join('&'), lang: p });
    await page.waitForSelector('#widget .tl-notice');
    await assertInert(page, `state ${JSON.stringify(p)}`);
  }
  await done(page);
});

// ---------------------------------------------------------------------------------------------
// Bounds: each ends with a clear message or a working view, and the page stays responsive
// (timings are printed, never asserted).

/** The page answers script and a click on a control still works. */
async function assertResponsive(page, scope = '') {
  assert.equal(await page.evaluate(() => 6 * 7), 42);
  const to = (await page.$(`${scope} .tl-list`)) ? 'timeline' : 'list';
  await page.click(`${scope} button[data-view="${to}"]`, { timeout: 30000 });
  await page.waitForSelector(to === 'list' ? `${scope} .tl-list, ${scope} .tl-empty` : `${scope} .tl-timeline`, { timeout: 30000 });
}

test('bounds: a 1 MB URL is read up to its limit with a notice', async (t) => {
  const payload = encodeURIComponent('<img src=x onerror=top.__xss=1>');
  for (const [name, query] of [
    ['1 MB q', `view=list&q=${payload.repeat(Math.ceil(1e6 / payload.length))}`],
    ['1 MB of unknown parameters', `view=list&${`${payload}=1&`.repeat(Math.ceil(1e6 / (payload.length + 3)))}`],
    ['1 MB tag list', `view=list&tag=${'a,'.repeat(5e5)}`],
  ]) {
    assert.ok(query.length >= 1e6);
    const t0 = Date.now();
    const page = await openPage(`/?${query}`, { timeout: 60000 });
    await page.waitForSelector('.tl-notice');
    const [loaded, shown] = await page.evaluate(() => [performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, performance.now()]);
    t.diagnostic(`bound ${name} in the URL: shown ${Date.now() - t0} ms after navigating (page loaded at ${Math.round(loaded)} ms, widget at ${Math.round(shown)} ms)`);
    const notices = await page.$$eval('.tl-notice li', (lis) => lis.map((li) => li.textContent));
    assert.ok(notices.includes('The link was too long; only its beginning was read.'), JSON.stringify(notices));
    assert.ok(await page.$('button[data-view="list"][aria-pressed="true"]'), 'the valid part (view=list) is kept');
    await page.waitForSelector('.tl-list, .tl-empty');
    // The page's own URL is rewritten to the short canonical form.
    assert.ok(page.url().length < 70 * 1024, `URL of ${page.url().length} chars`);
    await assertResponsive(page);
    await assertInert(page, name);
    await done(page);
  }
});

test('bounds: a million-character search is cut and the view keeps working', async (t) => {
  const page = await openPage('/?view=list');
  const million = 'nato '.repeat(2e5);
  let t0 = Date.now();
  await page.fill('.tl-search', million);
  await settle(page);
  t.diagnostic(`bound million-char search typed into the box: ${Date.now() - t0} ms`);
  const kept = await page.inputValue('.tl-search');
  assert.ok(kept.length <= 200 && million.startsWith(kept), `the box keeps ${kept.length} chars`);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q')?.startsWith('nato nato'));
  await assertResponsive(page);
  // A script (or a paste that bypasses the box's limit) sets a million chars directly.
  t0 = Date.now();
  await page.$eval('.tl-search', (el, v) => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }, 'ä x '.repeat(25e4));
  await settle(page);
  t.diagnostic(`bound million-char search set by script: ${Date.now() - t0} ms`);
  const q = new URL(page.url()).searchParams.get('q') ?? '';
  assert.equal(chars(q).length, 200, 'the URL keeps the first 200 chars of the search');
  assert.equal(chars(await page.inputValue('.tl-search')).length, 200, 'the box shows what is kept');
  assert.equal((await page.textContent('.tl-status')).trim(), 'The search is limited to 200 characters; the rest was left out.');
  assert.match(await page.textContent('.tl-count'), /of \d+ events/);
  await assertResponsive(page);
  await assertInert(page, 'million-char search');
  await done(page);
});

test('bounds: a 20 MB dataset loads into a working view', async (t) => {
  let count = 45000;
  let body = JSON.stringify(generate(count, 42));
  while (body.length < 20 * 1024 * 1024) body = JSON.stringify(generate((count += 2000), 42));
  t.diagnostic(`bound 20 MB dataset: ${body.length} bytes, ${count} events`);
  const page = await openPage('/tests/fixtures/hostile.html', { waitFor: null });
  await page.route('**/tests/fixtures/big-20mb.json', (route) => route.fulfill({ contentType: 'application/json', body }));
  const t0 = Date.now();
  await mountWith(page, { src: '/tests/fixtures/big-20mb.json' });
  await page.waitForSelector('#widget .tl-count', { timeout: 120000 });
  t.diagnostic(`bound 20 MB dataset: shown ${Date.now() - t0} ms after mounting`);
  // Counts are written with thousands separators.
  const all = `${count.toLocaleString('en-GB')} of ${count.toLocaleString('en-GB')} events`;
  assert.equal((await page.textContent('#widget .tl-count')).trim(), all);
  await assertResponsive(page, '#widget');
  const t1 = Date.now();
  await page.fill('#widget .tl-search', 'pipeline 4711');
  await page.waitForFunction((all) => document.querySelector('#widget .tl-count').textContent.trim() !== all,
    all, { timeout: 60000 });
  t.diagnostic(`bound 20 MB dataset: searched in ${Date.now() - t1} ms`);
  assert.match(await page.textContent('#widget .tl-count'), new RegExp(`^\\s*[1-9][\\d,]* of ${count.toLocaleString('en-GB')} events`));
  await assertInert(page, '20 MB dataset');
  await done(page);
});

test('bounds: a 20 MB text in one field is refused with a clear message', async (t) => {
  const huge = '<script>top.__xss=1</script> '.repeat(Math.ceil(20e6 / 29));
  const data = oneEvent((d, p) => { d.events[0].title.en = p; }, huge);
  const body = JSON.stringify(data);
  assert.ok(body.length >= 20e6);
  const page = await openPage('/tests/fixtures/hostile.html', { waitFor: null });
  await page.route('**/tests/fixtures/huge-title.json', (route) => route.fulfill({ contentType: 'application/json', body }));
  const t0 = Date.now();
  await mountWith(page, { src: '/tests/fixtures/huge-title.json' });
  t.diagnostic(`bound 20 MB title: refused ${Date.now() - t0} ms after mounting`);
  const lines = await page.$$eval('#widget .tl-error li', (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(lines, [`Event #1 (e0), title.en: the text has ${[...huge].length.toLocaleString('en-GB')} characters; at most 10,000 are accepted`]);
  assert.equal(await page.evaluate(() => 6 * 7), 42);
  await assertInert(page, '20 MB title');
  await done(page);
});
