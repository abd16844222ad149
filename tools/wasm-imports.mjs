// Short names across the boundary between a wasm module and its wasm-bindgen glue.
//
// wasm-bindgen names each function the glue gives the module after the Rust item and a hash
// (`__wbg_setAttribute_2d0e4c6ab1f0d7c3`), and the module's import section names the glue's module
// by its file (`./timeline_explorer_bg.js`). Those names are in the wasm once and in the glue once
// each, about 11 kB for the reader's 196 imports, and their hashes do not compress. This renames
// them to short names (`a`, `b`, … `aa`, …) in both: the import section is rewritten in place
// (every other byte of the module stays as it is), and each name's key in the glue's import object
// is replaced. Anything unexpected (a name that is not a key exactly once in the glue, a section
// that does not parse) throws, so the build fails rather than ship a module its glue cannot load.

const leb = (bytes, at) => {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
};

const writeLeb = (value) => {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
};

const text = new TextDecoder('utf-8', { fatal: true });
const utf8 = new TextEncoder();

const readName = (bytes, at) => {
  const [len, start] = leb(bytes, at);
  return [text.decode(bytes.subarray(start, start + len)), start + len];
};

const writeName = (name) => {
  const b = utf8.encode(name);
  return [...writeLeb(b.length), ...b];
};

// Skips an import's description (what follows its kind byte) and returns where it ends.
const skipLimits = (bytes, at) => {
  const flags = bytes[at++];
  [, at] = leb(bytes, at);
  if (flags & 1) [, at] = leb(bytes, at);
  return at;
};
const skipDescription = (bytes, kind, at) => {
  switch (kind) {
    case 0: return leb(bytes, at)[1]; // function: type index
    case 1: return skipLimits(bytes, at + 1); // table: reference type, limits
    case 2: return skipLimits(bytes, at); // memory: limits
    case 3: return at + 2; // global: value type (one byte without GC types), mutability
    case 4: return leb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`import of unknown kind ${kind}`);
  }
};

// `a`…`z`, `A`…`Z`, then two letters and so on; never a word JavaScript reserves.
const shortName = (() => {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const reserved = new Set(['do', 'if', 'in']);
  let next = 0;
  return () => {
    for (;;) {
      let n = next++, name = '';
      do {
        name = letters[n % letters.length] + name;
        n = Math.floor(n / letters.length) - 1;
      } while (n >= 0);
      if (!reserved.has(name)) return name;
    }
  };
});

/// Renames the imports of `module` (the glue's module name) in the wasm `bytes` and in the glue's
/// source `glue`, and the module itself to `to`. Returns the new bytes and source.
export function shortenImports(bytes, glue, module, to) {
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('not a wasm module');
  }
  const next = shortName();
  const renames = new Map();
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (id !== 2) {
      parts.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = leb(bytes, start);
    const section = [...writeLeb(count)];
    while (count--) {
      let from, name;
      [from, p] = readName(bytes, p);
      [name, p] = readName(bytes, p);
      const kind = bytes[p];
      const descEnd = skipDescription(bytes, kind, p + 1);
      if (from === module) {
        if (!renames.has(name)) renames.set(name, next());
        section.push(...writeName(to), ...writeName(renames.get(name)));
      } else {
        section.push(...writeName(from), ...writeName(name));
      }
      section.push(...bytes.subarray(p, descEnd));
      p = descEnd;
    }
    if (p !== end) throw new Error('the import section has bytes after its last import');
    parts.push(Uint8Array.from([2, ...writeLeb(section.length), ...section]));
    at = end;
  }
  if (renames.size === 0) throw new Error(`no imports from ${module}`);

  let source = glue;
  for (const [name, short] of renames) {
    const key = new RegExp(`(?<=[{,\\s])${name}(?=: function\\b)`, 'g');
    const found = source.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`${name}: ${found} keys in the glue, expected 1`);
    source = source.replace(key, short);
  }
  const moduleKey = `"${module}": import0`;
  if (source.split(moduleKey).length !== 2) throw new Error(`${moduleKey}: not once in the glue`);
  source = source.replace(moduleKey, `"${to}": import0`);
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  parts.reduce((offset, part) => (out.set(part, offset), offset + part.length), 0);
  return { bytes: out, glue: source, renamed: renames.size };
}
