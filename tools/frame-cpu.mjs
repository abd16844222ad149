// The main thread's CPU time per step of the benchmark's gestures and changes, for comparing two
// builds on a busy machine. `./dev bench` times wall-clock work, which another process on the
// same cores stretches by up to half; a trace's thread time (`tdur`) counts only what the page's
// main thread ran. Run it in two checkouts, alternately, after `./dev build` in each:
//   node tools/frame-cpu.mjs [--events 10000,100000] [--kinds zoom,pan,filter,search] [--runs 3]
// For each size and kind it prints the CPU ms per step of every run and their median, and how
// that time splits into script (FunctionCall), style, layout, pre-paint and paint.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { generate } from './generate.mjs';
import { startServer, launch } from '../tests/e2e/helpers.mjs';

const root = new URL('../', import.meta.url);
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = opt('--events', '10000,100000').split(',').map(Number);
const kinds = opt('--kinds', 'zoom,pan,filter,search').split(',');
const runs = Number(opt('--runs', '3'));
const PARTS = { FunctionCall: 'script', UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'pre-paint', Paint: 'paint' };
// Changes per filter or search series (each one a step).
const CHANGES = 24;

mkdirSync(new URL('bench-results/', root), { recursive: true });
for (const n of sizes) {
  const file = new URL(`bench-results/gen-${n}.json`, root);
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(generate(n, 42)));
}

/** The trace's top-level tasks and timeline events of the busiest renderer main thread. */
function mainThread(events) {
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const busy = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && names.get(key) === 'CrRendererMain') {
      busy.set(key, (busy.get(key) || 0) + (e.tdur || 0));
    }
  }
  const key = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  return events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === key);
}

/** One fresh page: loads `n` events, runs `kind` under a trace, returns CPU ms per step and its parts. */
async function measure(browser, base, n, kind) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/tests/fixtures/bench.html?src=/bench-results/gen-${n}.json&state=group%3Dcategory`);
  await page.waitForFunction(() => window.__bench && document.querySelector('.tl-timeline .tl-event, .tl-timeline .tl-cluster'), null, { timeout: 180000 });
  await page.evaluate(() => window.__bench.settle());
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] }, transferMode: 'ReportEvents' });
  const steps = await page.evaluate(async ([k, changes]) => {
    if (k === 'zoom' || k === 'pan') return (await window.__bench[k]()).work.length;
    for (let i = 0; i < changes; i++) await window.__bench.action(k, i);
    return changes;
  }, [kind, CHANGES]);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const main = mainThread(events);
  const cpu = (e) => (e.tdur ?? e.dur ?? 0) / 1000 / steps;
  const parts = {};
  for (const e of main) if (PARTS[e.name]) parts[PARTS[e.name]] = (parts[PARTS[e.name]] || 0) + cpu(e);
  const total = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask').reduce((a, e) => a + cpu(e), 0);
  return { total, parts };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const server = await startServer();
const browser = await launch();
try {
  for (const n of sizes) {
    for (const kind of kinds) {
      const results = [];
      for (let r = 0; r < runs; r++) results.push(await measure(browser, server.base, n, kind));
      const parts = Object.values(PARTS).map((p) => `${p} ${median(results.map((x) => x.parts[p] || 0)).toFixed(2)}`);
      console.log(`${kind} ${n.toLocaleString('en')}: CPU ms per step ${results.map((x) => x.total.toFixed(2)).join(', ')}; median ${median(results.map((x) => x.total)).toFixed(2)} (${parts.join(', ')})`);
    }
  }
} finally {
  await browser.close();
  server.stop();
}
