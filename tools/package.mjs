// Writes pkg/package.json so that pkg/ is a publishable npm package of the widget.
import { readFile, writeFile, copyFile } from 'node:fs/promises';

const cargo = await readFile(new URL('../Cargo.toml', import.meta.url), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))[1];
const pkg = {
  name: 'timeline-explorer',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  main: './timeline_explorer.js',
  types: './timeline_explorer.d.ts',
  exports: {
    '.': { types: './timeline_explorer.d.ts', default: './timeline_explorer.js' },
    './element': './timeline-explorer.js',
    './style.css': './timeline.css',
    './timeline_explorer_bg.wasm': './timeline_explorer_bg.wasm',
  },
  files: ['timeline_explorer.js', 'timeline_explorer.d.ts', 'timeline_explorer_bg.wasm',
    'timeline_explorer_bg.wasm.d.ts', 'timeline-explorer.js', 'timeline.css'],
  sideEffects: ['./timeline-explorer.js'],
};
await writeFile(new URL('../pkg/package.json', import.meta.url), JSON.stringify(pkg, null, 2) + '\n');
for (const f of ['timeline-explorer.js', 'timeline.css']) {
  try { await copyFile(new URL(`../www/${f}`, import.meta.url), new URL(`../pkg/${f}`, import.meta.url)); } catch {}
}
