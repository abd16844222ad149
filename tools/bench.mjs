// The benchmark (not a test): this widget side by side with vis-timeline and TimelineJS3, in one
// headless Chromium, on seeded generated datasets. Run through `./dev bench`, which builds the
// release bundle first.
//   node tools/bench.mjs [--sizes-only] [--runs N] [--events 1000,10000,100000] [--only ours,vis,tljs]
//                        [--timeout SECONDS] [--mobile-only | --no-mobile] [--mobile-runs N]
// Prints the bundle files' sizes, then one table (this widget, each peer, the ratio ours/peer, the
// targets), then the mobile profile's table (tools/bench-mobile.mjs: a phone's CPU and network,
// first event visible and interactive; --mobile-only measures only that, in about a minute), and
// writes everything to bench-results/bench.json. docs/performance.md explains the figures.
//
// How each figure is taken (the in-page half is tests/fixtures/measure.js, the same for all;
// every widget is loaded fresh three times: for drawing, zoom and pan; for the filter; for search):
// - transfer: the files the page loaded (responses seen by the browser) in gzip (level 9) and
//   brotli (quality 11), as the server's copies have them, by kind (wasm, JS, CSS, other such as
//   fonts, data: gzip only); the fixture pages' own files are left out;
// - drawn: from navigation to the end of the first frame that shows events (median of the loads);
//   for this widget, a note splits the median load at the performance measures it records
//   (timeline-explorer:<id>:fetch and :read) into the time before the dataset request, fetching,
//   reading (parse, validate, index) and the rest until drawn;
// - filter, search: one change applied at the start of a frame; main-thread work (script, style,
//   layout, paint) until the DOM has stopped changing, frames the widget defers work to included,
//   idle time between them not; p50/p95 over up to --runs changes, fewer for a slow widget;
// - zoom, pan: wheel events, or a drag, one step per frame at the centre of the time area; the
//   main-thread work of each frame, p95;
// - memory: the highest JS heap used (sampled every frame and after each phase) plus the wasm
//   memory this widget holds;
// - DOM nodes: elements and text nodes inside the widget, the most after any phase.
// A widget that does not draw within --timeout seconds (default 180) or takes over 30 s for one
// change or one frame is given up there and the figure reported as a timeout.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { generate } from './generate.mjs';
import { toVis, toTimelineJs } from './peers.mjs';
import { startServer } from '../tests/e2e/helpers.mjs';
import { measureMobile, mobileTable, writeMobileData, sizesOf, PROFILE } from './bench-mobile.mjs';

const root = new URL('../', import.meta.url);
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(opt('--runs', 30)) || 30;
const sizes = opt('--events', '1000,10000,100000').split(',').map(Number);
const only = opt('--only', 'ours,vis,tljs').split(',');
const timeoutMs = (Number(opt('--timeout', 180)) || 180) * 1000;
const mobileOnly = args.includes('--mobile-only');
const mobile = !args.includes('--no-mobile');
const mobileRuns = Number(opt('--mobile-runs', 3)) || 3;
const version = (pkg) => JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, root), 'utf8')).version;

const widgets = [
  {
    key: 'ours', name: 'this widget', sizes, actions: ['filter', 'search'],
    page: (n) => `/tests/fixtures/bench.html?src=/bench-results/gen-${n}.json&state=group%3Dcategory`,
    files: [['wasm', 'pkg/timeline_explorer_bg.wasm'], ['js', 'pkg/timeline_explorer.js'], ['css', 'pkg/timeline.css']],
  },
  {
    key: 'vis', name: `vis-timeline ${version('vis-timeline')}`, sizes, actions: ['filter', 'search'],
    page: (n) => `/tests/fixtures/peers/vis.html?src=/bench-results/gen-${n}.vis.json`,
    files: [['js', 'node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js'],
      ['css', 'node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css']],
  },
  {
    // No filter and no search to measure.
    key: 'tljs', name: `TimelineJS3 ${version('@knight-lab/timelinejs')}`, sizes: sizes.filter((n) => n <= 1000), actions: [],
    page: (n) => `/tests/fixtures/peers/tljs.html?src=/bench-results/gen-${n}.tljs.json`,
    files: [['js', 'node_modules/@knight-lab/timelinejs/dist/js/timeline.js'],
      ['css', 'node_modules/@knight-lab/timelinejs/dist/css/timeline.css']],
  },
].filter((w) => only.includes(w.key));

const out = { date: new Date().toISOString(), runs, sizes: {}, widgets: {}, results: [], targets: [] };

// --- Bundle files --------------------------------------------------------------------------
// As the server sends them: the build's gzip (level 9) and brotli (quality 11) copies.
const size = (path) => { const s = sizesOf(`/${path}`); return { raw: s.raw, gzip: s.gzip, brotli: s.br }; };
const num = (x) => (typeof x === 'number' ? Math.round(x).toLocaleString('en-US') : String(x));
console.log('\nBundle files (this widget: the built-in dataset is a file of its own, fetched only by a widget given no dataset)');
console.log('widget'.padEnd(22), 'file'.padEnd(6), 'raw B'.padStart(11), 'gzip B'.padStart(11), 'brotli B'.padStart(11));
for (const w of widgets) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  out.sizes[w.key] = {};
  for (const [kind, path] of w.files) {
    const s = size(path);
    out.sizes[w.key][kind] = { file: path, ...s };
    for (const k of Object.keys(total)) total[k] += s[k];
    console.log(w.name.padEnd(22), kind.padEnd(6), num(s.raw).padStart(11), num(s.gzip).padStart(11), num(s.brotli).padStart(11));
  }
  out.sizes[w.key].total = total;
  console.log(w.name.padEnd(22), 'total'.padEnd(6), num(total.raw).padStart(11), num(total.gzip).padStart(11), num(total.brotli).padStart(11));
}
if (args.includes('--sizes-only')) process.exit(0);

// --- Datasets ------------------------------------------------------------------------------
// Written only when they differ, so that their dates, and the copies made from them, stay. The
// generated datasets are sent as they are (no compressed copies): the desktop figures time the
// widget, and brotli at quality 11 would take minutes for 100,000 events at every run.
mkdirSync(new URL('bench-results/', root), { recursive: true });
const writeIfChanged = (rel, text) => {
  const url = new URL(rel, root);
  if (!existsSync(url) || readFileSync(url, 'utf8') !== text) writeFileSync(url, text);
};
if (!mobileOnly) {
  for (const n of sizes) {
    const ds = generate(n, 42);
    writeIfChanged(`bench-results/gen-${n}.json`, JSON.stringify(ds));
    writeIfChanged(`bench-results/gen-${n}.vis.json`, JSON.stringify(toVis(ds)));
    if (n <= 1000) writeIfChanged(`bench-results/gen-${n}.tljs.json`, JSON.stringify(toTimelineJs(ds)));
  }
}
if (mobile) writeMobileData(writeIfChanged, toVis, toTimelineJs);

// --- Measuring one widget at one size --------------------------------------------------------
const pct = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const kindOf = (path) => {
  // The built-in dataset is data too: a widget given no dataset fetches it (pkg/).
  if (path.startsWith('/bench-results/') || path.endsWith('_events.json')) return 'data';
  if (path.startsWith('/tests/fixtures/')) return 'harness';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.css')) return 'css';
  return 'other';
};
// A widget that takes longer than this for one thing is abandoned there (its page closed), and
// the figure reported as a timeout.
const ACTION_TIMEOUT_MS = 30000;
// Repeated changes: up to `runs`; after this long no more than 3 (and after 3 times as long, no more).
const ACTION_BUDGET_MS = 20000;
// Gestures: stepping stops after this long (the drag is still released).
const GESTURE_BUDGET_MS = 15000;

class Timeout extends Error {}
const deadline = (promise, ms) => {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Timeout()), ms); })])
    .finally(() => clearTimeout(timer));
};

// Waits for the in-page instrument's drawn time through the DevTools protocol itself. Playwright's
// `waitForFunction` first injects Playwright's own helper script (a 330 KB message) into the page,
// which then ran in the middle of the load being timed: 8-12 ms of main-thread work in a trace,
// and the drawn time at 10,000 events 15 ms longer (median of eight loads each, this widget).
// (`page.evaluate`, used once the page is drawn, sends no such script.)
const DRAWN = `new Promise((resolve) => {
  const check = () => (window.__bench ? window.__bench.drawn.then(resolve) : setTimeout(check, 5));
  check();
})`;
async function drawnTime(cdp) {
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: DRAWN, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(exceptionDetails.text);
      return result.value;
    } catch (e) {
      // Asked while the document that was there before the navigation was still current: ask
      // the new one (a few times at most; anything else, such as a closed page, ends it).
      if (attempt >= 20 || !/Execution context was destroyed|Cannot find context/i.test(String(e.message))) throw e;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** One page of widget `w` with `n` events, up to the end of its first drawn frame. */
async function openPage(browser, server, w, n, row) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const p = { page, context, problems: [], loaded: [], heap: 0, nodes: 0 };
  page.on('pageerror', (e) => p.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') p.problems.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() === 200) p.loaded.push(new URL(r.url()).pathname); });
  p.cdp = await context.newCDPSession(page);
  await p.cdp.send('Performance.enable');
  p.run = (fn, arg, ms = ACTION_TIMEOUT_MS) => deadline(page.evaluate(fn, arg), ms);
  p.sample = async () => {
    const { metrics } = await deadline(p.cdp.send('Performance.getMetrics'), ACTION_TIMEOUT_MS);
    const m = metrics.find((x) => x.name === 'JSHeapUsedSize');
    p.heap = Math.max(p.heap, m ? m.value : 0, await p.run(() => window.__bench.heapPeak()));
    p.nodes = Math.max(p.nodes, await p.run(() => window.__bench.nodes()));
    p.wasm = await p.run(() => window.__bench.wasmBytes());
  };
  const started = Date.now();
  try {
    await page.goto(server.base + w.page(n), { waitUntil: 'commit' });
    p.drawn = await deadline(drawnTime(p.cdp), timeoutMs - (Date.now() - started));
    // Our widget times its loading phases in the performance timeline (src/ui/app.rs).
    p.phases = await p.run(() => {
      const phase = (k) => performance.getEntriesByType('measure')
        .find((e) => e.name.startsWith('timeline-explorer:') && e.name.endsWith(`:${k}`));
      const [fetch, read] = [phase('fetch'), phase('read')];
      return read && fetch ? { fetchStart: fetch.startTime, fetch: fetch.duration, readStart: read.startTime, read: read.duration } : null;
    });
    await p.run(() => window.__bench.settle());
    await p.sample();
  } catch (e) {
    if (!(e instanceof Timeout)) throw e;
    p.drawn = null;
  }
  return p;
}

/** Closes a page, adding what it saw to the row (peaks, problems, transfer of the first page). */
async function closePage(p, row) {
  row.js_heap_peak = Math.max(row.js_heap_peak || 0, p.heap);
  row.wasm_memory = Math.max(row.wasm_memory || 0, p.wasm || 0);
  row.dom_nodes = Math.max(row.dom_nodes || 0, p.nodes);
  if (p.problems.length) row.problems = [...(row.problems || []), ...p.problems];
  await deadline(p.context.close(), 30000).catch(() => {});
  row.loaded ??= p.loaded;
}

// Transfer: the files the first page loaded, in gzip (level 9) and brotli (quality 11) as the
// server's copies have them (tools/precompress.mjs). The generated datasets have no copies: they
// are compressed here with gzip after the measuring, so as not to compete with the browser, and
// not with brotli (minutes at 100,000 events).
const gzipped = new Map();
function transferOf(paths) {
  const transfer = {};
  for (const path of new Set(paths)) {
    const kind = kindOf(path);
    if (!gzipped.has(path)) {
      if (kind === 'data') {
        const buf = readFileSync(new URL(decodeURIComponent(path).replace(/^\/+/, ''), root));
        gzipped.set(path, { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, br: 0 });
      } else gzipped.set(path, sizesOf(path));
    }
    const t = (transfer[kind] ??= { raw: 0, gzip: 0, br: 0, files: [] });
    t.raw += gzipped.get(path).raw;
    t.gzip += gzipped.get(path).gzip;
    t.br += gzipped.get(path).br;
    t.files.push(path);
  }
  return transfer;
}

const note = (row, text) => { row.notes = [...(row.notes || []), text]; };
const TIMED_OUT = (ms) => ({ timeout: ms / 1000 });

/**
 * Measures widget `w` with `n` events. Three fresh pages, each starting from everything drawn:
 * one for drawing, memory, zoom and pan; one for the filter; one for search (a widget may take
 * minutes to undo a filter, and each series must start from the same state).
 */
async function measure(browser, server, w, n) {
  const row = { widget: w.key, events: n };
  // The pages that drew, for the drawn time and where it went.
  const loads = [];

  // Page 1: drawn, zoom, pan.
  let p = await openPage(browser, server, w, n, row);
  if (p.drawn == null) {
    row.drawn_ms = TIMED_OUT(timeoutMs);
    note(row, `not drawn within ${timeoutMs / 1000} s: nothing else measured`);
    await closePage(p, row);
    return row;
  }
  loads.push(p);
  row.dom_nodes_drawn = p.nodes;
  const gestures = (await p.run(() => window.__bench.wheelZooms())) ? ['zoom', 'pan'] : ['pan'];
  for (const kind of gestures) {
    const limit = GESTURE_BUDGET_MS + 2 * ACTION_TIMEOUT_MS;
    let r;
    try {
      r = await p.run(([k, budgetMs]) => window.__bench[k]({ budgetMs }), [kind, GESTURE_BUDGET_MS], limit);
    } catch (e) {
      if (!(e instanceof Timeout)) throw e;
      // Still busy with the frames it was given: the page is given up.
      row[`${kind}_p50`] = TIMED_OUT(limit);
      row[`${kind}_p95`] = TIMED_OUT(limit);
      note(row, `${kind}: not done within ${limit / 1000} s, page given up`);
      break;
    }
    row[`${kind}_frames`] = r.work.length;
    row[`${kind}_p50`] = pct(r.work, 50);
    row[`${kind}_p95`] = pct(r.work, 95);
    row[`${kind}_interval_p95`] = pct(r.intervals, 95);
    row[`${kind}_changed_frames`] = r.activeFrames;
    const all = kind === 'zoom' ? 80 : 122;
    if (r.steps < all) note(row, `${kind}: ${r.steps} of ${all} steps in ${GESTURE_BUDGET_MS / 1000} s`);
    if (r.activeFrames <= 2) note(row, `${kind}: only ${r.activeFrames} frames changed the DOM`);
    await p.sample();
  }
  await closePage(p, row);

  // Pages 2 and 3: filter changes, search keystrokes.
  for (const kind of w.actions) {
    p = await openPage(browser, server, w, n, row);
    if (p.drawn == null) {
      note(row, `${kind}: not drawn again within ${timeoutMs / 1000} s`);
      await closePage(p, row);
      continue;
    }
    loads.push(p);
    if (await p.run((k) => window.__bench.has(k), kind)) {
      const busy = [];
      const latency = [];
      const t0 = Date.now();
      try {
        for (let i = 0; i < runs; i++) {
          const elapsed = Date.now() - t0;
          if (i >= 3 && elapsed > ACTION_BUDGET_MS) break;
          if (i >= 1 && elapsed > 3 * ACTION_BUDGET_MS) break;
          const r = await p.run(([k, j]) => window.__bench.action(k, j), [kind, i]);
          busy.push(r.busy);
          latency.push(r.latency);
        }
        await p.sample();
      } catch (e) {
        if (!(e instanceof Timeout)) throw e;
        // The run that did not finish counts as the slowest; the page is given up.
        busy.push(Infinity);
        latency.push(Infinity);
        note(row, `${kind}: run ${busy.length} took over ${ACTION_TIMEOUT_MS / 1000} s, page given up`);
      }
      const show = (x) => (x === Infinity ? TIMED_OUT(ACTION_TIMEOUT_MS) : x);
      row[`${kind}_runs`] = busy.length;
      row[`${kind}_p50`] = show(pct(busy, 50));
      row[`${kind}_p95`] = show(pct(busy, 95));
      row[`${kind}_latency_p50`] = show(pct(latency, 50));
      row[`${kind}_latency_p95`] = show(pct(latency, 95));
    }
    await closePage(p, row);
  }
  row.drawn_all_ms = loads.map((x) => x.drawn);
  row.drawn_ms = pct(row.drawn_all_ms, 50);
  // Where the median load's time went, when the widget says (ours does): the four parts add
  // up to its drawn time.
  const mid = loads.find((x) => x.drawn === row.drawn_ms);
  if (mid?.phases) {
    const ph = mid.phases;
    row.load_phases_ms = {
      before_request: ph.fetchStart, fetch: ph.fetch, read: ph.read, render: mid.drawn - (ph.readStart + ph.read),
    };
    const f = (x) => Math.round(x).toLocaleString('en-US');
    const l = row.load_phases_ms;
    note(row, `drawn ${f(mid.drawn)} ms = ${f(l.before_request)} before the dataset request (page, JS, wasm) + `
      + `${f(l.fetch)} fetching it + ${f(l.read)} reading it (parse, validate, index) + ${f(l.render)} until drawn`);
  }
  row.memory_peak = row.js_heap_peak + row.wasm_memory;
  return row;
}

// --- Run -----------------------------------------------------------------------------------
const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});
const t0 = Date.now();
try {
  for (const n of mobileOnly ? [] : sizes) {
    for (const w of widgets) {
      if (!w.sizes.includes(n)) continue;
      process.stderr.write(`measuring ${w.name} with ${n.toLocaleString('en-US')} events ... `);
      const t = Date.now();
      const row = await measure(browser, server, w, n);
      out.results.push(row);
      process.stderr.write(`${((Date.now() - t) / 1000).toFixed(0)} s\n`);
    }
  }
  if (mobile) {
    // `--only ours` stands for both of this widget's pages (standalone and iframe).
    const pages = only.flatMap((k) => (k === 'ours' ? ['ours', 'embed'] : [k]));
    out.mobile = { profile: PROFILE, runs: mobileRuns, pages: await measureMobile(browser, server, {
      runs: mobileRuns, only: pages, timeoutMs, log: (text) => process.stderr.write(text),
    }) };
  }
} finally {
  await browser.close();
  server.stop();
}
out.seconds = Math.round((Date.now() - t0) / 1000);
for (const row of out.results) {
  row.transfer = transferOf(row.loaded || []);
  delete row.loaded;
  row.transfer_code_gzip = ['wasm', 'js', 'css', 'other'].reduce((a, k) => a + (row.transfer[k]?.gzip || 0), 0);
  row.transfer_code_brotli = ['wasm', 'js', 'css', 'other'].reduce((a, k) => a + (row.transfer[k]?.br || 0), 0);
  row.transfer_data_gzip = row.transfer.data?.gzip || 0;
}
for (const w of widgets) out.widgets[w.key] = w.name;

// --- The table -----------------------------------------------------------------------------
/** The desktop table (this widget and the peers at each size), printed and kept in `out`. */
function desktopTable() {
  const get = (key, n) => out.results.find((r) => r.widget === key && r.events === n);
  const peers = widgets.filter((w) => w.key !== 'ours');
  const fmt = {
    ms: (x) => (x == null ? 'n/a' : x >= 100 ? num(x) : x.toFixed(1)),
    kB: (x) => (x == null ? 'n/a' : (x / 1000).toFixed(1)),
    MB: (x) => (x == null ? 'n/a' : (x / 1e6).toFixed(1)),
    n: (x) => (x == null ? 'n/a' : num(x)),
  };
  // Each figure: [label, unit, value(row) or null, at which sizes].
  const firstRow = (key) => out.results.find((r) => r.widget === key && r.transfer && Object.keys(r.transfer).length);
  const code = (kind) => (key) => { const r = firstRow(key); return r ? (kind ? r.transfer[kind]?.gzip ?? 0 : r.transfer_code_gzip) : undefined; };
  const lines = [];
  const line = (label, unit, value, target) => lines.push({ label, unit, value, target });
  line('transfer wasm, gzip', 'kB', code('wasm'));
  line('transfer JS, gzip', 'kB', code('js'));
  line('transfer CSS, gzip', 'kB', code('css'));
  line('transfer other (fonts), gzip', 'kB', code('other'));
  line('transfer code total, gzip', 'kB', code(null), { text: '< 240 kB', met: (v) => v < 240000 });
  line('transfer code total, brotli', 'kB', (key) => firstRow(key)?.transfer_code_brotli);
  for (const n of sizes) {
    const at = (f) => (key) => { const r = get(key, n); return r ? f(r) ?? null : undefined; };
    const N = n.toLocaleString('en-US');
    line(`transfer data ${N}, gzip`, 'kB', at((r) => r.transfer_data_gzip));
    const vis = get('vis', n);
    const drawnTarget = n === 10000 && vis ? {
      text: '<= 1/10 of vis-timeline',
      met: (v) => (typeof vis.drawn_ms === 'object' ? v <= vis.drawn_ms.timeout * 100 : v <= vis.drawn_ms / 10),
    } : n === 100000 ? { text: '<= 500 ms', met: (v) => v <= 500 } : null;
    line(`drawn ${N}`, 'ms', at((r) => r.drawn_ms), drawnTarget);
    const actTarget = n >= 10000 ? { text: '<= 16 ms', met: (v) => v <= 16 } : null;
    line(`filter p50 ${N}`, 'ms', at((r) => r.filter_p50));
    line(`filter p95 ${N}`, 'ms', at((r) => r.filter_p95), actTarget);
    line(`search key p50 ${N}`, 'ms', at((r) => r.search_p50));
    line(`search key p95 ${N}`, 'ms', at((r) => r.search_p95), actTarget);
    const frameTarget = n === 100000 ? { text: '<= 8 ms', met: (v) => v <= 8 } : null;
    line(`zoom frame p95 ${N}`, 'ms', at((r) => r.zoom_p95), frameTarget);
    line(`pan frame p95 ${N}`, 'ms', at((r) => r.pan_p95), frameTarget);
    line(`memory peak ${N}`, 'MB', at((r) => r.memory_peak));
    const small = get('ours', sizes[0]);
    line(`DOM nodes ${N}`, 'n', at((r) => r.dom_nodes), n === sizes[sizes.length - 1] && sizes.length > 1 && small
      ? { text: `<= 2x at ${sizes[0].toLocaleString('en-US')}`, met: (v) => v <= 2 * small.dom_nodes } : null);
  }
  const cell = (unit, v) => {
    if (v === undefined) return '';
    if (v && typeof v === 'object') return `>${v.timeout} s (timeout)`;
    if (v === null) return 'n/a';
    return fmt[unit](v);
  };
  const ratio = (a, b) => {
    if (a == null || b === undefined || b === null) return '';
    if (typeof a === 'object') return '';
    // An upper bound, rounded up so that it stays one (never "<0.000").
    if (typeof b === 'object') return `<${(Math.ceil((a / (b.timeout * 1000)) * 1000) / 1000).toFixed(3)}`;
    if (!b) return '';
    const r = a / b;
    return r >= 10 ? r.toFixed(0) : r >= 0.1 ? r.toFixed(2) : r.toFixed(3);
  };
  const header = ['figure', 'unit', 'ours', ...peers.flatMap((p) => [p.name, `ours/${p.key}`]), 'target', 'met'];
  const rows = [];
  for (const l of lines) {
    const ours = l.value('ours');
    const vals = peers.map((p) => l.value(p.key));
    if (ours === undefined && vals.every((v) => v === undefined)) continue;
    const met = l.target && typeof ours === 'number' ? (l.target.met(ours) ? 'yes' : 'no') : '';
    const row = [l.label, l.unit, cell(l.unit, ours), ...vals.flatMap((v) => [cell(l.unit, v), ratio(ours, v)]), l.target ? l.target.text : '', met];
    rows.push(row);
    out.table = out.table || [];
    out.table.push(Object.fromEntries(header.map((h, i) => [h, row[i]])));
    if (l.target) out.targets.push({ figure: l.label, target: l.target.text, ours, met: met === 'yes' });
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const print = (r) => console.log(r.map((c, i) => (i < 2 || i >= r.length - 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  console.log(`\nSide by side in headless Chromium (1280x900; p50/p95 over up to ${runs} runs, fewer for slow widgets;`);
  console.log('times are main-thread ms; memory is the peak JS heap plus wasm memory)');
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  rows.forEach(print);
  for (const r of out.results) {
    const notes = [...(r.notes || []),
      r.filter_runs != null && r.filter_runs < runs && `filter: ${r.filter_runs} runs`,
      r.search_runs != null && r.search_runs < runs && `search: ${r.search_runs} runs`,
      r.problems && `${r.problems.length} page errors (first: ${r.problems[0].slice(0, 120)})`].filter(Boolean);
    if (notes.length) console.log(`note: ${out.widgets[r.widget]} at ${r.events.toLocaleString('en-US')}: ${notes.join('; ')}`);
  }
  if (peers.some((p) => p.key === 'tljs')) console.log('TimelineJS3 has no filter or search and does not zoom with the wheel: n/a.');
}
if (!mobileOnly) desktopTable();

// --- The mobile table ----------------------------------------------------------------------
if (out.mobile) {
  const p = out.mobile.profile;
  console.log(`\nMobile profile (CPU ${p.cpu}x slower, ${p.network.downloadThroughput * 8 / 1e6} Mbps down, `
    + `${p.network.uploadThroughput * 8 / 1e3} kbps up, ${p.network.latency} ms round trip, cache disabled, `
    + `${p.context.viewport.width}x${p.context.viewport.height} at ${p.context.deviceScaleFactor}x; the built-in dataset; `
    + `median of ${out.mobile.runs} loads; sent: bytes on the wire, headers included)`);
  mobileTable(out.mobile.pages).forEach((l) => console.log(l));
  for (const r of out.mobile.pages) {
    if (r.problems.length) console.log(`note: ${r.name}: ${r.problems.length} page errors (first: ${r.problems[0].slice(0, 120)})`);
    const each = (xs) => xs.map((x) => (x == null ? 'n/a' : Math.round(x))).join(', ');
    console.log(`loads of ${r.name}: first visible ${each(r.first_all_ms)} ms; drawn ${each(r.drawn_all_ms)} ms; `
      + `interactive ${each(r.interactive_all_ms)} ms`);
  }
  console.log('first event visible: in the viewport without scrolling; drawn: anywhere on the page ("below the fold":');
  console.log('drawn, but not in the viewport). Targets for this widget: first event visible <= 1,000 ms and <= half the');
  console.log('faster peer\'s; interactive <= 2,500 ms.');
  console.log('TimelineJS3 has no filter: its interactive is a click on its "next" button until the next event is shown.');
}
// A mobile-only run keeps the last full run's results.
const written = mobileOnly ? 'bench-results/bench-mobile.json' : 'bench-results/bench.json';
console.log(`\n${out.seconds} s in all; written: ${written}`);
writeFileSync(new URL(written, root), JSON.stringify(out, null, 2));
