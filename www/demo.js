// The demo page's own script: attribute buttons for the custom element, and a widget mounted
// through the JS API with a log of its events. Everything shown comes from the widgets' events and
// calls; text is set with textContent only.
import init, { mount } from '../pkg/timeline_explorer.js';

const MAX_LOG = 12;

/** Adds a line to a log list (newest first, at most MAX_LOG lines). */
function log(list, name, value) {
  const li = document.createElement('li');
  const tag = document.createElement('strong');
  tag.textContent = name;
  const code = document.createElement('code');
  code.textContent = JSON.stringify(value);
  li.append(tag, ' ', code);
  list.prepend(li);
  while (list.children.length > MAX_LOG) list.lastElementChild.remove();
}

// 1. The custom element: buttons set its attributes; its events go to a log.
const stage = document.getElementById('element-stage');
const element = document.getElementById('element-widget');
const elementLog = document.getElementById('element-log');
element.addEventListener('timeline-select', (e) => log(elementLog, 'timeline-select', e.detail));
element.addEventListener('timeline-change', (e) => log(elementLog, 'timeline-change', e.detail));

for (const button of document.querySelectorAll('#element-controls [data-attr]')) {
  button.addEventListener('click', () => {
    const { attr, value } = button.dataset;
    element.setAttribute(attr, value);
    for (const other of document.querySelectorAll(`#element-controls [data-attr="${attr}"]`)) {
      other.setAttribute('aria-pressed', String(other === button));
    }
  });
}

const toggle = document.getElementById('element-toggle');
toggle.addEventListener('click', () => {
  if (element.isConnected) {
    element.remove();
    toggle.textContent = 'Add the element again';
  } else {
    stage.append(element);
    toggle.textContent = 'Remove the element';
  }
});

// 2. The JS API. init() shares the one module instance with the custom element.
await init();
const apiLog = document.getElementById('api-log');
const handle = mount(document.getElementById('api-widget'), {
  src: 'demo-data/timelinejs.json',
  state: 'view=timeline',
  lang: 'en',
});
handle.on('select', (id) => log(apiLog, 'select', id));
handle.on('change', (state) => log(apiLog, 'change', state));

for (const button of document.querySelectorAll('#api-controls [data-set-state]')) {
  button.addEventListener('click', () => handle.setState(button.dataset.setState));
}
const stateOut = document.getElementById('api-state');
document.getElementById('api-get-state').addEventListener('click', () => {
  stateOut.textContent = JSON.stringify(handle.getState());
});

// For the end-to-end tests and for poking at it from the console.
window.demoHandle = handle;
