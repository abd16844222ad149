// Hostile input and the strict CSP in every engine: the XSS corpus (tests/e2e/hostile-corpus.mjs)
// in every text field of a dataset and in every URL parameter, with the canary; and a page that
// breaks the policy on purpose, to show that each engine's reports reach the test that caused them
// (so that "no report" in every other test means something).
//
// The canary: `alert`, `confirm`, `prompt`, `print` and `open` set `window.__xss`. Where the engine
// has WebDriver BiDi they are replaced before any page script runs; elsewhere (WebKit) as soon as
// the page has loaded, before the hostile dataset is handed over. Either way a payload that ran
// would also set `top.__xss` itself, and a dialog it opened would fail the next WebDriver command
// ("unexpected alert open").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, Key, until } from './driver.mjs';
import { ALLOWED_TAGS, CORPUS, PARAMS, armCanary, assertInertReport, cap, chars, hostileDataset, inertReport } from '../e2e/hostile-corpus.mjs';

forEachEngine((ctx) => {
  let preloaded = false;
  /** Arms the canary before page scripts where the engine can, then opens `path`. */
  async function openArmed(path, options) {
    if (!preloaded) preloaded = await ctx.preload(armCanary);
    await ctx.open(path, options);
    if (!preloaded) await ctx.js(armCanary);
  }
  const assertInert = async (where) => assertInertReport(await ctx.js(inertReport, ALLOWED_TAGS), `${ctx.name}, ${where}`);

  test('a page that breaks the policy is reported, and the report is filed under its test', async () => {
    await ctx.open('/tests/fixtures/csp-probe.html', { wait: false });
    const reports = await until(async () => { const r = await ctx.reports(); return r.length > 0 && r; }, 'a CSP report');
    assert.equal(reports.length, 1, JSON.stringify(reports));
    assert.match(reports[0], /style-src/);
    assert.match(reports[0], /csp-probe\.html/);
    await ctx.done({ expectedReports: 1 });
  });

  test('a payload in every text field of a dataset is shown as text and never runs', async () => {
    const data = hostileDataset();
    const byId = Object.fromEntries(data.events.map((e) => [e.id, e]));
    await openArmed('/tests/fixtures/hostile.html', { wait: false });
    await ctx.waitFor(() => document.documentElement.dataset.ready === 'true', [], 'the fixture page to start');
    await ctx.js((text) => window.__mountWith({ data: text }), JSON.stringify(data));
    await ctx.waitForSelector('#widget .tl-event');
    await assertInert('timeline');
    const labels = await ctx.js(() => [...document.querySelectorAll('#widget .tl-event')].map((e) => [e.dataset.eventId, e.querySelector('.tl-event-label').textContent]));
    assert.ok(labels.length > 0, 'some events are drawn on the timeline');
    for (const [id, text] of labels) assert.equal(text, byId[id].title.en, `timeline label of ${id}`);

    await ctx.click('#widget button[data-view="list"]');
    await ctx.waitForSelector('#widget .tl-list');
    const items = await ctx.js(() => [...document.querySelectorAll('#widget .tl-list > li')].map((li) => [li.dataset.eventId, li.querySelector('h3').textContent, li.querySelector('h3 + p').textContent]));
    assert.equal(items.length, data.events.length);
    for (const [id, title, summary] of items) {
      assert.equal(title, byId[id].title.en, `list title of ${id}`);
      assert.equal(summary, byId[id].summary.en, `list summary of ${id}`);
    }
    await assertInert('list');

    // Every event's detail panel, opened with the pointer.
    for (const e of data.events) {
      await ctx.click(`#widget .tl-list li[data-event-id="${e.id}"] h3 button`);
      await ctx.waitFor((id) => document.querySelector('#widget .tl-detail h2')?.dataset.eventId === id, [e.id], `the detail of ${e.id}`);
      const d = await ctx.js(() => {
        const el = document.querySelector('#widget .tl-detail');
        return [el.querySelector('h2').textContent, el.querySelector('.tl-meta + p').textContent,
          [...el.querySelectorAll('.tl-sources a')].map((a) => a.getAttribute('href'))];
      });
      assert.deepEqual(d, [e.title.en, e.summary.en, [e.sources[0].url]], `the detail of ${e.id}`);
    }
    await assertInert('details');
    await ctx.press(Key.ESCAPE);
    await ctx.waitFor(() => !document.querySelector('#widget .tl-detail'), [], 'the panel to close');

    // Typing payloads into the search finds their events and marks the hit inside the verbatim text.
    for (const e of data.events.filter((_, i) => [0, 1, 2, 3, 5, 8].includes(i))) {
      await ctx.click('#widget .tl-search');
      await ctx.js(() => document.querySelector('#widget .tl-search').select());
      await ctx.type(e.title.en);
      await ctx.waitFor((t) => document.querySelector('#widget .tl-search').value === t, [e.title.en], `the search box to hold ${e.title.en}`);
      await ctx.waitFor((id) => document.querySelector(`#widget .tl-list li[data-event-id="${id}"] h3 mark`), [e.id], `${e.id} found and marked`);
      assert.equal(await ctx.js((id) => document.querySelector(`#widget .tl-list li[data-event-id="${id}"] h3`).textContent, e.id), e.title.en);
      await assertInert(`search for ${e.id}`);
    }

    await ctx.click('#widget button[data-lang="de"]');
    await ctx.waitFor(() => document.querySelector('#widget .tl-app')?.getAttribute('lang') === 'de', [], 'German');
    const de = await ctx.js(() => [...document.querySelectorAll('#widget .tl-list > li')].map((li) => [li.dataset.eventId, li.querySelector('h3').textContent]));
    for (const [id, title] of de) assert.equal(title, byId[id].title.de, `German title of ${id}`);
    await assertInert('German');
    await ctx.done();
  });

  test('a payload in every URL parameter is ignored with a notice shown as text', async () => {
    for (const [i, p] of CORPUS.entries()) {
      const enc = encodeURIComponent(p);
      const query = [...PARAMS.map((k) => `${k}=${enc}`), `${enc}=1`].join('&');
      // The standalone page with every payload, the iframe view with every third.
      for (const path of i % 3 ? [`/?${query}`] : [`/?${query}`, `/embed.html?${query}`]) {
        await openArmed(path);
        const where = `${path.slice(0, 12)} ${JSON.stringify(p.slice(0, 30))}`;
        const notices = await ctx.js(() => [...document.querySelectorAll('.tl-notice li')].map((li) => li.textContent));
        const expected = chars(p).length > 200
          ? '“q” was too long and was shortened.'
          : `Ignored invalid value “${cap(p.split(',').map((s) => s.trim()).find((s) => s))}” for “cat”.`;
        assert.ok(notices.includes(expected), `${where}: ${JSON.stringify(expected)} in ${JSON.stringify(notices)}`);
        assert.equal(await ctx.js(() => document.querySelector('.tl-search').value), chars(p).slice(0, 200).join(''), `${where}: the search box`);
        await assertInert(where);
      }
    }
    await ctx.done();
  });
});
