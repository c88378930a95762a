/**
 * Synthetic stored data for benchmarks: events that look like the real store's (the gazetteer's towns
 * in the countries Marsad covers, ACLED types, dates over several years, a few reports per event),
 * built directly as extraction results so that millions can be made without running the extractor.
 * Deterministic for a given seed.
 */
import type { EventRecord, ExtractionResult } from '../../src/contracts/record.ts';
import { loadPlaces } from '../../src/lexicon/load.ts';
import type { NewArticle } from '../../src/store/index.ts';

const TYPES: [string, string, string, string, number, string, number][] = [
  ['Battles', 'Armed clash', 'Political violence', 'Military Forces of {c}', 1, 'Unidentified Armed Group ({c})', 3],
  ['Explosions/Remote violence', 'Air/drone strike', 'Political violence', 'Military Forces of {c}', 1, 'Civilians ({c})', 7],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Political violence', 'Military Forces of {c}', 1, '', 0],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 'Political violence', 'Unidentified Armed Group ({c})', 3, 'Civilians ({c})', 7],
  ['Violence against civilians', 'Attack', 'Political violence', 'Unidentified Armed Group ({c})', 3, 'Civilians ({c})', 7],
  ['Protests', 'Peaceful protest', 'Demonstrations', 'Protesters ({c})', 6, '', 0],
  ['Strategic developments', 'Arrests', 'Strategic developments', 'Police Forces of {c}', 1, 'Civilians ({c})', 7],
];
const OUTLETS = ['Levant Wire', 'Tigris Press', 'Horn Dispatch', 'وكالة الساحل للأنباء', 'شبكة الفرات', 'Nile Monitor', 'Aden Daily', 'Maghreb Wire'];

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const towns = loadPlaces().filter((p) => p.kind !== 'country' && p.admin1 && ['Syria', 'Iraq', 'Yemen', 'Lebanon', 'Libya', 'Sudan', 'Somalia', 'Palestine'].includes(p.country));

export interface SyntheticEvent {
  readonly record: EventRecord;
}

/** The i-th synthetic event; reports of it differ in outlet, toll and sometimes in precision. */
export function syntheticRecord(i: number, report: number, seed = 1): EventRecord {
  const rnd = random(seed * 1_000_003 + i);
  const place = towns[Math.floor(rnd() * towns.length)];
  const [eventType, subEventType, disorder, actor1, inter1, actor2, inter2] = TYPES[Math.floor(rnd() * TYPES.length)];
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(rnd() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
  const fatalities = Math.floor(rnd() * 6);
  const vague = report > 0 && (i + report) % 5 === 0;
  const c = place.country;
  return {
    event_id: `SYN-${i}-${report}`,
    event_date: day,
    year: Number(day.slice(0, 4)),
    time_precision: 1,
    date_text: null,
    disorder_type: disorder,
    event_type: eventType,
    sub_event_type: subEventType,
    actor1: actor1.replace('{c}', c),
    assoc_actor_1: '',
    inter1,
    actor2: actor2.replace('{c}', c),
    assoc_actor_2: '',
    inter2: inter2 || null,
    interaction: inter2 ? inter1 * 10 + inter2 : inter1 * 10,
    civilian_targeting: inter2 === 7 ? 'Civilian targeting' : '',
    actor1_certainty: 'stated',
    actor1_suspected: null,
    country: c,
    iso: place.iso ?? null,
    region: place.region ?? null,
    admin1: place.admin1 ?? null,
    admin2: place.admin2 ?? null,
    admin3: null,
    location: vague ? (place.admin1 ?? place.name) : place.name,
    latitude: place.lat,
    longitude: place.lon,
    geo_precision: vague ? 3 : 1,
    fatalities: fatalities + (report % 2),
    injuries: null,
    means: [],
    source: OUTLETS[(i + report) % OUTLETS.length],
    source_scale: 'National',
    notes: `On ${day}, a synthetic ${subEventType.toLowerCase()} event in ${place.name} (${place.admin1}, ${c}).`,
    tags: '',
    background: false,
    related: [],
    evidence: [{ start: 0, end: 20, text: `synthetic event ${i}` }],
    confidence: 0.7,
    article_ids: [],
    provenance: {},
  };
}

/** One article per report: event i is reported `reportsPerEvent` times by different outlets. */
export function* syntheticArticles(events: number, reportsPerEvent: number, seed = 1, offset = 0): Generator<NewArticle> {
  for (let i = offset; i < offset + events; i++) {
    for (let r = 0; r < reportsPerEvent; r++) {
      const record = syntheticRecord(i, r, seed);
      const id = `syn-${seed}-${i}-${r}`;
      const extraction: ExtractionResult = { id, events: [{ ...record, article_ids: [id] }], claims: [] };
      yield {
        article: { id, url: null, externalId: null, outlet: record.source, published: record.event_date, lang: 'en', title: null, text: record.notes, origin: 'synthetic' },
        extraction,
      };
    }
  }
}
