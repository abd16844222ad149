// Takes out of wasm-bindgen's output what the widget never uses but the bundle would carry.
//
// Leptos depends on server_fn with its `browser` feature, which links the `wasm-streams` crate,
// and every `#[wasm_bindgen]` class of a linked crate is exported from the module: its readable
// and writable stream adapters (IntoUnderlyingSource, IntoUnderlyingByteSource,
// IntoUnderlyingSink) and the futures machinery behind their methods stayed in our wasm and our
// JS glue although nothing calls them. `./dev build` runs this in two steps:
//   node tools/prune.mjs exports   after wasm-bindgen: drops those exports from the wasm, and
//                                  their classes from the glue and the type declarations (so
//                                  wasm-opt can then drop the code that only they reached);
//   node tools/prune.mjs imports   after wasm-opt: drops the glue's import functions that the
//                                  optimised module no longer imports, then checks that glue
//                                  and module agree (every `wasm.x` the glue uses is exported,
//                                  every import is provided) and fails the build if not.
// A wasm-bindgen that writes its glue differently makes the check fail, never a broken bundle.
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../pkg/', import.meta.url);
const file = (name) => new URL(name, dir);
const WASM = 'timeline_explorer_bg.wasm';
const JS = 'timeline_explorer.js';
const DTS = ['timeline_explorer.d.ts', 'timeline_explorer_bg.wasm.d.ts'];
// The unused classes (their exports are named in lower case, with or without `__wbg_`).
const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
const unused = (name) => CLASSES.some((c) => name.replace(/^__wbg_/, '').startsWith(`${c.toLowerCase()}_`));

const fail = (msg) => { console.error(`prune: ${msg}`); process.exit(1); };

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0, shift = 0, b;
  do { b = bytes[at++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return [value, at];
}
const encodeLeb = (n) => { const out = []; do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n); return out; };

/** The module with the export section's entries that `keep` refuses left out. */
function filterExports(bytes, keep) {
  const out = [bytes.subarray(0, 8)];
  let at = 8, dropped = 0;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    const end = body + size;
    if (id !== 7) { out.push(bytes.subarray(at, end)); at = end; continue; }
    let [count, p] = leb(bytes, body);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const start = p;
      const [len, nameAt] = leb(bytes, p);
      const name = new TextDecoder().decode(bytes.subarray(nameAt, nameAt + len));
      p = leb(bytes, nameAt + len + 1)[1];
      if (keep(name)) kept.push(bytes.subarray(start, p)); else dropped++;
    }
    const content = Buffer.concat([Buffer.from(encodeLeb(kept.length)), ...kept]);
    out.push(Buffer.from([7, ...encodeLeb(content.length)]), content);
    at = end;
  }
  return [Buffer.concat(out), dropped];
}

/** `text` without the blocks that start at a line `start` matches and end at the first line `end` matches. */
function dropBlocks(text, start, end) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (!start.test(lines[i])) { out.push(lines[i]); continue; }
    while (i < lines.length && !end.test(lines[i])) i++;
  }
  return out.join('\n');
}

const step = process.argv[2];
const classRe = CLASSES.join('|');
if (step === 'exports') {
  const [wasm, dropped] = filterExports(readFileSync(file(WASM)), (name) => !unused(name));
  if (dropped === 0) fail(`no ${CLASSES.join('/')} exports found: has wasm-bindgen or Leptos changed?`);
  writeFileSync(file(WASM), wasm);
  let js = readFileSync(file(JS), 'utf8');
  js = dropBlocks(js, new RegExp(`^export class (${classRe}) \\{$`), /^\}$/);
  js = js.split('\n').filter((l) => !new RegExp(`^if \\(Symbol\\.dispose\\) (${classRe})\\.`).test(l)).join('\n');
  js = dropBlocks(js, new RegExp(`^const (${classRe})Finalization = `), /;$/);
  writeFileSync(file(JS), js);
  for (const f of DTS) {
    let d = readFileSync(file(f), 'utf8');
    d = dropBlocks(d, new RegExp(`^export class (${classRe}) \\{$`), /^\}$/);
    d = d.split('\n').filter((l) => !/\b(__wbg_)?intounderlying\w*:/i.test(l)).join('\n');
    writeFileSync(file(f), d);
  }
  console.log(`prune: ${dropped} unused exports taken out`);
} else if (step === 'imports') {
  const module = new WebAssembly.Module(readFileSync(file(WASM)));
  const imports = new Set(WebAssembly.Module.imports(module).map((i) => i.name));
  const exports = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  const lines = readFileSync(file(JS), 'utf8').split('\n');
  // The import object: `const import0 = {`, one `        name: function…` entry after another.
  const first = lines.findIndex((l) => /^    const import0 = \{$/.test(l));
  const last = lines.findIndex((l, i) => i > first && /^    \};$/.test(l));
  if (first < 0 || last < 0) fail('the glue has no import object where expected');
  const out = lines.slice(0, first + 1);
  const provided = new Set();
  let drop = false, dropped = 0;
  for (const line of lines.slice(first + 1, last)) {
    const entry = line.match(/^ {8}(\w+): /);
    if (entry) {
      drop = entry[1] !== '__proto__' && !imports.has(entry[1]);
      if (drop) dropped++;
      else provided.add(entry[1]);
    }
    if (!drop) out.push(line);
  }
  const js = [...out, ...lines.slice(last)].join('\n');
  // Glue and module must agree, whatever was pruned.
  const missingImports = [...imports].filter((n) => !provided.has(n));
  const missingExports = [...new Set([...js.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]))].filter((n) => !exports.has(n));
  if (missingImports.length || missingExports.length) {
    fail(`glue and module disagree: imports not provided [${missingImports}], exports used but missing [${missingExports}]`);
  }
  writeFileSync(file(JS), js);
  console.log(`prune: ${dropped} unused import functions taken out of the glue`);
} else {
  fail('usage: node tools/prune.mjs exports|imports');
}
