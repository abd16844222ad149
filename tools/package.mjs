// Makes pkg/ a publishable npm package of the widget: minifies wasm-bindgen's JS glue, writes
// the custom element and the stylesheet next to it minified and their types as they are, and
// writes pkg/package.json. Fails loudly when a file the package names is missing
// (tests/e2e/package.test.mjs checks the result with npm pack).
import { readFile, writeFile, copyFile, access, readdir } from 'node:fs/promises';
import { transform } from 'lightningcss';
import { minify } from 'terser';
import { shortenImports } from './wasm-imports.mjs';

const root = new URL('../', import.meta.url);
const cargo = await readFile(new URL('Cargo.toml', root), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))[1];

// Files from www/ that belong in the package (the module imports its siblings by relative URL).
for (const f of ['timeline-explorer.d.ts', 'timeline.schema.json']) {
  await copyFile(new URL(`www/${f}`, root), new URL(`pkg/${f}`, root));
}
// The built-in dataset, without its indentation: a widget given no dataset fetches it from next
// to the glue (src/platform/fetch.rs), so that one showing a host's dataset never downloads it.
await writeFile(new URL('pkg/timeline_explorer_events.json', root),
  JSON.stringify(JSON.parse(await readFile(new URL('src/data/events.json', root), 'utf8'))));
// The scripts pages load, minified: wasm-bindgen's glue (in place) and the custom element (from
// www/, which keeps the readable source). Names a page or the glue's wasm module uses from
// outside (exports, properties) are left as they are; TypeScript's types directive stays.
// The glue's classes for wasm-streams' stream adapters (`IntoUnderlyingSource` and its siblings)
// go too: `./dev build` removed their exports from the wasm (see `optimise` in dev), and the widget
// never makes one. wasm-bindgen writes each as an exported class, a `Symbol.dispose` line and a
// finalization registry; anything left of them afterwards fails the build.
const adapters = 'IntoUnderlying(?:ByteSource|Sink|Source)';
const withoutStreamAdapters = (glue, file) => {
  const out = glue
    .replace(new RegExp(`^export class ${adapters} \\{\\n[\\s\\S]*?^\\}\\n`, 'gm'), '')
    .replace(new RegExp(`^if \\(Symbol\\.dispose\\) ${adapters}\\.prototype.*\\n`, 'gm'), '')
    .replace(new RegExp(`^const ${adapters}Finalization = [^;]*;\\n`, 'gm'), '');
  if (/IntoUnderlying|intounderlying/.test(out)) throw new Error(`${file}: stream adapter glue left over`);
  return out;
};
const minifyJs = async (from, to) => {
  let source = await readFile(new URL(from, root), 'utf8');
  if (from.startsWith('pkg/')) source = withoutStreamAdapters(source, from);
  const out = await minify(source, {
    module: true, compress: true, mangle: true, format: { comments: /@ts-self-types/ },
  });
  await writeFile(new URL(to, root), out.code);
};
// Short names for what the glue gives each wasm module (tools/wasm-imports.mjs), in the module and
// in its glue alike, before the glue is minified.
for (const f of ['timeline_explorer', 'timeline_explorer_import']) {
  const [wasmFile, glueFile] = [new URL(`pkg/${f}_bg.wasm`, root), new URL(`pkg/${f}.js`, root)];
  const { bytes, glue } = shortenImports(
    await readFile(wasmFile), await readFile(glueFile, 'utf8'), `./${f}_bg.js`, 'w');
  await writeFile(wasmFile, bytes);
  await writeFile(glueFile, glue);
}
// Their types go from the package's declarations as well.
for (const f of ['timeline_explorer', 'timeline_explorer_import']) {
  for (const kind of ['.d.ts', '_bg.wasm.d.ts']) {
    const file = new URL(`pkg/${f}${kind}`, root);
    const types = (await readFile(file, 'utf8'))
      .replace(new RegExp(`^export class ${adapters} \\{\\n[\\s\\S]*?^\\}\\n\\n?`, 'gm'), '')
      .replace(/^.*intounderlying.*\n/gm, '');
    if (/IntoUnderlying|intounderlying/.test(types)) throw new Error(`${f}${kind}: stream adapter types left over`);
    await writeFile(file, types);
  }
}
await minifyJs('pkg/timeline_explorer.js', 'pkg/timeline_explorer.js');
await minifyJs('pkg/timeline_explorer_import.js', 'pkg/timeline_explorer_import.js');
await minifyJs('www/timeline-explorer.js', 'pkg/timeline-explorer.js');
// The stylesheet pages load, minified: www/timeline.css keeps its comments for readers (they were
// a third of what the widget's CSS cost in transfer). Written for the oldest engines the bundle
// runs in (docs/engines.md: its wasm needs reference types and bulk memory, its scripts private
// methods and top-level await): light-dark() becomes a pair of custom properties that
// color-scheme switches (Safari before 17.5, Firefox before 120 and Chrome before 123 have no
// light-dark(), and every colour of the widget was left out there), and Safari gets its
// -webkit-user-select.
const version = (major) => major << 16;
const targets = { chrome: version(96), firefox: version(90), safari: version(15) };
const css = await readFile(new URL('www/timeline.css', root));
const { code, warnings } = transform({ filename: 'timeline.css', code: css, minify: true, targets });
if (warnings.length) throw new Error(`timeline.css: ${warnings.map((w) => w.message).join('; ')}`);
await writeFile(new URL('pkg/timeline.css', root), code);
// The package has a README of its own, for npm users (the repository's is for the whole project).
await copyFile(new URL('www/npm-README.md', root), new URL('pkg/README.md', root));

// The script that loads the CSV import module on demand (wasm-bindgen writes it under snippets/).
const snippets = (await readdir(new URL('pkg/snippets/', root), { recursive: true }))
  .filter((f) => f.endsWith('.js')).map((f) => `snippets/${f}`);

const pkg = {
  name: 'timeline-explorer',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  keywords: ['timeline', 'widget', 'custom-element', 'webassembly', 'leptos', 'timelinejs'],
  type: 'module',
  main: './timeline_explorer.js',
  module: './timeline_explorer.js',
  types: './timeline_explorer.d.ts',
  exports: {
    '.': { types: './timeline_explorer.d.ts', default: './timeline_explorer.js' },
    './element': { types: './timeline-explorer.d.ts', default: './timeline-explorer.js' },
    './style.css': './timeline.css',
    './schema.json': './timeline.schema.json',
    './timeline_explorer_bg.wasm': './timeline_explorer_bg.wasm',
    './timeline_explorer_import.js': './timeline_explorer_import.js',
    './timeline_explorer_import_bg.wasm': './timeline_explorer_import_bg.wasm',
    './timeline_explorer_events.json': './timeline_explorer_events.json',
    './package.json': './package.json',
  },
  files: ['timeline_explorer.js', 'timeline_explorer.d.ts', 'timeline_explorer_bg.wasm',
    'timeline_explorer_bg.wasm.d.ts', 'timeline_explorer_import.js', 'timeline_explorer_import_bg.wasm',
    'timeline_explorer_events.json', ...snippets,
    'timeline-explorer.js', 'timeline-explorer.d.ts', 'timeline.css', 'timeline.schema.json', 'README.md'],
  sideEffects: ['./timeline-explorer.js', '*.css'],
};
for (const f of pkg.files) await access(new URL(`pkg/${f}`, root));
await writeFile(new URL('pkg/package.json', root), JSON.stringify(pkg, null, 2) + '\n');
