// Shared set-up for the end-to-end tests: one static server and one headless Chromium per test
// file, and pages that fail the test on any console error, page error or CSP violation.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const root = new URL('../../', import.meta.url);

export const dataset = JSON.parse(readFileSync(new URL('src/data/events.json', root), 'utf8'));
export const allIds = dataset.events.map((e) => e.id).sort();

export function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [new URL('tools/serve.mjs', root).pathname, '--port', '0', '--quiet'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (line) => {
      const m = line.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ base: `http://127.0.0.1:${m[1]}`, stop: () => proc.kill() });
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Starts server and browser for the current test file; returns a context object. */
export function setup() {
  const ctx = {};
  before(async () => {
    ctx.server = await startServer();
    ctx.browser = await launch();
    ctx.base = ctx.server.base;
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.server?.stop();
  });
  return ctx;
}

/**
 * A fresh page in a browser context of its own (`options` are Playwright's context options).
 * Console errors and uncaught exceptions are collected in `page.problems`; CSP violations are
 * reported under an id of this page's own, so that one test's violation fails that test alone.
 * Call `await done(page)` at the end of a test to assert that there were none.
 */
export async function freshPage(ctx, options = {}) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // The server sends this page (and its frames) a policy that reports to this test alone.
  const testId = `t${++testCount}-${process.pid}`;
  await context.setExtraHTTPHeaders({ 'x-test-id': testId });
  const page = await context.newPage();
  page.testId = testId;
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  return page;
}

/** Opens `path` in a fresh page (see `freshPage`) and waits for the widget or its error. */
export async function open(ctx, path, { viewport = { width: 1280, height: 900 }, locale = 'en-US', wait = true } = {}) {
  const page = await freshPage(ctx, { viewport, locale });
  await page.goto(ctx.base + path);
  if (wait) await live(page);
  return page;
}

/**
 * Waits until the widget (or its error) is there and has replaced the first view that the
 * standalone page and the iframe view carry (drawn at build time, see www/boot.js).
 */
export async function live(page, timeout = 15000) {
  await page.waitForSelector('.tl-app, .tl-error', { timeout });
  await page.waitForFunction(() => !document.querySelector('.tl-first-view'), null, { timeout });
}

let testCount = 0;

export async function done(page, { allowConsoleErrors = false } = {}) {
  const csp = await page.evaluate(async (id) => (await fetch(`/__csp/reports?test=${id}`)).json(), page.testId);
  const problems = [...page.problems, ...csp.map((r) => `csp: ${r}`)];
  await page.context().close();
  if (!allowConsoleErrors) assert.deepEqual(problems, [], 'no console error, page error or CSP violation');
}

/** The sorted ids of all event elements (and cluster members) currently in the widget. */
export async function visibleIds(page, scope = '.tl-root') {
  return page.$eval(scope, (root) => {
    const ids = new Set();
    root.querySelectorAll('.tl-timeline [data-event-id], .tl-list [data-event-id]').forEach((el) => ids.add(el.dataset.eventId));
    root.querySelectorAll('.tl-timeline [data-event-ids]').forEach((el) => el.dataset.eventIds.split(' ').forEach((i) => ids.add(i)));
    return [...ids].sort();
  });
}

/** The sorted ids shown in the list view. */
export async function listIds(page, scope = '.tl-root') {
  return page.$$eval(`${scope} .tl-list > li[data-event-id]`, (els) => els.map((e) => e.dataset.eventId).sort());
}

/** The query string of the page URL as an object. */
export async function query(page) {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/** Lets Leptos flush its asynchronous DOM updates. */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Adds a `<timeline-explorer>` with these attributes to the host element (`#host`) of an
 * embedding test page, with `inline` (a dataset as text) in a child script of media type `type`
 * when given. The element is also kept in `window.els[id]`, so that tests can reach it after it
 * is removed.
 */
export async function addTimeline(page, attrs, inline = null, type = 'application/json') {
  await page.evaluate(([attrs, inline, type]) => {
    const el = document.createElement('timeline-explorer');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (inline !== null) {
      const script = document.createElement('script');
      script.type = type;
      script.textContent = inline;
      el.append(script);
    }
    document.getElementById('host').append(el);
    (window.els ??= {})[attrs.id] = el;
  }, [attrs, inline, type]);
}
