// pkg/ is a publishable npm package: its package.json names files that exist and that `npm pack`
// puts in the tarball, the entry points resolve by package name, and the TypeScript declarations
// describe the JS API. Runs against the release build (./dev build); no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url);
const pkgDir = new URL('pkg/', root);
const pkg = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8'));

/** Every file path an `exports` map points at. */
function targets(exports) {
  if (typeof exports === 'string') return [exports];
  return Object.values(exports).flatMap(targets);
}
const strip = (p) => p.replace(/^\.\//, '');

test('package.json names the package and its version as Cargo.toml does', () => {
  const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
  assert.equal(pkg.name, 'timeline-explorer');
  assert.equal(pkg.version, cargo.match(/^version = "([^"]+)"/m)[1]);
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  assert.equal(pkg.type, 'module');
  assert.ok(pkg.license && pkg.description);
  assert.equal(pkg.private, undefined, 'nothing stops it from being published');
});

test('every file package.json points at exists and is in the tarball npm would publish', () => {
  const named = [pkg.main, pkg.types, ...targets(pkg.exports), ...pkg.files].map(strip);
  for (const f of named) assert.ok(existsSync(new URL(f, pkgDir)), `pkg/${f} exists`);
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: pkgDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
  }));
  const inTarball = new Set(packed.files.map((f) => f.path));
  for (const f of named) assert.ok(inTarball.has(f), `${f} is published`);
  for (const f of ['timeline_explorer_bg.wasm', 'timeline-explorer.js', 'timeline.css', 'timeline.schema.json']) assert.ok(inTarball.has(f));
  assert.deepEqual([...inTarball].filter((f) => f.includes('crash')), [], 'the test-only crash bundle is never published');
  assert.equal(JSON.parse(readFileSync(new URL('timeline.schema.json', pkgDir), 'utf8')).title, 'Timeline explorer dataset');
  assert.equal(pkg.exports['.'].types, pkg.types);
});

test('the packed package resolves by name and its module exports mount and init', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-pkg-'));
  try {
    const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], {
      cwd: pkgDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
    }).trim().split('\n').pop();
    const into = join(dir, 'node_modules', 'timeline-explorer');
    mkdirSync(into, { recursive: true });
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', into, '--strip-components=1']);
    writeFileSync(join(dir, 'check.mjs'), `
      const m = await import('timeline-explorer');
      console.log(JSON.stringify({
        main: import.meta.resolve('timeline-explorer').endsWith('/timeline_explorer.js'),
        element: import.meta.resolve('timeline-explorer/element').endsWith('/timeline-explorer.js'),
        css: import.meta.resolve('timeline-explorer/style.css').endsWith('/timeline.css'),
        exports: [typeof m.default, typeof m.mount, typeof m.TimelineHandle, typeof m.mountStandalone],
      }));
    `);
    const out = JSON.parse(execFileSync(process.execPath, [join(dir, 'check.mjs')], { cwd: dir, encoding: 'utf8' }));
    assert.deepEqual(out, { main: true, element: true, css: true, exports: ['function', 'function', 'function', 'function'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the TypeScript declarations describe mount, its options and the handle', () => {
  const dts = readFileSync(new URL(strip(pkg.types), pkgDir), 'utf8');
  assert.match(dts, /export function mount\(element: HTMLElement, options\?: MountOptions\): TimelineHandle;/);
  const options = dts.match(/export interface MountOptions \{([\s\S]*?)\n\}/);
  assert.ok(options, 'MountOptions is declared');
  const fields = [...options[1].matchAll(/^\s+(\w+)\?: ([^;]+);/gm)].map((m) => `${m[1]}: ${m[2]}`);
  assert.deepEqual(fields, ['src: string', 'data: string', 'state: string', 'lang: "de" | "en"', 'urlPrefix: string']);
  const handle = dts.match(/export class TimelineHandle \{([\s\S]*?)\n\}/)[1];
  for (const member of ['setState(query: string): void;', 'getState(): string;', 'destroy(): void;',
    'on(event: TimelineEventName, callback: (value: string) => void): void;']) {
    assert.ok(handle.includes(member), `TimelineHandle has ${member}`);
  }
  assert.match(dts, /export type TimelineEventName = "select" \| "change";/);
  const element = readFileSync(new URL(strip(pkg.exports['./element'].types), pkgDir), 'utf8');
  assert.match(element, /'timeline-explorer': TimelineExplorerElement;/);
  assert.match(element, /readonly handle: TimelineHandle \| null;/);
});

test('the package ships a short README written for npm users, not the repository README', () => {
  const readme = readFileSync(new URL('README.md', pkgDir), 'utf8');
  assert.equal(readme, readFileSync(new URL('www/npm-README.md', root), 'utf8'));
  assert.notEqual(readme, readFileSync(new URL('README.md', root), 'utf8'));
  assert.ok(readme.length < 5000, `${readme.length} bytes`);
  assert.match(readme, /<timeline-explorer /);
  assert.match(readme, /import init, \{ mount \} from 'timeline-explorer'/);
});

test('each wasm module takes its glue by short names and exports no stream adapters', () => {
  for (const name of ['timeline_explorer', 'timeline_explorer_import']) {
    const module = new WebAssembly.Module(readFileSync(new URL(`${name}_bg.wasm`, pkgDir)));
    const fromGlue = WebAssembly.Module.imports(module).filter((i) => !i.module.startsWith('./snippets/'));
    assert.ok(fromGlue.length > 0, `${name}: ${fromGlue.length} imports from the glue`);
    for (const i of fromGlue) {
      assert.equal(i.module, 'w', `${name}: ${i.module}`);
      assert.match(i.name, /^[a-zA-Z]{1,2}$/, `${name}: ${i.name}`);
    }
    const glue = readFileSync(new URL(`${name}.js`, pkgDir), 'utf8');
    assert.doesNotMatch(glue, /timeline_explorer(_import)?_bg\.js"/, `${name}.js`);
    const exports = WebAssembly.Module.exports(module).map((e) => e.name);
    assert.deepEqual(exports.filter((e) => /intounderlying/i.test(e)), [], `${name}: exports`);
    assert.doesNotMatch(glue, /IntoUnderlying/, `${name}.js`);
  }
});
