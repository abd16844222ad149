// A panic shows a message inside every widget on the page, in its language, with details to
// report; the host page keeps working. Uses the crash-test bundle's deliberate `crashForTest`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, done } from './helpers.mjs';

const ctx = setup();

test('a panic shows a crash message with details in every widget and the host page keeps working', async () => {
  const page = await open(ctx, '/tests/fixtures/crash.html', { wait: false });
  await page.waitForSelector('#light .tl-app');
  await page.waitForFunction(() => document.getElementById('shadow-host').shadowRoot.querySelector('.tl-app'));

  const thrown = await page.evaluate(() => {
    try {
      window.__crash('deliberate test panic <img src=x onerror="window.__xss=1">');
      return null;
    } catch (e) {
      return String(e);
    }
  });
  assert.ok(thrown, 'the panic aborts the call that caused it');

  const light = await page.$eval('#light', (el) => ({
    alert: el.querySelector('.tl-crash[role="alert"] strong')?.textContent,
    details: el.querySelector('.tl-crash-details')?.value,
    app: !!el.querySelector('.tl-app'),
    img: !!el.querySelector('img'),
  }));
  assert.equal(light.alert, 'In der Zeitleiste ist ein Fehler aufgetreten.');
  assert.match(light.details, /deliberate test panic <img src=x onerror/);
  assert.match(light.details, /timeline-explorer \d+\.\d+\.\d+/);
  assert.equal(light.app, false, 'the broken widget is replaced, not left frozen');
  assert.equal(light.img, false, 'the panic message is text');

  const shadow = await page.evaluate(() => {
    const root = document.getElementById('shadow-host').shadowRoot;
    return { alert: root.querySelector('.tl-crash strong')?.textContent, details: root.querySelector('.tl-crash-details')?.value };
  });
  assert.equal(shadow.alert, 'Something went wrong inside the timeline.');
  assert.match(shadow.details, /deliberate test panic/);

  await page.click('#host-button');
  await page.click('#host-button');
  assert.equal(await page.textContent('#host-count'), '2', 'the host page still responds');
  assert.equal(await page.evaluate(() => window.__xss), undefined);

  // The panic hook logs the panic to the console; nothing else may go wrong.
  page.problems = page.problems.filter((p) => !p.includes('deliberate test panic'));
  await done(page);
});
