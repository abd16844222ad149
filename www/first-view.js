// Chooses the language of the first view that the page carries (drawn at build time, shown
// until the widget has drawn) as the widget will choose it: `lang` in the page's query, else
// the browser's language. A classic script in the head, so that the choice is made before the
// page is first drawn. On a link to another view the first view keeps its frame but not its
// events; on a link that carries a dataset of its own it does not show.
(() => {
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const asked = query.get('lang');
  const browser = (navigator.language || '').split(/[-_]/)[0].toLowerCase();
  root.dataset.firstView = asked === 'de' || asked === 'en' ? asked : browser === 'de' ? 'de' : 'en';
  // A link that carries a dataset of its own (`#data=…`): none of the first view is its.
  if (location.hash.startsWith('#data=')) root.dataset.firstViewData = '';
  else if ([...query.keys()].some((key) => key !== 'lang')) root.dataset.firstViewLinked = '';
})();
