// The benchmark's mobile profile (tools/bench.mjs; docs/performance.md): a reader on a mid-range
// phone on a slow network, as Lighthouse's mobile profile and DevTools' "Slow 4G" model one. Each
// page is loaded fresh (new browser context, cache disabled) with, through the DevTools protocol:
// the CPU slowed 4x (Emulation.setCPUThrottlingRate), 1.6 Mbps down, 750 kbps up and 150 ms round
// trip per request (Network.emulateNetworkConditions), a 412x823 phone viewport at 1.75 device
// pixels per CSS pixel, touch. Measured on the 26 events of the embedded dataset, the same events
// converted for the peers (tools/peers.mjs):
// - first event visible: from navigation (the document's time origin) until the end of the first
//   frame in which an event's box is in the viewport, has a size and is visible (checkVisibility:
//   not hidden, not transparent). A probe added before any of the page's scripts
//   (Page.addScriptToEvaluateOnNewDocument) looks at the start of every frame
//   (requestAnimationFrame); the frame ends when a task posted from it runs, that is after the
//   browser's style, layout and paint of that frame;
// - interactive: as soon as the first event is visible and the filter control exists, the probe
//   clicks it (this widget: the category "energy"; vis-timeline: the same filter through its
//   DataView; TimelineJS3 has no filter: its "next" button), then the end of the first frame that
//   shows the result (the widget's events changed) is the figure.
// The median of --mobile-runs loads (3) is reported, with what was sent: each file's bytes on the
// wire (headers included) and its Content-Encoding, beside the brotli and gzip sizes of the same
// files (tools/precompress.mjs's copies).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ENCODINGS, copyPath, precompress, root } from './precompress.mjs';

export const PROFILE = {
  cpu: 4,
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'en-US' },
};

// What each page shows and how it is used, run inside the page by the probe. `first` finds the
// event boxes; `control` returns the thing to click once it exists (or null); `state` describes
// what a click changes, so that a different state means the click has applied.
// This widget draws a list instead of the time axis in a narrow container (a phone's width).
const OURS = {
  first: () => document.querySelectorAll('.tl-timeline .tl-event, .tl-timeline .tl-cluster, .tl-list .tl-list-item'),
  control: () => document.querySelector('.tl-facet[data-facet="cat"] input[value="energy"]'),
  state: () => [...document.querySelectorAll('.tl-timeline .tl-event, .tl-timeline .tl-cluster, .tl-list .tl-list-item')]
    .map((e) => e.textContent).join('\n'),
};
const VIS = {
  first: () => document.querySelectorAll('.vis-item'),
  // The page's own filter (tests/fixtures/peers/vis.js, through the benchmark's instrument, which
  // applies it at the start of the next frame), there once vis-timeline has started.
  control: () => (window.__bench && window.__timeline ? { click: () => window.__bench.action('filter', 0) } : null),
  state: () => [...document.querySelectorAll('.vis-item')].map((e) => e.textContent).join('\n'),
};
const TLJS = {
  first: () => document.querySelectorAll('.tl-timenav .tl-timemarker'),
  control: () => document.querySelector('.tl-slidenav-next'),
  state: () => {
    const markers = [...document.querySelectorAll('.tl-timenav .tl-timemarker')];
    return String(markers.findIndex((m) => m.classList.contains('tl-timemarker-active')));
  },
};

export const PAGES = [
  { key: 'ours', name: 'this widget, standalone page', path: '/index.html', widget: OURS },
  { key: 'embed', name: 'this widget, iframe embed (embed.html)', path: '/embed.html', widget: OURS },
  { key: 'vis', name: 'vis-timeline', path: '/tests/fixtures/peers/vis.html?src=/bench-results/embedded.vis.json', widget: VIS },
  { key: 'tljs', name: 'TimelineJS3', path: '/tests/fixtures/peers/tljs.html?src=/bench-results/embedded.tljs.json', widget: TLJS },
];

/** The probe's source for one widget (runs in the top document only, before the page's scripts). */
function probe(w) {
  return `(() => {
  if (window.top !== window) return;
  const first = ${w.first}, control = ${w.control}, state = ${w.state};
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => queue.shift()();
  const afterRender = (fn) => { queue.push(fn); channel.port2.postMessage(0); };
  const drawn = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const inView = (el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  };
  const result = {};
  let before = null;
  window.__mobile = new Promise((resolve) => {
    const frame = () => requestAnimationFrame(() => {
      // The click, at the start of a frame (where the browser dispatches input), once drawn.
      if (result.drawn != null && before == null) {
        const c = control();
        if (c) { before = state(); result.clicked = performance.now(); c.click(); }
      }
      // What this frame painted, looked at when it has been rendered.
      afterRender(() => {
        const now = performance.now();
        const boxes = [...first()].filter(drawn);
        if (result.drawn == null && boxes.length) result.drawn = now;
        if (result.first == null && boxes.some(inView)) result.first = now;
        if (before != null && result.interactive == null && state() !== before) result.interactive = now;
        // Done when both are known. An event still outside the viewport 2 s after the click
        // applied is below the fold (a reader has to scroll); a click that never applies is given up.
        if (result.first != null && result.interactive != null) resolve(result);
        else if (result.interactive != null && now - result.interactive > 2000) resolve(result);
        else if (result.clicked && now - result.clicked > 60000) resolve(result);
        else frame();
      });
    });
    frame();
  });
})();`;
}

const EVAL_RETRIES = 40;
/** Awaits `expression` in the page's current document (asking again after a navigation replaced it). */
async function evaluate(cdp, expression) {
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description || exceptionDetails.text);
      // Asked in the document before the page's own (about:blank): ask again.
      if (result.value === false) throw new Error('Cannot find context: not the page yet');
      return result.value;
    } catch (e) {
      if (attempt >= EVAL_RETRIES || !/Execution context was destroyed|Cannot find context/i.test(String(e.message))) throw e;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** One fresh load of `page` under the profile: its times and what the browser received. */
async function load(browser, server, page, timeoutMs) {
  const context = await browser.newContext(PROFILE.context);
  try {
    const tab = await context.newPage();
    const problems = [];
    tab.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    const cdp = await context.newCDPSession(tab);
    const responses = new Map();
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      responses.set(requestId, { url: response.url, status: response.status, encoding: headers['content-encoding'] || 'identity' });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const r = responses.get(requestId);
      if (r) r.bytes = encodedDataLength;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', PROFILE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
    // The probe is added through this session, which runs it only with its Page domain enabled.
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: probe(page.widget) });
    await tab.goto(server.base + page.path, { waitUntil: 'commit' });
    let timer;
    const result = await Promise.race([
      evaluate(cdp, `location.href === ${JSON.stringify(server.base + page.path)} && new Promise((resolve) => {
        const check = () => (window.__mobile ? window.__mobile.then(resolve) : setTimeout(check, 10));
        check();
      })`),
      new Promise((resolve) => { timer = setTimeout(() => resolve({ timeout: true }), timeoutMs); }),
    ]).finally(() => clearTimeout(timer));
    const files = [...responses.values()].filter((r) => r.status === 200 && r.url.startsWith(server.base))
      .map((r) => ({ path: new URL(r.url).pathname, encoding: r.encoding, bytes: r.bytes || 0 }));
    return { ...result, files, problems };
  } finally {
    await context.close().catch(() => {});
  }
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length === xs.length && s.length ? s[Math.floor(s.length / 2)] : null;
};

// Sizes of a served file in each encoding: the build's copy, or compressed here when there is none.
const encodedSizes = new Map();
export function sizesOf(path) {
  if (!encodedSizes.has(path)) {
    const rel = decodeURIComponent(path).replace(/^\/+/, '');
    const buf = readFileSync(join(root, rel));
    const s = { raw: buf.length };
    for (const e of ENCODINGS) {
      const copy = copyPath(rel, e.name);
      s[e.name] = existsSync(copy) && statSync(copy).mtimeMs >= statSync(join(root, rel)).mtimeMs
        ? statSync(copy).size : e.compress(buf).length;
    }
    encodedSizes.set(path, s);
  }
  return encodedSizes.get(path);
}

/**
 * Measures every page of PAGES (or those whose key is in `only`) `runs` times; returns one row
 * per page: `first_ms`, `interactive_ms` (medians), every load's figures, and the transfer.
 */
export async function measureMobile(browser, server, { runs = 3, only = null, timeoutMs = 180000, log = () => {} } = {}) {
  const rows = [];
  for (const page of PAGES.filter((p) => !only || only.includes(p.key))) {
    log(`mobile: ${page.name} ... `);
    const t = Date.now();
    const loads = [];
    for (let i = 0; i < runs; i++) loads.push(await load(browser, server, page, timeoutMs));
    log(`${((Date.now() - t) / 1000).toFixed(0)} s\n`);
    const files = loads[0].files;
    const sent = {};
    for (const f of files) sent[f.encoding] = (sent[f.encoding] || 0) + 1;
    const transfer = { sent: files.reduce((a, f) => a + f.bytes, 0), encodings: sent, raw: 0, br: 0, gzip: 0 };
    for (const f of files) {
      const s = sizesOf(f.path);
      for (const k of ['raw', 'br', 'gzip']) transfer[k] += s[k];
    }
    rows.push({
      page: page.key, name: page.name, path: page.path,
      first_ms: median(loads.map((l) => l.first)),
      drawn_ms: median(loads.map((l) => l.drawn)),
      drawn_all_ms: loads.map((l) => l.drawn ?? null),
      interactive_ms: median(loads.map((l) => l.interactive)),
      first_all_ms: loads.map((l) => l.first ?? null),
      interactive_all_ms: loads.map((l) => l.interactive ?? null),
      transfer,
      files: files.map((f) => ({ path: f.path, encoding: f.encoding, bytes: f.bytes })),
      problems: loads.flatMap((l) => l.problems),
    });
  }
  return rows;
}

/** The peers' copies of the embedded dataset, and their brotli and gzip copies. */
export function writeMobileData(writeIfChanged, toVis, toTimelineJs) {
  const ds = JSON.parse(readFileSync(join(root, 'src/data/events.json'), 'utf8'));
  writeIfChanged('bench-results/embedded.vis.json', JSON.stringify(toVis(ds)));
  writeIfChanged('bench-results/embedded.tljs.json', JSON.stringify(toTimelineJs(ds)));
  precompress(['bench-results/embedded.vis.json', 'bench-results/embedded.tljs.json']);
}

/** The mobile table, as lines of text. */
export function mobileTable(rows) {
  const kB = (x) => (x / 1000).toFixed(1);
  const ms = (x) => (x == null ? 'n/a' : Math.round(x).toLocaleString('en-US'));
  const peers = rows.filter((r) => r.page === 'vis' || r.page === 'tljs').map((r) => r.first_ms).filter((x) => x != null);
  const fasterPeer = peers.length ? Math.min(...peers) : null;
  const header = ['page', 'first event visible ms', '(drawn ms)', 'interactive ms', 'sent kB', 'as', 'brotli kB', 'gzip kB', 'raw kB', 'targets met'];
  const body = rows.map((r) => {
    const ours = r.page === 'ours' || r.page === 'embed';
    const met = !ours ? '' : [
      r.first_ms != null && r.first_ms <= 1000 && (fasterPeer == null || r.first_ms <= fasterPeer / 2) ? 'first: yes' : 'first: no',
      r.interactive_ms != null && r.interactive_ms <= 2500 ? 'interactive: yes' : 'interactive: no',
    ].join(', ');
    const as = Object.entries(r.transfer.encodings).map(([k, n]) => `${n} ${k}`).join(', ');
    const first = r.first_ms == null && r.drawn_ms != null ? 'below the fold' : ms(r.first_ms);
    return [r.name, first, ms(r.drawn_ms), ms(r.interactive_ms), kB(r.transfer.sent), as,
      kB(r.transfer.br), kB(r.transfer.gzip), kB(r.transfer.raw), met];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === 5 || i === 9 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}
