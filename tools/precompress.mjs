// Precompressed copies of the files the server sends, as a real host or CDN sends them: brotli
// (quality 11) and gzip (level 9) of every compressible file, written once at build time so that
// no request waits for a compressor. tools/serve.mjs sends a copy when the browser accepts its
// encoding and the copy is not older than the file.
//   node tools/precompress.mjs [PATH ...]   (default: what `./dev build` serves, see DEFAULT)
// The copies live outside the served folders, in target/precompressed/<path>.br and .gz, so that
// pkg/ stays exactly the npm package and www/ exactly its sources.
import { readFileSync, writeFileSync, mkdirSync, statSync, readdirSync, existsSync } from 'node:fs';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const root = normalize(join(fileURLToPath(import.meta.url), '..', '..'));
const store = join(root, 'target', 'precompressed');

/** The kinds of files worth compressing (images and fonts are compressed already). */
export const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.json', '.svg']);

/** Encodings in the order the server prefers them: file suffix and `Content-Encoding` value. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br', compress: (buf) => brotliCompressSync(buf, { params: {
    [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
  } }) },
  { name: 'gzip', suffix: '.gz', compress: (buf) => gzipSync(buf, { level: 9 }) },
];

/** Where the `encoding` copy of `rel` (a path relative to the repository) is kept. */
export const copyPath = (rel, encoding) =>
  join(store, rel + ENCODINGS.find((e) => e.name === encoding).suffix);

/** The served files `./dev build` compresses: the bundle, the pages, the fixtures, the peers. */
const DEFAULT = ['pkg', 'www', 'index.html', 'embed.html', 'tests/fixtures',
  'node_modules/vis-timeline/standalone/umd', 'node_modules/vis-timeline/styles',
  'node_modules/@knight-lab/timelinejs/dist'];

/** Every compressible file at or under `rel`. */
function filesUnder(rel) {
  const abs = join(root, rel);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return COMPRESSIBLE.has(extname(abs)) ? [rel] : [];
  return readdirSync(abs).flatMap((name) => filesUnder(join(rel, name)));
}

/**
 * Writes the missing or stale copies of the files at or under `paths`; returns each file's
 * sizes `{ rel, raw, br, gzip }`.
 */
export function precompress(paths) {
  const out = [];
  for (const rel of paths.flatMap((p) => filesUnder(relative(root, join(root, p))))) {
    const src = join(root, rel);
    const mtime = statSync(src).mtimeMs;
    const sizes = { rel: rel.split(sep).join('/'), raw: statSync(src).size };
    let buf = null;
    for (const enc of ENCODINGS) {
      const dst = copyPath(rel, enc.name);
      if (!existsSync(dst) || statSync(dst).mtimeMs < mtime) {
        buf ??= readFileSync(src);
        mkdirSync(dirname(dst), { recursive: true });
        writeFileSync(dst, enc.compress(buf));
      }
      sizes[enc.name] = statSync(dst).size;
    }
    out.push(sizes);
  }
  return out;
}

if (process.argv[1] && normalize(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const done = precompress(args.length ? args : DEFAULT);
  const sum = (k) => done.reduce((a, f) => a + f[k], 0);
  console.log(`precompressed ${done.length} files: ${sum('raw').toLocaleString('en-US')} B, `
    + `brotli ${sum('br').toLocaleString('en-US')} B, gzip ${sum('gzip').toLocaleString('en-US')} B`
    + ` (${relative(root, store)}/)`);
}
