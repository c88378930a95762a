/**
 * Extraction throughput on one core over the project's own sample articles repeated to >= 5 MB,
 * beside a baseline of normalization + tokenization alone in the same run.
 * Run: npm run bench
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../src/contracts/paths.ts';
import { getLexicon, Lexicon } from '../src/lexicon/index.ts';
import { type LexiconData, loadPlaces } from '../src/lexicon/load.ts';

function emptyData(): LexiconData {
  return { triggers: [], actors: [], places: [], means: [], sources: [], numbers: [], cues: new Map(), time: [], placeStopForms: [], measureWords: [], measureWordsBefore: [], genericByCountry: {} };
}
import { extractArticle } from '../src/pipeline.ts';
import { tokenize } from '../src/text/index.ts';

const TARGET_BYTES = 5 * 1024 * 1024;

function corpus(): { id: string; text: string; published: string | null }[] {
  const folder = join(ROOT, 'corpus', 'samples');
  const gold = new Map(
    readFileSync(join(folder, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => {
      const g = JSON.parse(l) as { id: string; published: string };
      return [g.id, g.published];
    }),
  );
  const base = readdirSync(folder).filter((n) => n.endsWith('.txt')).map((n) => {
    const id = n.replace(/\.(ar|en)\.txt$/, '');
    return { id, text: readFileSync(join(folder, n), 'utf8'), published: gold.get(id) ?? null };
  });
  const out: typeof base = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const a = base[i % base.length];
    // A varying suffix defeats any caching by identical input.
    const text = `${a.text}\n${i}`;
    out.push({ ...a, id: `${a.id}-${i}`, text });
    bytes += Buffer.byteLength(text);
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// The gazetteer alone, compiled into a matcher of its own, as the geocoder needs it.
const rssBefore = process.memoryUsage().rss;
let t0 = performance.now();
const gazetteer = loadPlaces();
const gazetteerMatcher = new Lexicon({ ...emptyData(), places: gazetteer });
const gazetteerMs = performance.now() - t0;
const gazetteerRssMb = (process.memoryUsage().rss - rssBefore) / 1048576;

t0 = performance.now();
const lexicon = getLexicon();
const loadMs = performance.now() - t0;
const rssAfterLoadMb = process.memoryUsage().rss / 1048576;
const places = lexicon.data.places.filter((p) => p.kind !== 'country');
const withArabic = places.filter((p) => p.ar.length > 0).length;
const articles = corpus();
const mb = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1048576;

// Warm up the JIT on both paths so the figures compare steady states.
for (const a of articles.slice(0, 200)) extractArticle(a, lexicon);

let start = performance.now();
let tokens = 0;
for (const a of articles) tokens += tokenize(a.text).tokens.length;
const tokenizeS = (performance.now() - start) / 1000;

const latencies: number[] = [];
let events = 0;
start = performance.now();
for (const a of articles) {
  const s = performance.now();
  events += extractArticle(a, lexicon).events.length;
  latencies.push(performance.now() - s);
}
const extractS = (performance.now() - start) / 1000;
latencies.sort((x, y) => x - y);

const rssMb = process.resourceUsage().maxRSS / 1024;
const row = (name: string, value: string) => console.log(`${name.padEnd(34)} ${value}`);
console.log(`corpus: ${articles.length} articles, ${mb.toFixed(1)} MB (corpus/samples repeated), ${tokens} tokens`);
row('lexicon load + compile', `${loadMs.toFixed(0)} ms (${lexicon.formCount} forms), RSS ${rssAfterLoadMb.toFixed(0)} MB after`);
row('gazetteer', `${places.length} places, ${((withArabic / places.length) * 100).toFixed(1)}% with an Arabic name`);
row('gazetteer load + compile alone', `${gazetteerMs.toFixed(0)} ms (${gazetteerMatcher.formCount} forms), +${gazetteerRssMb.toFixed(0)} MB RSS`);
row('baseline normalize+tokenize', `${(articles.length / tokenizeS).toFixed(0)} articles/s, ${(mb / tokenizeS).toFixed(2)} MB/s`);
row('extraction (full pipeline)', `${(articles.length / extractS).toFixed(0)} articles/s, ${(mb / extractS).toFixed(2)} MB/s, ${events} events`);
row('extraction latency per article', `p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`);
row('extraction / tokenize-only speed', `${(tokenizeS / extractS).toFixed(3)}`);
row('peak RSS', `${rssMb.toFixed(0)} MB`);
