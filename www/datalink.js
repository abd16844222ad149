// A timeline in a link: a dataset's JSON, compressed with the browser's CompressionStream
// ('deflate-raw') and written in base64url, is the fragment of a link to the standalone view
// (`index.html#data=…`). The fragment never reaches a server. Reading it back is bounded: a
// fragment over `MAX_LINK_CHARS` is refused before anything is decoded, and decompression
// stops as soon as the text is over the dataset's own bound. What comes out is only ever handed
// to the widget as an inline dataset, which validates it like any other.

/** The fragment's key: `#data=…`. */
export const LINK_KEY = 'data';
/** The longest fragment value read: 65,536 characters, 48 KiB of compressed data. */
export const MAX_LINK_CHARS = 65536;
/** The largest dataset text, in bytes: the widget's own bound for any dataset (64 MiB). */
export const MAX_DATASET_BYTES = 64 * 1024 * 1024;

const FORMAT = 'deflate-raw';

/** Why a fragment could not be read: `tooLong`, `base64`, `compression`, `tooLarge`, `notJson`. */
export class LinkError extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new LinkError('base64');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The fragment value (without `#data=`) that carries `json`. */
export async function encodeLink(json) {
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream(FORMAT));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** The fragment value of a URL's `hash` (`#data=…`), or null when it carries no dataset. */
export function linkValue(hash) {
  const prefix = `#${LINK_KEY}=`;
  return hash.startsWith(prefix) ? hash.slice(prefix.length) : null;
}

/**
 * The dataset text a fragment value carries. Throws a `LinkError` when it is too long, not
 * base64url, not compressed data, larger than a dataset may be once decompressed (reading stops
 * there), or not a JSON object's text.
 */
export async function decodeLink(value, maxBytes = MAX_DATASET_BYTES) {
  if (value.length > MAX_LINK_CHARS) throw new LinkError('tooLong');
  const bytes = fromBase64Url(value);
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(FORMAT)).getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      total += chunk.length;
      if (total > maxBytes) {
        reader.cancel().catch(() => {});
        throw new LinkError('tooLarge');
      }
      chunks.push(chunk);
    }
  } catch (err) {
    throw err instanceof LinkError ? err : new LinkError('compression');
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(chunks).arrayBuffer());
  } catch {
    throw new LinkError('notJson');
  }
  if (!text.trimStart().startsWith('{')) throw new LinkError('notJson');
  return text;
}
