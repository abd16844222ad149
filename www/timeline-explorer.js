// <timeline-explorer>: the widget as a custom element. One module script registers it:
//   <script type="module" src=".../timeline-explorer.js"></script>
//   <timeline-explorer src="data.json" state="cat=military&lang=de" height="600px" theme="auto"></timeline-explorer>
// Attributes: src (dataset URL), state (the shareable URL's query form), lang (de|en),
// height (any CSS length), theme (light|dark|auto), url-prefix (opt in to mirroring the state into
// the host URL as PREFIX-name parameters). A child <script type="application/json"> holds an inline
// dataset. Attribute changes apply live; removing the element tears the widget down.
// Events: `timeline-select` (detail: { id }) and `timeline-change` (detail: { state }).
import init, { mount } from './timeline_explorer.js';

const ready = init({ module_or_path: new URL('./timeline_explorer_bg.wasm', import.meta.url) });
const styles = new URL('./timeline.css', import.meta.url).href;

class TimelineExplorer extends HTMLElement {
  static observedAttributes = ['src', 'state', 'lang', 'height', 'theme', 'url-prefix'];

  #handle = null;
  #container = null;
  #generation = 0;
  #ownState = null;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = styles;
    this.#container = document.createElement('div');
    this.#container.className = 'tl-host';
    shadow.append(link, this.#container);
  }

  connectedCallback() {
    this.#applyLook();
    this.#remount();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#teardown();
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this.isConnected || oldValue === value) return;
    if (name === 'height' || name === 'theme') return this.#applyLook();
    if (name === 'state' && this.#handle) {
      // The widget reflecting its own state back into the attribute is not a change.
      if (value === this.#ownState) return;
      return this.#handle.setState(value || '');
    }
    this.#remount();
  }

  /** The JS handle of the mounted widget (null while loading the module). */
  get handle() {
    return this.#handle;
  }

  #applyLook() {
    const height = this.getAttribute('height');
    if (height) this.style.setProperty('--tl-height', height);
    else this.style.removeProperty('--tl-height');
    const theme = this.getAttribute('theme');
    if (theme === 'light' || theme === 'dark') this.#container.dataset.theme = theme;
    else delete this.#container.dataset.theme;
  }

  #teardown() {
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle.free();
      this.#handle = null;
    }
    this.#container.replaceChildren();
  }

  async #remount() {
    const generation = ++this.#generation;
    await ready;
    if (generation !== this.#generation || !this.isConnected) return;
    this.#teardown();
    const inline = this.querySelector('script[type="application/json"]');
    const options = {
      src: this.getAttribute('src') || undefined,
      data: inline ? inline.textContent : undefined,
      state: this.getAttribute('state') || '',
      lang: this.getAttribute('lang') || undefined,
      urlPrefix: this.getAttribute('url-prefix') || undefined,
    };
    const el = document.createElement('div');
    this.#container.append(el);
    this.#handle = mount(el, options);
    this.#handle.on('select', (id) => this.dispatchEvent(new CustomEvent('timeline-select', { detail: { id }, bubbles: true })));
    this.#handle.on('change', (state) => {
      this.#ownState = state;
      this.dispatchEvent(new CustomEvent('timeline-change', { detail: { state }, bubbles: true }));
    });
  }
}

if (!customElements.get('timeline-explorer')) customElements.define('timeline-explorer', TimelineExplorer);
