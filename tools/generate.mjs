// A seeded generator of large datasets in the project's schema, for benchmarks.
//   node tools/generate.mjs COUNT [SEED] > file.json
// The same COUNT and SEED always give the same bytes.

export function generate(count, seed = 1) {
  let s = seed >>> 0 || 1;
  const rand = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const pad = (n) => String(n).padStart(2, '0');
  const cats = ['diplomacy', 'military', 'energy', 'transport', 'analysis'];
  const words = ['pipeline', 'summit', 'treaty', 'corridor', 'exercise', 'shells', 'tanker', 'charter', 'border', 'minerals', 'port', 'railway'];
  const wordsDe = ['Pipeline', 'Gipfel', 'Vertrag', 'Korridor', 'Übung', 'Granaten', 'Tanker', 'Charta', 'Grenze', 'Mineralien', 'Hafen', 'Bahnstrecke'];
  const actors = Array.from({ length: 24 }, (_, i) => ({ id: `actor-${i}`, kind: i < 16 ? 'state' : 'organisation', name: { de: `Akteur ${i}`, en: `Actor ${i}` } }));
  const tags = Array.from({ length: 30 }, (_, i) => `tag-${i}`);
  const places = Array.from({ length: 15 }, (_, i) => ({ id: `place-${i}`, name: { de: `Ort ${i}`, en: `Place ${i}` }, lat: 40 + i / 10, lon: 45 + i / 10 }));
  const events = [];
  for (let i = 0; i < count; i++) {
    const y = 1990 + Math.floor(rand() * 37);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const p = rand();
    const date = p < 0.8 ? `${y}-${pad(m)}-${pad(d)}` : p < 0.95 ? `${y}-${pad(m)}` : `${y}`;
    const w = Math.floor(rand() * words.length);
    const ev = {
      id: `ev-${i}`,
      date,
      title: { de: `${wordsDe[w]} ${i}`, en: `${words[w]} ${i}` },
      summary: { de: `Generiertes Ereignis ${i} über ${wordsDe[(w + 3) % words.length]}.`, en: `Generated event ${i} about ${words[(w + 3) % words.length]}.` },
      actors: [pick(actors).id, pick(actors).id].filter((a, k, xs) => xs.indexOf(a) === k),
      categories: [pick(cats)],
      tags: [pick(tags)],
      sources: [{ title: `Source ${i}`, publisher: 'Generator', url: `https://example.org/${i}` }],
      confidence: rand() < 0.7 ? 'confirmed' : 'per-article',
    };
    if (date.length === 10 && rand() < 0.1) ev.end = `${y + 1}`;
    if (rand() < 0.05) ev.approximate = true;
    if (rand() < 0.6) ev.place = pick(places);
    events.push(ev);
  }
  return { title: { de: `Generiert (${count})`, en: `Generated (${count})` }, actors, events };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] || 1000);
  const seed = Number(process.argv[3] || 1);
  process.stdout.write(JSON.stringify(generate(count, seed)));
}
