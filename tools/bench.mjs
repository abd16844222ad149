// The benchmark (not a test): bundle sizes, then timings in headless Chromium on generated
// datasets. Run through `./dev bench`, which builds the release bundle first.
//   node tools/bench.mjs [--sizes-only] [--runs N]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { generate } from './generate.mjs';
import { startServer, launch } from '../tests/e2e/helpers.mjs';

const root = new URL('../', import.meta.url);
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 30;
const out = { date: new Date().toISOString(), sizes: {}, timings: [] };

// --- Sizes ---------------------------------------------------------------------------------
const files = [
  ['wasm', 'pkg/timeline_explorer_bg.wasm'],
  ['js glue', 'pkg/timeline_explorer.js'],
  ['css', 'www/timeline.css'],
];
const size = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const total = { raw: 0, gzip: 0, brotli: 0 };
console.log('\nBundle (the embedded dataset is inside the wasm)');
console.log('file'.padEnd(10), 'raw B'.padStart(10), 'gzip B'.padStart(10), 'brotli B'.padStart(10));
for (const [name, path] of files) {
  const s = size(readFileSync(new URL(path, root)));
  out.sizes[name] = s;
  for (const k of Object.keys(total)) total[k] += s[k];
  console.log(name.padEnd(10), String(s.raw).padStart(10), String(s.gzip).padStart(10), String(s.brotli).padStart(10));
}
out.sizes.total = total;
console.log('total'.padEnd(10), String(total.raw).padStart(10), String(total.gzip).padStart(10), String(total.brotli).padStart(10));

if (args.includes('--sizes-only')) process.exit(0);

// --- Timings -------------------------------------------------------------------------------
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
mkdirSync(new URL('bench-results/', root), { recursive: true });
const server = await startServer();
const browser = await launch();
try {
  for (const n of [10000, 100000]) {
    const file = `bench-results/gen-${n}.json`;
    writeFileSync(new URL(file, root), JSON.stringify(generate(n, 42)));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const t0 = Date.now();
    await page.goto(`${server.base}/tests/fixtures/bench.html?src=/${file}`);
    await page.waitForSelector('.tl-timeline .tl-event, .tl-timeline .tl-cluster', { timeout: 120000 });
    const drawn = await page.evaluate(() => performance.now());
    const filter = await page.evaluate(async (runs) => {
      const box = document.querySelector('.tl-facet[data-facet="cat"] input[value="energy"]');
      return window.__measure(() => box.click(), runs);
    }, runs);
    const search = await page.evaluate(async (runs) => {
      const input = document.querySelector('.tl-search');
      const words = ['p', 'pi', 'pip', 'pipe', 'pipel', 'pipeli', 'pipelin', 'pipeline'];
      return window.__measure((i) => {
        input.value = words[i % words.length];
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, runs);
    }, runs);
    await page.evaluate(() => {
      const input = document.querySelector('.tl-search');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const zoom = await page.evaluate(async (runs) => {
      const tl = document.querySelector('.tl-timeline');
      const r = tl.getBoundingClientRect();
      return window.__measure((i) => {
        tl.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 20 < 10 ? -120 : 120, clientX: r.x + r.width / 2, clientY: r.y + 40, bubbles: true, cancelable: true }));
      }, runs);
    }, runs);
    const pan = await page.evaluate(async (runs) => {
      const tl = document.querySelector('.tl-timeline');
      return window.__measure((i) => {
        tl.dispatchEvent(new WheelEvent('wheel', { deltaX: i % 20 < 10 ? 80 : -80, clientX: 300, clientY: 100, bubbles: true, cancelable: true }));
      }, runs);
    }, runs);
    const dom = await page.evaluate(() => document.querySelector('.tl-root').querySelectorAll('*').length);
    const heap = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : null);
    const row = {
      events: n,
      load_ms: Date.now() - t0,
      drawn_ms: Math.round(drawn),
      filter_p50: pct(filter, 50), filter_p95: pct(filter, 95),
      search_p50: pct(search, 50), search_p95: pct(search, 95),
      zoom_p95: pct(zoom, 95), pan_p95: pct(pan, 95),
      dom_nodes: dom, js_heap: heap,
    };
    out.timings.push(row);
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
const f = (x) => (typeof x === 'number' ? x.toFixed(1) : String(x));
console.log('\nTimings in headless Chromium (ms; p50/p95 over', runs, 'runs)');
const cols = ['events', 'drawn_ms', 'filter_p50', 'filter_p95', 'search_p50', 'search_p95', 'zoom_p95', 'pan_p95', 'dom_nodes'];
console.log(cols.map((c) => c.padStart(11)).join(''));
for (const r of out.timings) console.log(cols.map((c) => f(r[c]).padStart(11)).join(''));
writeFileSync(new URL('bench-results/bench.json', root), JSON.stringify(out, null, 2));
console.log('\nwritten: bench-results/bench.json');
