// A small static server for the standalone view, the demo pages and the tests.
// Serves the repository root read-only on 127.0.0.1, with the strict Content-Security-Policy the
// widget promises to work under on every HTML page, and CSP violation reports collected at
// /__csp (readable at /__csp/reports for the tests). A request with an `x-test-id` header (each
// end-to-end test sets its own) gets a policy that reports to /__csp?test=ID, and
// /__csp/reports?test=ID lists only that test's reports. A WebDriver client, which cannot add
// headers, opens /__csp/begin?test=ID instead: the `csp-test` cookie it sets names the test for
// every later request of that browser.
// Compressible files are sent as a host or CDN sends them: the brotli or gzip copy that
// `./dev build` wrote (tools/precompress.mjs), chosen by the request's Accept-Encoding, with
// `Content-Encoding` and `Vary: Accept-Encoding`; the file itself when there is no fresh copy or
// the browser accepts neither.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPRESSIBLE, ENCODINGS, copyPath } from './precompress.mjs';

const root = normalize(join(fileURLToPath(import.meta.url), '..', '..'));
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT || 8080);
const quiet = args.includes('--quiet');

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; frame-src 'self'; report-uri /__csp";

// The benchmark's pages for the peer widgets (tests/fixtures/peers/, see tools/bench.mjs) get a
// looser style policy: vis-timeline adds a <style> element and writes style="..." attributes
// through HTML, which the strict policy blocks (dozens of violations on load, and a layout the
// peer was not written for). The peers are measured as their documentation embeds them; scripts
// and connections stay same-origin. This widget is always measured under the strict policy above.
export const PEER_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; report-uri /__csp";
const PEER_PAGES = 'tests/fixtures/peers/';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.ts': 'text/plain; charset=utf-8',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject',
};
// The two peer widgets' packages are served only for the benchmark's comparison pages.
const allowed = ['index.html', 'embed.html', 'www', 'pkg', 'tests/fixtures', 'bench-results',
  'node_modules/vis-timeline', 'node_modules/@knight-lab/timelinejs'];
const reports = [];

/** A test id: letters, digits and dashes. */
const isTestId = (test) => /^[A-Za-z0-9-]{1,64}$/.test(test || '');

/** The policy for a page requested by `test` (a test id, or none). */
function policy(base, test) {
  return isTestId(test) ? base.replace('report-uri /__csp', `report-uri /__csp?test=${test}`) : base;
}

/** The test a request belongs to: its `x-test-id` header, else its `csp-test` cookie. */
function testOf(req) {
  return req.headers['x-test-id'] ?? (req.headers.cookie || '').match(/(?:^|;\s*)csp-test=([^;]*)/)?.[1];
}

/** The encodings a request's Accept-Encoding accepts (a q of 0 refuses one; `*` stands for the rest). */
function accepted(header) {
  const q = new Map();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qp ? Number(qp.slice(2)) || 0 : 1);
  }
  return ENCODINGS.filter((e) => (q.has(e.name) ? q.get(e.name) : q.get('*') || 0) > 0).map((e) => e.name);
}

/** The body to send for `file` (`rel` in the repository): a fresh precompressed copy if one is accepted. */
async function bodyFor(file, rel, req, mtimeMs) {
  if (COMPRESSIBLE.has(extname(file))) {
    for (const encoding of accepted(req.headers['accept-encoding'])) {
      const copy = copyPath(rel, encoding);
      const s = await stat(copy).catch(() => null);
      if (s && s.mtimeMs >= mtimeMs) return { data: await readFile(copy), encoding };
    }
  }
  return { data: await readFile(file), encoding: null };
}

// Share links may be long (the widget reads at most 64 KiB of a query and says so): accept
// request lines up to Chromium's own URL limit of 2 MiB instead of Node's default 16 KiB.
const server = createServer({ maxHeaderSize: 2 * 1024 * 1024 + 4096 }, async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/__csp') {
    let body = '';
    for await (const chunk of req) body += chunk;
    reports.push({ test: url.searchParams.get('test'), body });
    if (!quiet) console.error('CSP violation:', body);
    res.writeHead(204).end();
    return;
  }
  if (url.pathname === '/__csp/reports') {
    const test = url.searchParams.get('test');
    const mine = reports.filter((r) => test === null || r.test === test).map((r) => r.body);
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(mine));
    return;
  }
  if (url.pathname === '/__csp/begin') {
    const test = url.searchParams.get('test');
    if (!isTestId(test)) return res.writeHead(400, { 'content-type': 'text/plain' }).end('bad test id\n');
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store', 'set-cookie': `csp-test=${test}; Path=/; SameSite=Lax` })
      .end(`reports of ${test}\n`);
    return;
  }
  let rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  if (rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(root, rel));
  // Checked on the resolved path, so that an encoded `..%2f` cannot step out of an allowed folder.
  rel = relative(root, file).split(sep).join('/');
  const inside = file.startsWith(root + sep) && allowed.some((a) => rel === a || rel.startsWith(a + '/'));
  try {
    const info = inside ? await stat(file) : null;
    if (!info?.isFile()) throw new Error('not found');
    const { data, encoding } = await bodyFor(file, rel, req, info.mtimeMs);
    const type = types[extname(file)] || 'application/octet-stream';
    // The length, as a static host or CDN sends it (without it Node sends the body in chunks,
    // and the widget cannot size its buffers for a dataset before it arrives).
    const headers = {
      'content-type': type,
      'content-length': data.length,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    if (COMPRESSIBLE.has(extname(file))) headers.vary = 'Accept-Encoding';
    if (encoding) headers['content-encoding'] = encoding;
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = policy(rel.startsWith(PEER_PAGES) ? PEER_CSP : CSP, testOf(req));
    }
    res.writeHead(200, headers).end(data);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  }
});

server.listen(port, '127.0.0.1', () => {
  const { port: p } = server.address();
  console.log(`Serving the timeline explorer on http://127.0.0.1:${p}/`);
});
