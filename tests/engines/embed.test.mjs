// Embedding in every engine: the custom element with a dataset from src and one written inline
// (each in its shadow root, with its theme and keyboard focus), its attributes applied live, the
// iframe view, and a broken dataset's message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { forEachEngine, Key, dataset, listIds, shownIds } from './driver.mjs';

const root = new URL('../../', import.meta.url);
const baltic = JSON.parse(readFileSync(new URL('www/demo-data/baltic.json', root), 'utf8'));
const ids = (events, pred = () => true) => events.filter(pred).map((e) => e.id).sort();
const BALTIC = ids(baltic.events);
const BALTIC_ENERGY = ids(baltic.events, (e) => e.categories.includes('energy'));
const BALTIC_MILITARY = ids(baltic.events, (e) => e.categories.includes('military'));
const TIMELINEJS = ['channel-tunnel-1994', 'city-of-culture-1985', 'energy-charter-1994', 'event-5', 'gotthard-2016',
  'oresund-2000', 'schengen-1985'];

/** In the page: adds a <timeline-explorer> with these attributes (and an inline dataset) to the test page. */
function addElement(attrs, inline) {
  const el = document.createElement('timeline-explorer');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (inline !== null) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = inline;
    el.append(script);
  }
  document.getElementById('host').append(el);
}

forEachEngine((ctx) => {
  /** The embedding test page, ready for widgets. */
  async function fixture() {
    await ctx.open('/tests/fixtures/embed.html', { wait: false });
    await ctx.waitFor(() => document.documentElement.dataset.ready === 'true', [], 'the fixture page to start');
  }
  const waitForText = (host, selector, text) => ctx.waitFor(
    (h, s, t) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent.trim() === t,
    [host, selector, text], `${host} ${selector} to read ${text}`);

  test('custom elements show a dataset from src and one written inline, each themed in its shadow root', async () => {
    await ctx.open('/www/demo.html', { wait: false });
    await ctx.waitFor(() => document.querySelector('#element-widget')?.shadowRoot?.querySelector('.tl-event'), [], 'the src widget to draw');
    await waitForText('#inline-widget', '.tl-count', '3 von 3 Ereignissen');
    assert.deepEqual(await ctx.js(shownIds, '#element-widget'), BALTIC_ENERGY);
    assert.deepEqual(await ctx.js(listIds, '#inline-widget'), ['brell-exit', 'island-mode', 'synchronised']);
    // theme="light" and theme="dark" resolve light-dark() colours inside the shadow root: the
    // widget's own, and the host page's --timeline-bg for the inline one (www/demo.css).
    const look = (host) => ctx.js((h) => {
      const s = getComputedStyle(document.querySelector(h).shadowRoot.querySelector('.tl-root'));
      return [s.colorScheme, s.backgroundColor];
    }, host);
    assert.deepEqual(await look('#element-widget'), ['light', 'rgb(255, 255, 255)']);
    assert.deepEqual(await look('#inline-widget'), ['dark', 'rgb(34, 26, 20)']);
    // Keyboard focus inside a shadow root: opening an event moves focus into its panel; Escape
    // closes that panel only and gives focus back.
    await ctx.click('.tl-list li[data-event-id="island-mode"] h3 button', { host: '#inline-widget' });
    await ctx.waitFor(() => document.querySelector('#inline-widget').shadowRoot.querySelector('.tl-detail h2')?.dataset.eventId === 'island-mode',
      [], 'the detail panel in the shadow root');
    await ctx.waitFor(() => document.activeElement?.id === 'inline-widget'
      && document.querySelector('#inline-widget').shadowRoot.activeElement?.closest('.tl-detail') !== null, [], 'focus in the panel');
    await ctx.press(Key.ESCAPE);
    await ctx.waitFor(() => !document.querySelector('#inline-widget').shadowRoot.querySelector('.tl-detail'), [], 'the panel to close');
    await ctx.waitFor(() => document.querySelector('#inline-widget').shadowRoot.activeElement?.closest('li')?.dataset.eventId === 'island-mode',
      [], 'focus back on the item');
    await ctx.done();
  });

  test('the custom element follows its state, lang and src attributes', async () => {
    await fixture();
    await ctx.js(addElement, { id: 'w', src: '/www/demo-data/baltic.json', state: 'cat=energy', lang: 'en' }, null);
    await waitForText('#w', '.tl-count', `${BALTIC_ENERGY.length} of ${BALTIC.length} events`);
    await ctx.js(() => document.getElementById('w').setAttribute('state', 'cat=military&view=list'));
    await ctx.waitFor(() => document.getElementById('w').shadowRoot.querySelector('.tl-list'), [], 'the list');
    assert.deepEqual(await ctx.js(listIds, '#w'), BALTIC_MILITARY);
    await ctx.js(() => document.getElementById('w').setAttribute('lang', 'de'));
    await waitForText('#w', '.tl-count', `${BALTIC_MILITARY.length} von ${BALTIC.length} Ereignissen`);
    await ctx.js(() => {
      const el = document.getElementById('w');
      el.setAttribute('state', 'view=list');
      el.setAttribute('src', '/www/demo-data/timelinejs.json');
    });
    await waitForText('#w', '.tl-count', '7 von 7 Ereignissen');
    assert.deepEqual(await ctx.js(listIds, '#w'), TIMELINEJS);
    await ctx.done();
  });

  test('the iframe view shows its own view and keeps its state in the frame address, not the host one', async () => {
    await ctx.open('/www/demo.html', { wait: false });
    const url = await ctx.driver.getCurrentUrl();
    const frame = await ctx.driver.findElement({ css: '#demo-frame' });
    await ctx.js(() => document.querySelector('#demo-frame').scrollIntoView({ block: 'center' }));
    await ctx.driver.switchTo().frame(frame);
    try {
      await ctx.watchInPage();
      // The frame's first view (static HTML) stays until the widget has drawn over it.
      await ctx.waitFor(() => document.querySelector('.tl-root:not(.tl-first-view) .tl-list')
        && !document.querySelector('.tl-first-view'), [], 'the widget to replace the first view');
      assert.equal(await ctx.js(() => document.querySelector('h1')), null, 'no page heading');
      assert.equal(await ctx.js(() => document.querySelector('.tl-app').lang), 'de');
      assert.deepEqual(await ctx.js(listIds), ids(dataset.events, (e) => e.categories.includes('military')));
      await ctx.click('.tl-facet[data-facet="cat"] input[value="energy"]');
      await ctx.waitFor(() => new URLSearchParams(location.search).get('cat') === 'military,energy', [], 'the frame URL to change');
      assert.deepEqual(await ctx.js(listIds), ids(dataset.events, (e) => e.categories.some((c) => c === 'military' || c === 'energy')));
      const problems = await ctx.problems();
      assert.deepEqual(problems, [], 'no problem in the frame');
    } finally {
      await ctx.driver.switchTo().defaultContent();
    }
    assert.equal(await ctx.driver.getCurrentUrl(), url, 'the host page URL is unchanged');
    await ctx.done();
  });

  test('a broken dataset shows an error naming the events, their ids and fields', async () => {
    await fixture();
    await ctx.js(addElement, { id: 'w', src: '/tests/fixtures/broken.json', lang: 'en' }, null);
    await ctx.waitFor(() => document.getElementById('w').shadowRoot.querySelector('.tl-error li'), [], 'the error');
    const error = await ctx.js(() => {
      const root = document.getElementById('w').shadowRoot;
      return {
        app: Boolean(root.querySelector('.tl-app')),
        role: root.querySelector('.tl-error').getAttribute('role'),
        text: root.querySelector('.tl-error').textContent,
        items: [...root.querySelectorAll('.tl-error li')].map((li) => li.textContent),
        retry: Boolean(root.querySelector('.tl-retry')),
      };
    });
    assert.equal(error.app, false);
    assert.equal(error.role, 'alert');
    assert.match(error.text, /The dataset has errors:/);
    assert.equal(error.items.length, 9, 'eight problems and how many more there are');
    assert.equal(error.items[0], 'Event #2 (impossible-date), date: invalid date “2025-02-30”: no such date');
    assert.match(error.items[1], /^Event #3 \(unsure\), confidence: invalid value: unknown variant `maybe`/);
    assert.equal(error.items[8], '… and 1 more');
    assert.equal(error.retry, false, 'trying again would not help');
    await ctx.done();
  });
});
