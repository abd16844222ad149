// Cross-engine end-to-end tests: the behaviour a reader relies on, in Firefox (Gecko, through
// geckodriver), WebKit (Safari's engine: WebKitGTK's MiniBrowser through WebKitWebDriver, on a
// virtual X display) and Chromium (through chromedriver), all driven over W3C WebDriver by
// selenium-webdriver. One static server and, per engine, one driver and one browser session per
// test file; every test starts its own CSP report list and problem list (see `begin` and `done`).
//
//   TL_ENGINES=firefox,webkit node --test tests/engines/   (default: firefox,webkit,chromium)
//
// Pages fail a test on a console error or an uncaught exception (collected over WebDriver BiDi
// where the engine has it, in the page from its load on where not) and on any CSP violation report.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Builder, Key, Origin } from 'selenium-webdriver';
import input from 'selenium-webdriver/lib/input.js';
import { startServer } from '../e2e/helpers.mjs';

export { Key, Origin };
export const { Pointer } = input;
export { dataset, allIds } from '../e2e/helpers.mjs';

const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Where each driver and browser is looked for, and how a session is asked for. */
const ENGINES = {
  firefox: {
    name: 'Firefox',
    driver: process.env.GECKODRIVER || 'geckodriver',
    browser: process.env.FIREFOX || '/usr/bin/firefox-esr',
    args: (port) => ['--port', String(port), '--log', 'error'],
    capabilities: (browser) => ({
      browserName: 'firefox',
      webSocketUrl: true,
      'moz:firefoxOptions': {
        binary: browser,
        args: ['-headless', '-width', '1280', '-height', '900'],
        prefs: { 'intl.accept_languages': 'en-US', 'intl.locale.requested': 'en-US' },
      },
    }),
  },
  webkit: {
    name: 'WebKit',
    driver: process.env.WEBKITWEBDRIVER || 'WebKitWebDriver',
    browser: MINIBROWSER,
    display: true,
    args: (port) => [`--port=${port}`],
    // WebKitWebDriver 2.50 as Debian builds it has no BiDi (it refuses webSocketUrl), and
    // MiniBrowser writes no console messages while automated: see `watchInPage`.
    capabilities: (browser) => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
    }),
  },
  chromium: {
    name: 'Chromium',
    driver: process.env.CHROMEDRIVER || 'chromedriver',
    browser: process.env.CHROMIUM || '/usr/bin/chromium',
    args: (port) => [`--port=${port}`],
    capabilities: (browser) => ({
      browserName: 'chrome',
      webSocketUrl: true,
      'goog:chromeOptions': {
        binary: browser,
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=en-US',
          '--window-size=1280,900', '--no-first-run', '--disable-background-networking', '--disable-component-update',
          '--disable-sync'],
        prefs: { intl: { accept_languages: 'en-US' } },
      },
    }),
  },
};

/** The engines this run covers (TL_ENGINES, comma-separated). */
export const engines = (process.env.TL_ENGINES || 'firefox,webkit,chromium').split(',').map((e) => e.trim()).filter(Boolean);

/** The full path of a command on PATH, or null. */
function which(cmd) {
  if (cmd.includes('/')) return existsSync(cmd) ? cmd : null;
  for (const dir of (process.env.PATH || '').split(':')) {
    if (dir && existsSync(`${dir}/${cmd}`)) return `${dir}/${cmd}`;
  }
  return null;
}

/** Why this engine cannot run here, or null. */
function missing(spec) {
  if (!which(spec.driver)) return `${spec.driver} is not installed (./dev test installs it)`;
  if (!existsSync(spec.browser)) return `${spec.browser} is not installed (./dev test installs it)`;
  if (spec.display && !which('Xvfb')) return 'Xvfb is not installed (./dev test installs it)';
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns something truthy; fails with `message` after `timeout` ms. */
export async function until(check, message, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms: ${message}${last instanceof Error ? ` (${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A virtual X display for WebKit: Xvfb picks a free display number and tells it on fd 3. */
function startDisplay() {
  return new Promise((resolve, reject) => {
    const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let err = '';
    proc.stderr.on('data', (d) => { err += d; });
    proc.stdio[3].on('data', (d) => resolve({ display: `:${String(d).trim()}`, stop: () => proc.kill() }));
    proc.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${err.slice(-500)}`)));
  });
}

/** Starts the engine's WebDriver server and waits until it answers. */
async function startDriver(spec, env) {
  const port = await freePort();
  const proc = spawn(which(spec.driver), spec.args(port), { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  proc.stdout.on('data', (d) => { output = (output + d).slice(-4000); });
  proc.stderr.on('data', (d) => { output = (output + d).slice(-4000); });
  let exited = null;
  proc.on('exit', (code) => { exited = code; });
  const url = `http://127.0.0.1:${port}`;
  await until(async () => {
    if (exited !== null) throw new Error(`${spec.driver} exited with ${exited}: ${output}`);
    const res = await fetch(`${url}/status`).catch(() => null);
    return res?.ok;
  }, `${spec.driver} to answer on port ${port}`, 30000);
  return { url, stop: () => proc.kill(), output: () => output };
}

/**
 * Registers the tests `body(ctx)` defines once per engine, each engine as a suite of its own that
 * is skipped, with the reason, where the engine is not installed.
 */
export function forEachEngine(body) {
  for (const id of engines) {
    const spec = ENGINES[id];
    if (!spec) throw new Error(`unknown engine ${id} in TL_ENGINES (known: ${Object.keys(ENGINES).join(', ')})`);
    const skip = missing(spec);
    describe(spec.name, { skip: skip ?? false }, () => {
      const ctx = new EngineContext(id, spec);
      before(() => ctx.start(), { timeout: 120000 });
      after(() => ctx.stop(), { timeout: 60000 });
      beforeEach(() => ctx.begin(), { timeout: 30000 });
      afterEach(() => ctx.end());
      body(ctx);
    });
  }
}

let testNumber = 0;

class EngineContext {
  constructor(id, spec) {
    this.id = id;
    this.spec = spec;
    this.logs = [];
    this.checked = new Map();
  }

  get name() {
    return this.spec.name;
  }

  async start() {
    this.server = await startServer();
    this.base = this.server.base;
    const env = { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' };
    if (this.spec.display) {
      this.display = await startDisplay();
      env.DISPLAY = this.display.display;
    }
    this.driverProcess = await startDriver(this.spec, env);
    this.driver = await new Builder()
      .usingServer(this.driverProcess.url)
      .withCapabilities(this.spec.capabilities(this.spec.browser))
      .build();
    const caps = await this.driver.getCapabilities();
    this.version = `${caps.get('browserName')} ${caps.get('browserVersion')}`;
    this.bidi = Boolean(caps.get('webSocketUrl'));
    if (this.bidi) await this.#listen();
    else console.log(`# ${this.name}: no WebDriver BiDi here; console errors and exceptions are watched in each page from its load on`);
    console.log(`# ${this.name}: ${this.version}`);
    const size = await this.setViewport(1280, 900);
    assert.deepEqual(size, [1280, 900], `${this.name}: the viewport is 1280 × 900`);
  }

  async stop() {
    // Reports that arrived after their test had checked them still fail the run.
    const late = [];
    for (const [tag, seen] of this.checked) {
      const reports = await this.reports(tag).catch(() => []);
      if (reports.length > seen.count) late.push(`${seen.title}: ${reports.slice(seen.count).join(' | ')}`);
    }
    await this.driver?.quit().catch(() => {});
    this.driverProcess?.stop();
    this.display?.stop();
    this.server?.stop();
    assert.deepEqual(late, [], 'no CSP report arrived after its test');
  }

  /** Console errors and exceptions of every page, in order, over BiDi. */
  async #listen() {
    const bidi = await this.driver.getBidi();
    await bidi.subscribe('log.entryAdded');
    const socket = await bidi.socket;
    socket.on('message', (data) => {
      const { method, params } = JSON.parse(String(data));
      if (method !== 'log.entryAdded') return;
      this.logs.push({ level: params.level, type: params.type, text: params.text ?? '' });
    });
    this.bidiConnection = bidi;
    // An error event that is no exception (ResizeObserver's "loop completed with undelivered
    // notifications", say) reaches window.onerror and a host page's error reporting, but not the
    // log: it is written there, before any page script runs.
    await this.preload(String(() => {
      addEventListener('error', (e) => {
        if (!e.error && e.target === window) console.error(`error event: ${e.message}`);
      });
    }));
  }

  /** Runs `fn` before any script of every page from now on (BiDi engines only). */
  async preload(fn) {
    if (!this.bidiConnection) return false;
    await this.bidiConnection.send({ method: 'script.addPreloadScript', params: { functionDeclaration: String(fn) } });
    return true;
  }

  /** A fresh start for each test: its own CSP reports (a cookie names the test) and problems. */
  async begin() {
    this.tag = `${this.id}-${++testNumber}`;
    this.logMark = this.logs.length;
    this.doneCalled = false;
    await this.driver.get(`${this.base}/__csp/begin?test=${this.tag}`);
  }

  end() {
    // Each test ends with `await ctx.done()`; one that forgot would pass without its checks.
    if (!this.doneCalled) throw new Error('the test did not call ctx.done()');
  }

  /** The CSP reports filed under a test. */
  async reports(tag = this.tag) {
    const res = await fetch(`${this.base}/__csp/reports?test=${tag}`);
    return res.json();
  }

  /** Runs `fn(...args)` in the page (a function, or its source) and returns its result (awaited). */
  js(fn, ...args) {
    return this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  }

  /** Waits until `fn(...args)` is truthy in the page and returns that value. */
  waitFor(fn, args = [], message = String(fn), timeout = 15000) {
    return until(() => this.js(fn, ...args), message, timeout);
  }

  /** Waits until `selector` matches an element (in the light DOM or one level of shadow roots). */
  waitForSelector(selector, timeout = 15000) {
    return this.waitFor((sel) => Boolean(document.querySelector(sel)
      || [...document.querySelectorAll('*')].some((el) => el.shadowRoot?.querySelector(sel))), [selector], `an element ${selector}`, timeout);
  }

  /**
   * Opens `path` and, unless `wait` is false, waits for the widget (or its error) to have
   * replaced the first view that the page carries as static HTML.
   */
  async open(path, { wait = true } = {}) {
    await this.driver.get(this.base + path);
    await this.watchInPage();
    if (wait) {
      await this.waitForSelector('.tl-app, .tl-error');
      await this.waitFor(() => !document.querySelector('.tl-first-view'), [], 'the widget to replace the first view');
    }
  }

  /**
   * Where there is no BiDi, problems are collected in the page itself: a listener for uncaught
   * errors and rejections and a wrapper around console.error, from the moment this runs (after
   * the page's load event). A page that fails earlier shows no widget, which the tests see.
   */
  async watchInPage() {
    if (this.bidi) return;
    await this.js(() => {
      if (window.__tlProblems) return;
      const problems = [];
      window.__tlProblems = problems;
      addEventListener('error', (e) => problems.push(`pageerror: ${e.message}`));
      addEventListener('unhandledrejection', (e) => problems.push(`rejection: ${e.reason}`));
      const original = console.error;
      console.error = (...args) => {
        problems.push(`console: ${args.join(' ')}`);
        original.apply(console, args);
      };
    });
  }

  /** Console errors and exceptions since the test began. */
  async problems() {
    if (!this.bidi) {
      const inPage = await this.js(() => window.__tlProblems ?? []);
      return inPage;
    }
    // A marker through the console: every entry before it has arrived once it has.
    const marker = `tl-sync ${this.tag} ${Date.now()}`;
    await this.js((m) => console.info(m), marker);
    await until(() => this.logs.some((l) => l.text === marker), `the console marker ${marker} over BiDi`);
    return this.logs.slice(this.logMark)
      .filter((l) => l.level === 'error')
      .map((l) => `${l.type === 'javascript' ? 'pageerror' : 'console'}: ${l.text}`);
  }

  /** Ends a test: no console error, no uncaught exception, no CSP report from its pages. */
  async done({ expectedReports = 0 } = {}) {
    this.doneCalled = true;
    let problems = await this.problems();
    // Firefox also logs each violation as an error: expected where the reports are.
    if (expectedReports > 0) problems = problems.filter((p) => !p.includes('Content-Security-Policy'));
    const reports = await this.reports();
    this.checked.set(this.tag, { count: reports.length, title: this.tag });
    assert.deepEqual(problems, [], `${this.name}: no console error or uncaught exception`);
    if (expectedReports === 0) assert.deepEqual(reports, [], `${this.name}: no CSP violation report`);
    else assert.equal(reports.length, expectedReports, `${this.name}: ${expectedReports} CSP report(s): ${reports.join(' | ')}`);
    return reports;
  }

  /**
   * Sizes the window so that the page's viewport is `width` × `height` CSS pixels, or as close as
   * the browser's window allows (MiniBrowser's window is at least 447 px wide); returns the size
   * reached.
   */
  async setViewport(width, height) {
    const win = this.driver.manage().window();
    let rect = { width, height };
    let size = [0, 0];
    for (let i = 0; i < 4; i++) {
      const set = await win.setRect(rect);
      // The window may take its new size a moment after the command returns (MiniBrowser does):
      // read the viewport once the page sees the window at the size the driver reports. (Headless
      // Chromium reports an outer width of at least 500 px, whatever the window's.)
      size = await until(() => this.js((w, h) => (outerWidth === w || innerWidth === w) && outerHeight === h
        && [innerWidth, innerHeight], set.width, set.height), `${this.name}: the window at ${set.width} × ${set.height}`);
      if (size[0] === width && size[1] === height) break;
      rect = { width: set.width + width - size[0], height: set.height + height - size[1] };
    }
    return size;
  }

  /**
   * Clicks the element `selector` names (inside the shadow root of `host` when given), as a
   * pointer would: scrolled into view, then pressed and released at its centre.
   */
  async click(selector, { host = null } = {}) {
    const el = await this.element(selector, { host });
    await this.driver.actions({ async: true }).move({ origin: el }).click().perform();
  }

  /**
   * A WebDriver reference to the element `selector` names, scrolled into view. The page may still
   * be scrolling when asked (focus returning to an opener scrolls it a frame later): the element is
   * scrolled again until its centre stays inside the viewport (and, in a frame, the frame inside
   * its page's) across two animation frames.
   */
  async element(selector, { host = null } = {}) {
    let el = null;
    await until(async () => {
      const [found, settled] = await this.driver.executeAsyncScript(`
        const [sel, host, done] = arguments;
        const scope = host ? document.querySelector(host)?.shadowRoot : document;
        const found = scope?.querySelector(sel);
        if (!found) { done([null, false]); return; }
        // In a frame, the frame too must be in its page's viewport (not every engine scrolls
        // the page that holds the frame for an element inside it).
        const frame = window.frameElement;
        frame?.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
        found.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
        const centre = () => { const r = found.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
        const framed = ([x, y]) => { const f = frame?.getBoundingClientRect(); return f ? [f.left + x, f.top + y] : [x, y]; };
        const before = framed(centre());
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const [x, y] = centre();
          const [px, py] = framed([x, y]);
          const [w, h] = frame ? [parent.innerWidth, parent.innerHeight] : [innerWidth, innerHeight];
          const inside = x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight && px >= 0 && py >= 0 && px <= w && py <= h;
          done([found, inside && px === before[0] && py === before[1]]);
        }));`, selector, host);
      el = found;
      return found === null || settled;
    }, `${this.name}: ${selector} scrolled into view and still`);
    assert.ok(el, `${this.name}: an element ${selector}${host ? ` in ${host}` : ''}`);
    return el;
  }

  /** Presses keys one after another (each down and up), as a keyboard would. */
  async press(...keys) {
    let actions = this.driver.actions({ async: true });
    for (const k of keys) actions = actions.keyDown(k).keyUp(k);
    await actions.perform();
  }

  /** Types text into the focused element. */
  async type(text) {
    await this.driver.actions({ async: true }).sendKeys(text).perform();
  }

  /** The query of the page's URL as an object. */
  async query() {
    return Object.fromEntries(new URL(await this.driver.getCurrentUrl()).searchParams);
  }
}

/** In the page: the sorted ids of the events shown (timeline marks, cluster members, list items). */
export function shownIds(host = null) {
  const root = (host ? document.querySelector(host).shadowRoot : document);
  const ids = new Set();
  root.querySelectorAll('.tl-timeline [data-event-id], .tl-list [data-event-id]').forEach((el) => ids.add(el.dataset.eventId));
  root.querySelectorAll('.tl-timeline [data-event-ids]').forEach((el) => el.dataset.eventIds.split(' ').forEach((i) => ids.add(i)));
  return [...ids].sort();
}

/** In the page: the sorted ids in the list view. */
export function listIds(host = null) {
  const root = (host ? document.querySelector(host).shadowRoot : document);
  return [...root.querySelectorAll('.tl-list > li[data-event-id]')].map((e) => e.dataset.eventId).sort();
}
