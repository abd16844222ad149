// The same events for the peer widgets the benchmark compares with (tools/bench.mjs): a dataset
// in this project's schema (tools/generate.mjs) converted to vis-timeline items and groups, and to
// TimelineJS3's JSON format. Each peer gets the events in its own format, so that its data
// transfer is what it would really load.
//
// Grouping: one vis-timeline group (one TimelineJS3 group) per category, like the `group=category`
// lanes of this widget, in this widget's category order. Dates keep their precision: a day is a
// point, a month or a year is a span over the whole month or year, as this widget draws them.

export const CATEGORIES = ['diplomacy', 'military', 'energy', 'transport', 'analysis'];
const LABELS = { diplomacy: 'Diplomacy', military: 'Military', energy: 'Energy', transport: 'Transport', analysis: 'Analysis' };

const pad = (n) => String(n).padStart(2, '0');

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as numbers. */
function parts(date) {
  const [y, m, d] = date.split('-').map(Number);
  return { y, m, d };
}

/** The first day a date covers, as `YYYY-MM-DD`. */
function first(date) {
  const { y, m, d } = parts(date);
  return `${y}-${pad(m || 1)}-${pad(d || 1)}`;
}

/** The day after the last day a date covers (an exclusive end), as `YYYY-MM-DD`. */
function after(date) {
  const { y, m, d } = parts(date);
  if (!m) return `${y + 1}-01-01`;
  if (!d) return m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return t.toISOString().slice(0, 10);
}

/**
 * vis-timeline: `{ groups, items, actors }`. An item keeps the texts this widget searches
 * (titles and summaries in both languages, actors, tags, place), so that the peer's search
 * can look at the same things.
 */
export function toVis(ds) {
  const groups = CATEGORIES.map((id, order) => ({ id, content: LABELS[id], order }));
  const items = ds.events.map((e) => {
    const point = e.date.length === 10 && !e.end;
    const item = {
      id: e.id,
      group: e.categories[0],
      content: e.title.en,
      start: first(e.date),
      title: e.title,
      summary: e.summary,
      actors: e.actors,
      tags: e.tags,
    };
    if (!point) {
      item.end = after(e.end || e.date);
      item.type = 'range';
    }
    if (e.place) item.place = e.place.name;
    return item;
  });
  return { groups, items, actors: ds.actors };
}

/** TimelineJS3 JSON: one slide per event, grouped by category. */
export function toTimelineJs(ds) {
  const tlDate = (date) => {
    const { y, m, d } = parts(date);
    const out = { year: y };
    if (m) out.month = m;
    if (d) out.day = d;
    return out;
  };
  return {
    events: ds.events.map((e) => {
      const ev = {
        unique_id: e.id,
        start_date: tlDate(e.date),
        text: { headline: e.title.en, text: e.summary.en },
        group: LABELS[e.categories[0]],
      };
      if (e.end) ev.end_date = tlDate(e.end);
      return ev;
    }),
  };
}
