// Filters, search and shareable URLs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, done, listIds, settle, allIds, dataset } from './helpers.mjs';
import { generate } from '../../tools/generate.mjs';

const ctx = setup();
const ids = (pred) => dataset.events.filter(pred).map((e) => e.id).sort();

test('clicking facets filters the events and writes the URL', async () => {
  const page = await open(ctx, '/?view=list');
  await page.check('.tl-facet[data-facet="cat"] input[value="military"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('cat') === 'military');
  assert.deepEqual(await listIds(page), ids((e) => e.categories.includes('military')));
  await page.check('.tl-facet[data-facet="cat"] input[value="energy"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('cat') === 'military,energy');
  assert.deepEqual(await listIds(page), ids((e) => e.categories.includes('military') || e.categories.includes('energy')));
  await page.check('.tl-facet[data-facet="actor"] input[value="kz"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('actor') === 'kz');
  const expected = ids((e) => (e.categories.includes('military') || e.categories.includes('energy')) && e.actors.includes('kz'));
  assert.deepEqual(await listIds(page), expected);
  assert.equal((await page.textContent('.tl-count')).trim(), `${expected.length} of ${allIds.length} events`);
  // Facet counts show what each value would give with the other filters.
  const kzCount = await page.textContent('.tl-facet[data-facet="actor"] input[value="kz"] ~ .tl-facet-count');
  assert.equal(Number(kzCount), expected.length);
  await page.click('.tl-clear');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('cat'));
  assert.deepEqual(await listIds(page), allIds);
  await done(page);
});

test('search is case- and diacritic-insensitive in both languages and marks the matches', async () => {
  const page = await open(ctx, '/?view=list');
  const results = {};
  for (const q of ['aserbaidschan', 'Azerbaijan', 'AZERBAIJAN', 'türkei', 'TURKEI']) {
    await page.fill('.tl-search', q);
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, q);
    await settle(page);
    results[q] = await listIds(page);
  }
  assert.ok(results.aserbaidschan.length > 0);
  assert.deepEqual(results.Azerbaijan, results.AZERBAIJAN);
  assert.deepEqual(results.türkei, results.TURKEI);
  await page.fill('.tl-search', 'chart');
  await page.waitForSelector('.tl-list mark.tl-hit');
  // Items that stay while the search grows are marked again, in the elements they have.
  await page.$$eval('.tl-list > li', (lis) => lis.forEach((li) => { li.__kept = true; }));
  await page.fill('.tl-search', 'charter');
  await page.waitForFunction(() => [...document.querySelectorAll('.tl-list mark.tl-hit')].every((m) => m.textContent.toLowerCase() === 'charter'));
  const marked = await page.$$eval('.tl-list mark.tl-hit', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marked.length > 0 && marked.every((m) => m === 'charter'), marked.join());
  assert.ok(await page.$$eval('.tl-list > li', (lis) => lis.some((li) => li.__kept)), 'some items were kept');
  // Without a search nothing is marked, in kept items either.
  await page.fill('.tl-search', '');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  await settle(page);
  assert.equal(await page.$$eval('.tl-list mark', (ms) => ms.length), 0);
  await done(page);
});

test('a copied URL opened cold reproduces events, selection, window, lanes and language', async () => {
  const url = '/?cat=military,energy&from=2025-11&to=2026-02&event=kz-nato-shells-2025&span=2025-10-01..2026-03-01&group=category&lang=de';
  const page = await open(ctx, url);
  await page.waitForSelector('.tl-detail h2[data-event-id="kz-nato-shells-2025"]');
  assert.equal(await page.getAttribute('.tl-app', 'lang'), 'de');
  assert.equal(await page.$eval('.tl-lanes-select', (s) => s.value), 'category');
  const lanes = await page.$$eval('.tl-lane-label', (ls) => ls.length);
  assert.ok(lanes >= 2);
  const from = Date.UTC(2025, 10, 1), to = Date.UTC(2026, 2, 1);
  const expected = ids((e) => (e.categories.includes('military') || e.categories.includes('energy'))
    && Date.parse((e.end || e.date).length === 7 ? (e.end || e.date) + '-28' : (e.end || e.date)) >= from
    && Date.parse(e.date.length === 7 ? e.date + '-01' : e.date) < to);
  await page.click('button[data-view="list"]');
  await page.waitForSelector('.tl-list');
  assert.deepEqual(await listIds(page), expected);
  // The canonical URL keeps every part (parameters in a fixed order).
  const q = new URL(page.url()).search;
  assert.equal(q, '?cat=military,energy&from=2025-11&to=2026-02&event=kz-nato-shells-2025&span=2025-10-01..2026-03-01&group=category&view=list&lang=de');
  await done(page);
});

test('Back and Forward restore the earlier views', async () => {
  const page = await open(ctx, '/?view=list');
  await page.check('.tl-facet[data-facet="cat"] input[value="energy"]');
  await page.waitForFunction(() => location.search.includes('cat=energy'));
  const energy = await listIds(page);
  await page.check('.tl-facet[data-facet="cat"] input[value="transport"]');
  await page.waitForFunction(() => location.search.includes('cat=energy,transport'));
  await page.goBack();
  await page.waitForFunction(() => location.search === '?cat=energy&view=list');
  await settle(page);
  assert.deepEqual(await listIds(page), energy);
  assert.equal(await page.isChecked('.tl-facet[data-facet="cat"] input[value="transport"]'), false);
  await page.goBack();
  await page.waitForFunction(() => location.search === '?view=list');
  await settle(page);
  assert.deepEqual(await listIds(page), allIds);
  await page.goForward();
  await page.waitForFunction(() => location.search === '?cat=energy&view=list');
  await settle(page);
  assert.deepEqual(await listIds(page), energy);
  await done(page);
});

test('Back after ticking a category and typing a search undoes the search alone, a second Back the category', async () => {
  const page = await open(ctx, '/?view=list');
  await page.click('.tl-facet[data-facet="cat"] input[value="energy"]');
  await page.waitForFunction(() => location.search === '?cat=energy&view=list');
  await settle(page);
  const energy = await listIds(page);
  await page.click('.tl-search');
  await page.keyboard.type('baku', { delay: 30 });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'baku');
  await settle(page);
  const searched = await listIds(page);
  assert.ok(searched.length < energy.length, 'the search narrows the energy events');
  // One Back undoes the whole typing (all four keystrokes were one entry) and keeps the category.
  await page.goBack();
  await page.waitForFunction(() => location.search === '?cat=energy&view=list');
  await settle(page);
  assert.equal(await page.inputValue('.tl-search'), '');
  assert.equal(await page.isChecked('.tl-facet[data-facet="cat"] input[value="energy"]'), true);
  assert.deepEqual(await listIds(page), energy);
  // The second Back undoes the category.
  await page.goBack();
  await page.waitForFunction(() => location.search === '?view=list');
  await settle(page);
  assert.equal(await page.isChecked('.tl-facet[data-facet="cat"] input[value="energy"]'), false);
  assert.deepEqual(await listIds(page), allIds);
  // Forward twice brings the category, then the search, back.
  await page.goForward();
  await page.waitForFunction(() => location.search === '?cat=energy&view=list');
  await page.goForward();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'baku');
  await settle(page);
  assert.equal(await page.inputValue('.tl-search'), 'baku');
  assert.deepEqual(await listIds(page), searched);
  await done(page);
});

const badInputs = [
  ['/?cat=foo,energy&view=list', (s) => s.cat === 'energy', /foo/],
  ['/?from=2025-13&to=garbage&view=list', (s) => !s.from && !s.to, /2025-13/],
  ['/?from=2026-02&to=2025-11&view=list', (s) => s.from === '2025-11' && s.to === '2026-02', /./],
  ['/?event=no-such-event&view=list', (s) => !s.event, /no-such-event/],
  ['/?unknown=1&view=list', (s) => !s.unknown, /unknown/],
  ['/?span=2026-01-01..2025-01-01&view=list', (s) => !s.span, /span/],
  ['/?group=sideways&lang=xx&view=list', (s) => !s.group && !s.lang, /sideways/],
  ['/?q=' + encodeURIComponent('<script>window.__pwned=1</script>') + '&view=list', (s) => s.q?.startsWith('<script>'), null],
  ['/?q=' + 'x'.repeat(5000) + '&view=list', (s) => s.q.length === 200, /q/],
  ['/?%E0%A4%A=%&&&=&view=list', () => true, /./],
];

for (const [url, check, noticeText] of badInputs) {
  test(`bad input keeps the page working: ${url.slice(0, 60)}`, async () => {
    const page = await open(ctx, url);
    await page.waitForSelector('.tl-list, .tl-empty');
    await settle(page);
    const s = Object.fromEntries(new URL(page.url()).searchParams);
    assert.ok(check(s), `state after decode: ${JSON.stringify(s).slice(0, 200)}`);
    if (noticeText) {
      const notice = await page.textContent('.tl-notice');
      assert.match(notice, noticeText);
      await page.click('.tl-notice .tl-dismiss');
      await page.waitForSelector('.tl-notice', { state: 'detached' });
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.$$eval('.tl-root script, .tl-root img', (els) => els.length), 0);
    await done(page);
  });
}

test('export offers the filtered events as JSON, CSV and iCalendar files named after the view', async () => {
  const page = await open(ctx, '/?cat=energy&view=list');
  const expected = ids((e) => e.categories.includes('energy'));
  for (const [kind, ext] of [['json', 'json'], ['csv', 'csv'], ['ics', 'ics']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-export="${kind}"]`)]);
    assert.match(download.suggestedFilename(), new RegExp(`energy.*\\.${ext}$`));
    const stream = await download.createReadStream();
    let body = '';
    for await (const chunk of stream) body += chunk;
    if (kind === 'json') assert.deepEqual(JSON.parse(body).events.map((e) => e.id).sort(), expected);
    if (kind === 'csv') assert.equal(body.trim().split('\n').length, expected.length + 1);
    if (kind === 'ics') assert.equal(body.split('BEGIN:VEVENT').length - 1, expected.length);
  }
  await done(page);
});

test('an export whose writer cannot be loaded says so in the reader’s language, and the next try downloads the file', async () => {
  const page = await open(ctx, '/?view=list&lang=de');
  // The file exports are written by the import module, loaded on the first export.
  await page.route(/timeline_explorer_import/, (route) => route.abort());
  await page.click('button[data-export="csv"]');
  await page.waitForFunction(() => document.querySelector('.tl-status').textContent.length > 0);
  assert.equal(await page.textContent('.tl-status'), 'Die Datei ließ sich nicht erstellen. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.');
  await page.unroute(/timeline_explorer_import/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  await page.waitForFunction(() => document.querySelector('.tl-status').textContent === '');
  page.problems = page.problems.filter((p) => !/timeline_explorer_import|ERR_FAILED|dynamically imported module/.test(p));
  await done(page);
});

test('copy link puts the canonical URL on the clipboard', async () => {
  const page = await open(ctx, '/?view=list&cat=energy,military');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('.tl-copy');
  await page.waitForFunction(() => document.querySelector('.tl-status').textContent.length > 0);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(text).search, '?cat=military,energy&view=list');
  await done(page);
});

test('the list shows long results in pages of 200 and keeps the items that stay in their elements', async () => {
  const data = generate(450, 7);
  const energy = data.events.filter((e) => e.categories.includes('energy'));
  assert.ok(energy.length > 20 && energy.length < 200, `${energy.length} energy events`);
  const page = await open(ctx, '/tests/fixtures/hostile.html', { wait: false });
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  await page.evaluate((text) => window.__mountWith({ data: text, state: 'view=list', lang: 'en' }), JSON.stringify(data));
  await page.waitForSelector('#widget .tl-list li');
  const items = () => page.$$eval('#widget .tl-list > li', (lis) => lis.map((li) => li.dataset.eventId));
  assert.equal((await items()).length, 200);
  assert.equal((await page.textContent('#widget .tl-more')).trim(), 'Show more events (250)');
  await page.click('#widget .tl-more');
  await page.waitForFunction(() => document.querySelectorAll('#widget .tl-list > li').length === 400);
  assert.equal((await page.textContent('#widget .tl-more')).trim(), 'Show more events (50)');
  // Tag the elements of the energy events, then filter to energy: the same elements stay.
  await page.$$eval('#widget .tl-list > li[data-category="energy"]', (lis) => lis.forEach((li) => { li.__kept = true; }));
  const tagged = await page.$$eval('#widget .tl-list > li[data-category="energy"]', (lis) => lis.length);
  assert.ok(tagged > 10, `${tagged} energy items tagged`);
  await page.check('#widget .tl-facet[data-facet="cat"] input[value="energy"]');
  await page.waitForFunction((n) => document.querySelectorAll('#widget .tl-list > li').length === n, energy.length);
  assert.deepEqual((await items()).sort(), energy.map((e) => e.id).sort());
  assert.equal(await page.$$eval('#widget .tl-list > li', (lis) => lis.filter((li) => li.__kept).length), tagged);
  assert.equal(await page.$('#widget .tl-more'), null);
  // Facet counts follow the filter, and a value that would show nothing is marked.
  const count = (facet, value) => page.$eval(`#widget .tl-facet[data-facet="${facet}"] input[value="${value}"] ~ .tl-facet-count`, (el) => Number(el.textContent));
  const zero = (facet, value) => page.$eval(`#widget .tl-facet[data-facet="${facet}"] input[value="${value}"]`, (el) => el.closest('label').classList.contains('tl-zero'));
  assert.equal(await count('cat', 'energy'), energy.length);
  const tags = [...new Set(data.events.flatMap((e) => e.tags))];
  const unused = tags.find((t) => !energy.some((e) => e.tags.includes(t)));
  const used = tags.find((t) => energy.some((e) => e.tags.includes(t)));
  assert.ok(unused && used, 'the generated data has a tag no energy event has');
  assert.equal(await count('tag', unused), 0);
  assert.equal(await zero('tag', unused), true);
  assert.equal(await count('tag', used), energy.filter((e) => e.tags.includes(used)).length);
  assert.equal(await zero('tag', used), false);
  // No results: a message instead of the list, and the list is back when the filter is cleared.
  await page.fill('#widget .tl-search', 'no such words anywhere');
  await page.waitForSelector('#widget .tl-empty');
  assert.equal(await page.$eval('#widget .tl-list', (el) => el.hidden && el.offsetHeight === 0), true);
  await page.click('#widget .tl-clear');
  await page.waitForFunction(() => document.querySelectorAll('#widget .tl-list > li').length === 200);
  assert.equal(await page.$('#widget .tl-empty'), null);
  // Opening an item marks it, and only it, as selected; closing the panel unmarks it.
  const first = (await items())[3];
  await page.click(`#widget .tl-list li[data-event-id="${first}"] h3 button`);
  await page.waitForSelector(`#widget .tl-detail h2[data-event-id="${first}"]`);
  const marked = () => page.$$eval('#widget .tl-list > li.tl-selected', (lis) => lis.map((li) => li.dataset.eventId));
  assert.deepEqual(await marked(), [first]);
  await page.click('#widget .tl-detail .tl-close');
  await page.waitForFunction(() => !document.querySelector('#widget .tl-list > li.tl-selected'));
  await done(page);
});

test('filtering over and over in either view does not grow the widget\'s memory', async () => {
  // Bindings in each list item once kept the memory of every item ever shown: about 100 KB per
  // filter change here, 30 MB over these 300.
  const data = generate(450, 7);
  for (const view of ['list', 'timeline']) {
    const page = await open(ctx, '/tests/fixtures/hostile.html', { wait: false });
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
    await page.evaluate(([text, state]) => window.__mountWith({ data: text, state, lang: 'en' }), [JSON.stringify(data), `view=${view}`]);
    await page.waitForSelector(view === 'list' ? '#widget .tl-list li' : '#widget .tl-event, #widget .tl-cluster');
    const toggle = (n) => page.evaluate(async (n) => {
      const box = document.querySelector('#widget .tl-facet[data-facet="cat"] input[value="energy"]');
      for (let i = 0; i < n; i++) {
        box.click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return window.__wasmBytes();
    }, n);
    const warm = await toggle(20);
    const after = await toggle(300);
    assert.ok(after - warm < 4 * 1024 * 1024, `${view}: wasm memory grew from ${warm} to ${after} bytes`);
    // And the view still shows the right events.
    assert.equal((await page.textContent('#widget .tl-count')).trim(), `${data.events.length.toLocaleString('en-GB')} of ${data.events.length.toLocaleString('en-GB')} events`);
    await done(page);
  }
});

test('opening and closing the detail panel over and over does not grow the widget\'s memory', async () => {
  // Each panel once subscribed to the language, and a Leptos signal keeps a dropped subscriber
  // until it next changes: 1.0-1.5 KB per event opened stayed until the reader switched
  // languages (0.4-0.6 MB over these 500; now about 0.15 MB, as for any 1,000 state changes).
  const data = generate(450, 7);
  const page = await open(ctx, '/tests/fixtures/hostile.html', { wait: false });
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  await page.evaluate((text) => window.__mountWith({ data: text, state: 'view=list&lang=en' }), JSON.stringify(data));
  await page.waitForSelector('#widget .tl-list li h3 button');
  const cycle = (n) => page.evaluate(async (n) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (let i = 0; i < n; i++) {
      document.querySelectorAll('#widget .tl-list li h3 button')[i % 50].click();
      await frame();
      if (!document.querySelector('#widget .tl-detail h2')) throw new Error(`the panel did not open (${i})`);
      document.querySelector('#widget .tl-detail .tl-close').click();
      await frame();
    }
    return window.__wasmBytes();
  }, n);
  const warm = await cycle(20);
  const after = await cycle(500);
  assert.ok(after - warm < 256 * 1024, `wasm memory grew from ${warm} to ${after} bytes`);
  // The panel still works, and follows a change of language while it is open (it is made
  // again in the new language).
  await page.click('#widget .tl-list li:nth-child(8) h3 button');
  const id = await page.getAttribute('#widget .tl-detail h2', 'data-event-id');
  const shown = data.events.find((e) => e.id === id);
  assert.equal((await page.textContent('#widget .tl-detail h2')).trim(), shown.title.en);
  await page.click('#widget button[data-lang="de"]');
  await page.waitForFunction((t) => document.querySelector('#widget .tl-detail h2')?.textContent.trim() === t, shown.title.de);
  assert.equal(await page.getAttribute('#widget .tl-detail h2', 'data-event-id'), id);
  assert.equal(await page.getAttribute('#widget .tl-detail .tl-close', 'aria-label'), 'Schließen');
  await done(page);
});
