// The standalone view in every engine: it loads and draws, filters and searches into the URL,
// follows Back and Forward, zooms with the wheel, pans with a drag, answers the keyboard from the
// top of the page, and shows the list on a narrow window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, Key, Origin, Pointer, allIds, dataset, listIds, shownIds, until } from './driver.mjs';

const ids = (pred) => dataset.events.filter(pred).map((e) => e.id).sort();
const WHEEL = { PIXEL: 0, LINE: 1, PAGE: 2 };
const spanDays = (s) => {
  const [a, b] = s.split('..').map((d) => Date.parse(d));
  return (b - a) / 86400000;
};

forEachEngine((ctx) => {
  test('the standalone view loads and draws every event in the timeline over the whole period and in the list', async () => {
    await ctx.open('/?span=all');
    await ctx.waitForSelector('.tl-timeline .tl-event');
    assert.deepEqual(await ctx.js(shownIds), allIds);
    // Drawn: the marks have a size and lie inside the timeline, the axis has ticks, the overview its brush.
    const drawn = await ctx.js(() => {
      const box = document.querySelector('.tl-timeline').getBoundingClientRect();
      const marks = [...document.querySelectorAll('.tl-timeline .tl-event, .tl-timeline .tl-cluster')].map((m) => m.getBoundingClientRect());
      return {
        width: box.width,
        marks: marks.length,
        sized: marks.filter((r) => r.width >= 4 && r.height >= 20).length,
        inside: marks.filter((r) => r.right > box.left && r.left < box.right && r.top >= box.top && r.bottom <= box.bottom + 1).length,
        ticks: document.querySelectorAll('.tl-tick').length,
        brush: document.querySelector('.tl-brush')?.getBoundingClientRect().width ?? 0,
        background: getComputedStyle(document.querySelector('.tl-root')).backgroundColor,
      };
    });
    assert.ok(drawn.width > 600, `the timeline is ${drawn.width}px wide`);
    assert.ok(drawn.marks > 0 && drawn.sized === drawn.marks && drawn.inside === drawn.marks, JSON.stringify(drawn));
    assert.ok(drawn.ticks >= 2, `${drawn.ticks} ticks`);
    assert.ok(drawn.brush > 0, 'the overview shows its brush');
    // light-dark() resolved to the light background (an engine without it would leave it transparent).
    assert.equal(drawn.background, 'rgb(255, 255, 255)');
    await ctx.click('button[data-view="list"]');
    await ctx.waitForSelector('.tl-list');
    assert.deepEqual(await ctx.js(listIds), allIds);
    assert.equal(await ctx.js(() => document.querySelector('.tl-count').textContent.trim()), `${allIds.length} of ${allIds.length} events`);
    await ctx.done();
  });

  test('facets filter the list and write the URL, and Back and Forward restore the earlier views', async () => {
    await ctx.open('/?view=list');
    await ctx.click('.tl-facet[data-facet="cat"] input[value="energy"]');
    await ctx.waitFor(() => location.search === '?cat=energy&view=list', [], 'cat=energy in the URL');
    const energy = ids((e) => e.categories.includes('energy'));
    assert.deepEqual(await ctx.js(listIds), energy);
    await ctx.click('.tl-facet[data-facet="cat"] input[value="transport"]');
    await ctx.waitFor(() => location.search === '?cat=energy,transport&view=list', [], 'cat=energy,transport in the URL');
    assert.deepEqual(await ctx.js(listIds), ids((e) => e.categories.includes('energy') || e.categories.includes('transport')));
    await ctx.driver.navigate().back();
    await ctx.waitFor(() => location.search === '?cat=energy&view=list', [], 'Back to cat=energy');
    await ctx.waitFor((want) => JSON.stringify([...document.querySelectorAll('.tl-list > li[data-event-id]')].map((e) => e.dataset.eventId).sort()) === want,
      [JSON.stringify(energy)], 'the energy events listed again');
    assert.equal(await ctx.js(() => document.querySelector('.tl-facet[data-facet="cat"] input[value="transport"]').checked), false);
    await ctx.driver.navigate().back();
    await ctx.waitFor(() => location.search === '?view=list', [], 'Back to the unfiltered view');
    await ctx.waitFor((n) => document.querySelectorAll('.tl-list > li[data-event-id]').length === n, [allIds.length], 'every event listed');
    await ctx.driver.navigate().forward();
    await ctx.waitFor(() => location.search === '?cat=energy&view=list', [], 'Forward to cat=energy');
    await ctx.waitFor((n) => document.querySelectorAll('.tl-list > li[data-event-id]').length === n, [energy.length], 'the energy events listed');
    await ctx.done();
  });

  test('typing a search finds events regardless of case, marks the hits and writes the URL', async () => {
    await ctx.open('/?view=list');
    const results = {};
    for (const q of ['azerbaijan', 'AZERBAIJAN']) {
      await ctx.click('.tl-search');
      await ctx.js(() => document.querySelector('.tl-search').select());
      await ctx.type(q);
      await ctx.waitFor((q) => new URL(location.href).searchParams.get('q') === q, [q], `q=${q} in the URL`);
      await ctx.waitFor(() => document.querySelector('.tl-list mark.tl-hit, .tl-empty'), [], 'the result');
      results[q] = await ctx.js(listIds);
    }
    assert.ok(results.azerbaijan.length > 0 && results.azerbaijan.length < allIds.length, JSON.stringify(results));
    assert.deepEqual(results.AZERBAIJAN, results.azerbaijan);
    const marks = await ctx.js(() => [...document.querySelectorAll('.tl-list mark.tl-hit')].map((m) => m.textContent.toLowerCase()));
    assert.ok(marks.length > 0 && marks.every((m) => m === 'azerbaijan'), marks.join());
    // Emptying the box with the keyboard shows everything again.
    await ctx.js(() => document.querySelector('.tl-search').select());
    await ctx.press(Key.BACK_SPACE);
    await ctx.waitFor(() => !new URL(location.href).searchParams.has('q'), [], 'q gone from the URL');
    await ctx.waitFor((n) => document.querySelectorAll('.tl-list > li[data-event-id]').length === n, [allIds.length], 'every event listed');
    await ctx.done();
  });

  test('the wheel zooms in around the pointer and a drag pans to earlier time', async () => {
    const start = '2025-01-01..2026-03-01';
    await ctx.open(`/?span=${start}`);
    await ctx.waitForSelector('.tl-timeline .tl-event');
    const box = await ctx.js(() => { const r = document.querySelector('.tl-timeline').getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width }; });
    // A wheel turned towards the reader over the right quarter of the timeline.
    await ctx.driver.actions({ async: true })
      .scroll(Math.round(box.x + box.w * 0.75), Math.round(box.y + 100), 0, -300, Origin.VIEWPORT).perform();
    const zoomed = await ctx.waitFor((s) => { const v = new URL(location.href).searchParams.get('span'); return v !== s && v; }, [start], 'the span to change');
    assert.ok(spanDays(zoomed) < spanDays(start), `zoomed in: ${zoomed}`);
    assert.ok(Date.parse(zoomed.split('..')[0]) > Date.parse('2025-01-01'), `towards the pointer: ${zoomed}`);
    // A drag to the right on the axis (no mark under it) shows earlier time, at the same zoom.
    const y = Math.round(box.y + 12);
    await ctx.driver.actions({ async: true })
      .move({ origin: Origin.VIEWPORT, x: Math.round(box.x + 200), y }).press()
      .move({ origin: Origin.VIEWPORT, x: Math.round(box.x + 250), y, duration: 50 })
      .move({ origin: Origin.VIEWPORT, x: Math.round(box.x + 320), y, duration: 50 })
      .move({ origin: Origin.VIEWPORT, x: Math.round(box.x + 400), y, duration: 50 })
      .release().perform();
    const panned = await ctx.waitFor((s) => { const v = new URL(location.href).searchParams.get('span'); return v !== s && v; }, [zoomed], 'the span to move');
    assert.ok(Date.parse(panned.split('..')[0]) < Date.parse(zoomed.split('..')[0]), `earlier: ${zoomed} -> ${panned}`);
    assert.ok(Math.abs(spanDays(panned) - spanDays(zoomed)) <= 2, `same length: ${zoomed} -> ${panned}`);
    await ctx.done();
  });

  test('a wheel that counts in lines zooms as far as one that counts in pixels, and one that counts in pages further', async () => {
    // WebDriver's wheel always counts in pixels; a wheel event as engines send it in line or
    // page mode is made in the page (Firefox reports lines for a mouse wheel where a page reads
    // deltaMode first, and pages where the system scrolls a page per notch).
    const start = '2025-01-01..2026-03-01';
    const zoomBy = async (deltaY, deltaMode) => {
      await ctx.open(`/?span=${start}`);
      await ctx.waitForSelector('.tl-timeline .tl-event');
      await ctx.js((deltaY, deltaMode) => {
        const el = document.querySelector('.tl-timeline');
        const r = el.getBoundingClientRect();
        el.dispatchEvent(new WheelEvent('wheel', { deltaY, deltaMode, clientX: r.x + r.width / 2, clientY: r.y + 100, bubbles: true, cancelable: true }));
      }, deltaY, deltaMode);
      return spanDays(await ctx.waitFor((s) => { const v = new URL(location.href).searchParams.get('span'); return v !== s && v; }, [start], 'the span to change'));
    };
    const pixels = await zoomBy(-120, WHEEL.PIXEL);
    const lines = await zoomBy(-3, WHEEL.LINE);
    const page = await zoomBy(-1, WHEEL.PAGE);
    assert.ok(pixels < spanDays(start) * 0.9, `120 px zoom in: ${pixels} days`);
    assert.ok(Math.abs(lines - pixels) <= 1, `3 lines (${lines} days) as 120 px (${pixels} days)`);
    assert.ok(page < pixels, `a page (${page} days) further than 120 px (${pixels} days)`);
    await ctx.done();
  });

  test('one finger dragging pans the timeline and two fingers spreading zoom in', async (t) => {
    const start = '2025-06-01..2025-12-01';
    await ctx.open(`/?span=${start}`);
    await ctx.waitForSelector('.tl-timeline .tl-event');
    const box = await ctx.js(() => { const r = document.querySelector('.tl-timeline').getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width }; });
    const y = Math.round(box.y + 12);
    const at = (x) => ({ origin: Origin.VIEWPORT, x: Math.round(box.x + x), y, duration: 50 });
    await ctx.js(() => {
      window.__pointerTypes = new Set();
      document.addEventListener('pointerdown', (e) => window.__pointerTypes.add(e.pointerType), true);
    });
    const one = new Pointer('finger-1', Pointer.Type.TOUCH);
    await ctx.driver.actions({ async: true }).insert(one,
      one.move(at(300)), one.press(), one.move(at(360)), one.move(at(420)), one.move(at(480)), one.release()).perform();
    const types = await ctx.js(() => [...window.__pointerTypes]);
    if (!types.includes('touch')) {
      // WebKitWebDriver (GTK) plays touch actions as the mouse: two fingers would be one pointer.
      t.skip(`${ctx.name}: its WebDriver delivers touch actions as pointer type ${types.join(', ')}, not touch`);
      await ctx.done();
      return;
    }
    const panned = await ctx.waitFor((s) => { const v = new URL(location.href).searchParams.get('span'); return v !== s && v; }, [start], 'the span to move');
    assert.ok(Date.parse(panned.split('..')[0]) < Date.parse('2025-06-01'), `earlier: ${panned}`);
    assert.ok(Math.abs(spanDays(panned) - spanDays(start)) <= 2, `same length: ${panned}`);
    const two = new Pointer('finger-2', Pointer.Type.TOUCH);
    const mid = box.w / 2;
    await ctx.driver.actions({ async: true })
      .insert(one, one.move(at(mid - 40)), one.press(), one.move(at(mid - 80)), one.move(at(mid - 120)), one.move(at(mid - 160)), one.release())
      .insert(two, two.move(at(mid + 40)), two.press(), two.move(at(mid + 80)), two.move(at(mid + 120)), two.move(at(mid + 160)), two.release())
      .perform();
    const pinched = await ctx.waitFor((s) => { const v = new URL(location.href).searchParams.get('span'); return v !== s && v; }, [panned], 'the span to change');
    assert.ok(spanDays(pinched) < spanDays(panned) * 0.6, `zoomed in: ${panned} -> ${pinched}`);
    await ctx.done();
  });

  test('the view follows the window: the timeline lays itself out at the new width, and a narrow window gets the list', async () => {
    await ctx.open('/?span=2025-01-01..2026-03-01');
    await ctx.waitForSelector('.tl-timeline .tl-event');
    const layout = () => ctx.js(() => {
      const box = document.querySelector('.tl-timeline')?.getBoundingClientRect();
      const last = [...document.querySelectorAll('.tl-timeline .tl-tick')].map((t) => t.getBoundingClientRect().left).at(-1);
      return box ? { width: Math.round(box.width), lastTick: Math.round(last - box.left) } : null;
    });
    const wide = await layout();
    try {
      const [w] = await ctx.setViewport(1000, 900);
      assert.equal(w, 1000);
      const narrower = await ctx.waitFor((before) => {
        const box = document.querySelector('.tl-timeline').getBoundingClientRect();
        const last = [...document.querySelectorAll('.tl-timeline .tl-tick')].map((t) => t.getBoundingClientRect().left).at(-1);
        return box.width < before.width - 200 && last - box.left < before.lastTick - 100 && { width: Math.round(box.width), lastTick: Math.round(last - box.left) };
      }, [wide], 'the axis to be laid out again at the new width');
      assert.ok(narrower.lastTick <= narrower.width, JSON.stringify({ wide, narrower }));
      const [narrow] = await ctx.setViewport(560, 900);
      assert.ok(narrow < 600, `${narrow} px`);
      await ctx.waitFor(() => document.querySelector('.tl-list') && !document.querySelector('.tl-timeline'), [], 'the list instead of the timeline');
    } finally {
      assert.deepEqual(await ctx.setViewport(1280, 900), [1280, 900]);
    }
    await ctx.waitFor(() => document.querySelector('.tl-timeline .tl-event'), [], 'the timeline back on a wide window');
    await ctx.done();
  });

  test('Tab from the top of the page reaches the timeline; arrows, Enter, Escape and + work there', async () => {
    await ctx.open('/?span=2025-10-15..2025-12-31');
    await ctx.waitForSelector('.tl-timeline .tl-event');
    const where = () => ctx.js(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'body';
      return el.classList.contains('tl-event') ? `event:${el.dataset.eventId}` : `${el.tagName.toLowerCase()}.${el.className}`;
    });
    const path = [];
    for (let i = 0; i < 150 && !path.at(-1)?.startsWith('event:'); i++) {
      await ctx.press(Key.TAB);
      path.push(await where());
    }
    const first = path.at(-1);
    assert.ok(first?.startsWith('event:'), `Tab reached the timeline: ${path.join(' > ')}`);
    assert.ok(path.some((p) => p.includes('tl-search')), `the search box comes before the timeline: ${path.join(' > ')}`);
    const order = dataset.events.map((e) => e.id);
    await ctx.press(Key.ARROW_RIGHT);
    const second = await until(async () => { const w = await where(); return w !== first && w.startsWith('event:') && w; }, 'focus to move to the next event');
    assert.ok(order.indexOf(second.slice(6)) > order.indexOf(first.slice(6)), `${first} -> ${second}`);
    await ctx.press(Key.ENTER);
    await ctx.waitFor((id) => document.querySelector('.tl-detail h2')?.dataset.eventId === id, [second.slice(6)], 'the detail panel of the focused event');
    await ctx.press(Key.ESCAPE);
    await ctx.waitFor(() => !document.querySelector('.tl-detail'), [], 'the panel to close');
    await ctx.waitFor((id) => document.activeElement?.dataset?.eventId === id, [second.slice(6)], 'focus back on the event');
    const before = spanDays(new URL(await ctx.driver.getCurrentUrl()).searchParams.get('span'));
    await ctx.press('+');
    await ctx.waitFor((d) => {
      const s = new URL(location.href).searchParams.get('span').split('..').map(Date.parse);
      return (s[1] - s[0]) / 86400000 < d;
    }, [before], '+ to zoom in');
    await ctx.done();
  });

  test('Copy link puts the view\'s link on the clipboard, and pasting it gives the same link', async () => {
    await ctx.open('/?view=list&cat=energy,military');
    await ctx.click('.tl-copy');
    await ctx.waitFor(() => document.querySelector('.tl-status').textContent.trim(), [], 'the status line');
    assert.equal(await ctx.js(() => document.querySelector('.tl-status').textContent.trim()), 'Link copied');
    // Paste it with the keyboard into the search box (which keeps up to 200 characters).
    await ctx.click('.tl-search');
    await ctx.driver.actions({ async: true }).keyDown(Key.CONTROL).sendKeys('v').keyUp(Key.CONTROL).perform();
    const pasted = await ctx.waitFor(() => document.querySelector('.tl-search').value, [], 'the pasted text');
    assert.equal(new URL(pasted).search, '?cat=military,energy&view=list');
    await ctx.done();
  });

  test('a phone-sized window shows the list instead of the timeline, without sideways scrolling', async (t) => {
    const [width] = await ctx.setViewport(390, 844);
    try {
      if (width !== 390) t.diagnostic(`${ctx.name}: the window cannot be narrower than ${width} px; tested at that width`);
      assert.ok(width < 600, `a narrow window (${width} px)`);
      await ctx.open('/');
      await ctx.waitForSelector('.tl-list');
      assert.equal(await ctx.js(() => document.querySelector('.tl-timeline')), null);
      assert.deepEqual(await ctx.js(shownIds), allIds);
      const overflow = await ctx.js(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      // One column: the filters sit above the list (the container query), not beside it.
      const [filters, list] = await ctx.js(() => ['.tl-filters', '.tl-list'].map((s) => document.querySelector(s).getBoundingClientRect().toJSON()));
      assert.ok(filters.bottom <= list.top + 1 && Math.abs(filters.left - list.left) < 20, `${JSON.stringify(filters)} / ${JSON.stringify(list)}`);
      await ctx.done();
    } finally {
      assert.deepEqual(await ctx.setViewport(1280, 900), [1280, 900]);
    }
  });
});
