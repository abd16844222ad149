// The hostile-input corpus and the checks that nothing in it ran, shared by the Chromium tests
// (hostile.test.mjs) and the cross-engine ones (tests/engines/hostile.test.mjs). The page-side
// functions are plain functions that both Playwright's evaluate and WebDriver's executeScript run.
import assert from 'node:assert/strict';

export const CORPUS = [
  '<script>top.__xss=1</script>',
  '<img src=x onerror="top.__xss=1">',
  '<svg onload=top.__xss=1><circle r=1 /></svg>',
  '"><svg/onload=top.__xss=1>',
  "' onmouseover='top.__xss=1' x='",
  '<a href="javascript:top.__xss=1">click</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<div onclick=alert(1) onfocus=confirm(1) autofocus tabindex=0>focus</div>',
  'javascript:top.__xss=1',
  'data:text/html,<script>top.__xss=1</script>',
  'vbscript:msgbox(1)',
  '&lt;script&gt;top.__xss=1&lt;/script&gt;',
  '&#x6a;avascript:top.__xss=1',
  '<math><mi xlink:href="javascript:top.__xss=1">m</mi></math>',
  '<style>*{display:none}</style><link rel=stylesheet href=//evil.example/x.css>',
  '\u202Etxt.exe\u202C and \u2066<b>isolated</b>\u2069',
  'nul\u0000byte<scr\u0000ipt>top.__xss=1</script>',
  '${top.__xss=1}{{constructor.constructor("top.__xss=1")()}}',
  '<template><img src=x onerror=top.__xss=1></template>',
  '<object data="javascript:top.__xss=1"></object><embed src="javascript:prompt(1)">',
  'x'.repeat(5000) + '<img src=x onerror=top.__xss=1>',
];

/** Source links that are valid http(s) URLs yet full of markup. */
export const URLS = [
  (i) => `https://example.org/${i}/"><script>top.__xss=1</script>`,
  (i) => `http://example.org/${i}?q='onmouseover='top.__xss=1'`,
  (i) => `HTTPS://EXAMPLE.ORG/${i}#<img/src=x/onerror=top.__xss=1>`,
];

export const ALLOWED_TAGS = ['A', 'ASIDE', 'BUTTON', 'CITE', 'DIV', 'FIELDSET', 'H1', 'H2', 'H3', 'HEADER', 'INPUT', 'LABEL', 'LEGEND',
  'LI', 'MARK', 'OL', 'OPTION', 'P', 'PRE', 'SECTION', 'SELECT', 'SPAN', 'STRONG', 'TEXTAREA', 'TIME', 'UL',
  // The overview's density chart (SVG elements keep their lower-case names).
  'svg', 'path'];

const CATS = ['diplomacy', 'military', 'energy', 'transport', 'analysis'];
const pad = (n) => String(n).padStart(2, '0');
export const chars = (s) => Array.from(s);

/** A valid dataset with a payload in every free-text field, DE and EN. */
export function hostileDataset() {
  return {
    title: { de: `Titel ${CORPUS[0]}`, en: CORPUS[1] },
    actors: CORPUS.map((p, i) => ({ id: `a${i}`, kind: 'person', name: { de: `Akteur ${p}`, en: `Actor ${p}` } })),
    events: CORPUS.map((p, i) => ({
      id: `e${i}`,
      date: `2025-${pad(1 + (i % 12))}-${pad(1 + i)}`,
      title: { de: `Titel ${p}`, en: p },
      summary: { de: `Zusammenfassung: ${p}`, en: `Summary: ${p}` },
      actors: [`a${i}`],
      categories: [CATS[i % CATS.length]],
      tags: [`t${i}`],
      place: { id: `p${i}`, name: { de: `Ort ${p}`, en: `Place ${p}` } },
      sources: [{ title: `Source ${p}`, publisher: `Publisher ${p}`, url: URLS[i % URLS.length](i) }],
      related: i ? [{ id: `e${i - 1}`, relation: 'follows' }] : [],
      confidence: 'confirmed',
    })),
  };
}

export const PARAMS = ['q', 'cat', 'actor', 'tag', 'place', 'from', 'to', 'event', 'span', 'group', 'view', 'lang'];
export const cap = (s) => { const c = chars(s); return c.slice(0, 40).join('') + (c.length > 40 ? '…' : ''); };

/** Replaces every function a payload may call to pop something up with one that sets the canary. */
export function armCanary() {
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    window[name] = () => { window.__xss = `${name} was called`; };
  }
}

/** In the page: what the widgets on it are made of (see assertInert). */
export function inertReport(allowed) {
  // The canary as text, or null while unset (WebDriver returns undefined as null).
  const canary = (w) => (w.__xss === undefined ? null : String(w.__xss));
  const out = { roots: 0, tags: [], handlers: [], urls: [], links: [], canary: canary(window), top: canary(top) };
  const roots = [...document.querySelectorAll('.tl-root')];
  for (const host of document.querySelectorAll('timeline-explorer')) roots.push(...(host.shadowRoot?.querySelectorAll('.tl-root') ?? []));
  for (const root of roots) {
    out.roots++;
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (!allowed.includes(el.tagName)) out.tags.push(el.tagName);
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) out.handlers.push(`${el.tagName}[${a.name}]`);
        if (/^(src|srcdoc|action|formaction|xlink:href|data|background|poster|style)$/i.test(a.name)
            && /javascript:|data:|url\(/i.test(a.value)) out.urls.push(`${el.tagName}[${a.name}=${a.value}]`);
      }
      if (el.tagName === 'A' && el.hasAttribute('href')) out.links.push(new URL(el.href).protocol);
    }
  }
  return out;
}

/** Nothing ran, nothing foreign was built: only the widget's own elements, no handler, http(s) links. */
export function assertInertReport(r, where) {
  assert.ok(r.roots >= 1, `${where}: a widget is shown`);
  assert.deepEqual(r.tags, [], `${where}: only elements the widget makes`);
  assert.deepEqual(r.handlers, [], `${where}: no on* attribute`);
  assert.deepEqual(r.urls, [], `${where}: no script or data URL in any attribute`);
  for (const p of r.links) assert.ok(p === 'http:' || p === 'https:', `${where}: a ${p} link`);
  assert.equal(r.canary, null, `${where}: the canary is unset`);
  assert.equal(r.top, null, `${where}: the canary is unset on top`);
}
