// <timeline-explorer>: the widget as a custom element. One module script registers it:
//   <script type="module" src=".../timeline-explorer.js"></script>
//   <timeline-explorer src="data.json" state="cat=military&lang=de" height="600px" theme="auto"></timeline-explorer>
// Attributes: src (dataset URL), state (the shareable URL's query form), lang (de|en),
// height (a CSS length; a bare number means pixels), theme (light|dark|auto), url-prefix (opt in
// to mirroring the state into the host URL as PREFIX-name parameters). A child
// <script type="application/json"> (or type="text/csv" for a sheet) holds an inline dataset (it
// wins over src). A dataset may be a sheet (CSV) wherever it is given: the widget then loads its
// import module. A child first view (the HTML `prerender` writes, in an element of class
// tl-first-view, styled by the page's own link to timeline.css and its stylesheet) shows until
// the widget has drawn, which then takes its place.
// Attribute changes apply live (lang and url-prefix keep the current view, src loads the new
// dataset with the state attribute's view); removing the element tears the widget down with
// nothing left listening. Moving it (remove and insert in one go) keeps it as it is.
// Events: `timeline-select` (detail: { id }, "" when closed) and `timeline-change`
// (detail: { state }). The JS handle is `element.handle` (null while loading the module).
import init, { mount } from './timeline_explorer.js';

const ready = init({ module_or_path: new URL('./timeline_explorer_bg.wasm', import.meta.url) });
// A failed start is shown inside each element (see #fail); this only keeps it off the console twice.
ready.catch(() => {});
const styles = new URL('./timeline.css', import.meta.url).href;

export class TimelineExplorerElement extends HTMLElement {
  static observedAttributes = ['src', 'state', 'lang', 'height', 'theme', 'url-prefix'];

  #handle = null;
  #container;
  #generation = 0;
  #ownState = null;
  #inline = null;
  #observer = null;
  #slot = null;
  #firstViewDone = false;

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
    // An inline dataset may be filled in after the element is inserted (e.g. by a framework).
    this.#showFirstView();
    this.#observer ??= new MutationObserver(() => {
      this.#showFirstView();
      if (this.#inlineText() !== this.#inline) this.#remount(true);
    });
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    // Moved within the page: the widget is still there.
    if (!this.#handle) this.#remount(false);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    // Wait a moment: if the element is only being moved, it is connected again by then. (This
    // also lets a `timeline-select` listener remove the element while the widget is busy.)
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#generation++;
      this.#teardown();
    });
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this.isConnected || oldValue === value) return;
    if (name === 'height' || name === 'theme') return this.#applyLook();
    if (name === 'state' && this.#handle) {
      // The host reflecting the widget's own state back into the attribute is not a change.
      if (value === this.#ownState) return;
      return this.#handle.setState(value || '');
    }
    // A new dataset starts from the state attribute; a new language or URL prefix keeps the view.
    this.#remount(name !== 'src');
  }

  /** The JS handle of the mounted widget (null while loading the module). */
  get handle() {
    return this.#handle;
  }

  #applyLook() {
    let height = (this.getAttribute('height') || '').trim();
    if (/^\d+(\.\d+)?$/.test(height)) height += 'px';
    if (height) this.#container.style.setProperty('--timeline-height', height);
    else this.#container.style.removeProperty('--timeline-height');
    const theme = this.getAttribute('theme');
    if (theme === 'light' || theme === 'dark') this.#container.dataset.theme = theme;
    else delete this.#container.dataset.theme;
  }

  #inlineText() {
    const script = this.querySelector(':scope > script[type="application/json"], :scope > script[type="text/csv"]');
    return script ? script.textContent : null;
  }

  #teardown() {
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle.free();
      this.#handle = null;
    }
    this.#ownState = null;
    this.#container.replaceChildren();
  }

  /** Shows a child first view (if there is one) until the widget has drawn over it, hidden. */
  #showFirstView() {
    if (this.#slot || this.#firstViewDone || !this.querySelector(':scope > .tl-first-view')) return;
    const slot = document.createElement('slot');
    const stack = document.createElement('div');
    stack.style.display = 'grid';
    for (const el of [this.#container, slot]) {
      el.style.gridArea = '1 / 1';
      el.style.minWidth = '0';
    }
    slot.style.display = 'block';
    this.#container.style.visibility = 'hidden';
    this.#container.replaceWith(stack);
    stack.append(this.#container, slot);
    this.#slot = slot;
  }

  /** Takes the first view away (its children stay, unshown) and shows the widget. */
  #endFirstView() {
    this.#firstViewDone = true;
    this.#slot?.remove();
    this.#slot = null;
    this.#container.style.removeProperty('visibility');
  }

  /** Ends the first view once the widget has drawn (mutation callbacks run before the next frame). */
  #replaceFirstViewWhenDrawn() {
    if (!this.#slot) return;
    const drawn = () => this.#container.querySelector('.tl-event, .tl-cluster, .tl-list-item, .tl-empty, .tl-error, [role="alert"]');
    if (drawn()) return this.#endFirstView();
    const timer = setTimeout(() => { observer.disconnect(); this.#endFirstView(); }, 3000);
    const observer = new MutationObserver(() => {
      if (!drawn()) return;
      observer.disconnect();
      clearTimeout(timer);
      this.#endFirstView();
    });
    observer.observe(this.#container, { childList: true, subtree: true });
  }

  #fail(err) {
    this.#endFirstView();
    const box = document.createElement('div');
    box.className = 'tl-root';
    const p = document.createElement('p');
    p.className = 'tl-error';
    p.setAttribute('role', 'alert');
    p.textContent = `Die Zeitleiste konnte nicht gestartet werden. / The timeline could not start: ${err}`;
    box.append(p);
    this.#container.replaceChildren(box);
  }

  async #remount(keepView) {
    const generation = ++this.#generation;
    const view = keepView && this.#handle ? this.#handle.getState() : null;
    try {
      await ready;
    } catch (err) {
      if (generation === this.#generation) this.#fail(err);
      return;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    this.#teardown();
    this.#inline = this.#inlineText();
    const options = {
      src: this.getAttribute('src') || undefined,
      data: this.#inline ?? undefined,
      state: view ?? this.getAttribute('state') ?? undefined,
      lang: this.getAttribute('lang') || undefined,
      urlPrefix: this.getAttribute('url-prefix') || undefined,
    };
    const el = document.createElement('div');
    this.#container.append(el);
    try {
      this.#handle = mount(el, options);
    } catch (err) {
      return this.#fail(err);
    }
    this.#replaceFirstViewWhenDrawn();
    this.#handle.on('select', (id) => this.dispatchEvent(new CustomEvent('timeline-select', { detail: { id }, bubbles: true })));
    this.#handle.on('change', (state) => {
      this.#ownState = state;
      this.dispatchEvent(new CustomEvent('timeline-change', { detail: { state }, bubbles: true }));
    });
  }
}

if (!customElements.get('timeline-explorer')) customElements.define('timeline-explorer', TimelineExplorerElement);
