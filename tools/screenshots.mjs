// Pictures of the standard views for review (not a test): the standalone view on a desktop in
// English and German, in the dark scheme, with an event open, as a list, filtered with lanes, on a
// phone in both languages and dark, and the iframe view. Run through `./dev screenshots`, which
// builds the release bundle first when the sources are newer than it.
//   node tools/screenshots.mjs [--out DIR] [--full-page] [--only NAME,NAME]
// Each picture is the first screen a reader sees (the viewport; --full-page for the whole page),
// taken in the same headless Chromium as the end-to-end tests, with the server's strict CSP.
// Writes DIR/<name>.png (default screenshots/) and prints each path, with any console error,
// page error or CSP violation the page had.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, launch } from '../tests/e2e/helpers.mjs';

const root = new URL('../', import.meta.url);
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const outDir = fileURLToPath(new URL(`${opt('--out', 'screenshots')}/`, root));
const fullPage = args.includes('--full-page');
const only = opt('--only', '').split(',').filter(Boolean);

/** The first event of the story: the first one inside the dataset's opening view, else the first. */
function storyEventId() {
  const dataset = JSON.parse(readFileSync(new URL('src/data/events.json', root), 'utf8'));
  const start = new URLSearchParams(dataset.view ?? '').get('span')?.split('..')[0] ?? '';
  const inView = dataset.events.filter((e) => e.date >= start).sort((a, b) => a.date.localeCompare(b.date));
  return (inView[0] ?? dataset.events[0]).id;
}

const desktop = { viewport: { width: 1366, height: 900 } };
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const en = { locale: 'en-US' };
const de = { locale: 'de-DE' };
const dark = { colorScheme: 'dark' };

/** name, path, browser context options, and what to wait for besides the drawn widget. */
const views = [
  ['desktop-en', '/', { ...desktop, ...en }],
  ['desktop-de', '/', { ...desktop, ...de }],
  ['desktop-dark-en', '/', { ...desktop, ...en, ...dark }],
  ['desktop-selected-en', `/?event=${storyEventId()}`, { ...desktop, ...en }, '.tl-detail h2'],
  ['desktop-list-en', '/?view=list', { ...desktop, ...en }, '.tl-list'],
  ['desktop-lanes-military-en', '/?cat=military&group=category', { ...desktop, ...en }],
  ['phone-en', '/', { ...phone, ...en }],
  ['phone-de', '/', { ...phone, ...de }],
  ['phone-dark-en', '/', { ...phone, ...en, ...dark }],
  ['embed-800x600-en', '/embed.html', { viewport: { width: 800, height: 600 }, ...en }],
].filter(([name]) => only.length === 0 || only.includes(name));

/** Opens `path` as `options` say, waits until the widget has drawn and settled, and takes the picture. */
async function take(browser, base, [name, path, options, waitFor]) {
  const context = await browser.newContext({ ...options, reducedMotion: 'reduce' });
  const testId = `shot-${name}-${process.pid}`;
  await context.setExtraHTTPHeaders({ 'x-test-id': testId });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.goto(base + path);
  await page.waitForSelector('.tl-app, .tl-error', { timeout: 30000 });
  // The widget, not the first view the pages carry until it has drawn.
  await page.waitForFunction(() => !document.querySelector('.tl-first-view'), null, { timeout: 30000 });
  await page.waitForSelector(waitFor ?? '.tl-event, .tl-cluster, .tl-list li, .tl-empty', { timeout: 30000 });
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const file = `${outDir}${name}.png`;
  await page.screenshot({ path: file, fullPage });
  const csp = await page.evaluate(async (id) => (await fetch(`/__csp/reports?test=${id}`)).json(), testId);
  problems.push(...csp.map((r) => `csp: ${r}`));
  await context.close();
  return { file, problems };
}

mkdirSync(outDir, { recursive: true });
const server = await startServer();
const browser = await launch();
let failed = 0;
try {
  for (const view of views) {
    try {
      const { file, problems } = await take(browser, server.base, view);
      console.log(file);
      for (const p of problems) console.log(`  ${p}`);
    } catch (err) {
      failed++;
      console.error(`${view[0]}: ${err.message.split('\n')[0]}`);
    }
  }
} finally {
  await browser.close();
  server.stop();
}
process.exit(failed ? 1 : 0);
