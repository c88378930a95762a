/**
 * Store figures: end-to-end ingest into SQLite (articles/s, beside extraction alone in the same run),
 * and the cost of merging one more article into a store of 10,000 and of 100,000 events.
 * Run: npm run bench (or node --import tsx bench/store.bench.ts [--large 100000])
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractStored, toStoredArticle } from '../src/ingest/articles.ts';
import { type IngestProgress, ingestPaths } from '../src/ingest/run.ts';
import { getLexicon } from '../src/lexicon/index.ts';
import { openStore } from '../src/store/index.ts';
import { syntheticArticles } from '../scripts/store/synthetic.ts';
import { devCopies } from '../scripts/corpus/dev-copies.ts';

const LARGE = Number(process.argv[process.argv.indexOf('--large') + 1]) || 100_000;
const ARTICLES = 3000;
const work = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
const silent: IngestProgress = { start() {}, update() {}, problem() {}, stop() {} };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

getLexicon();
const drafts = devCopies(ARTICLES);
const mb = drafts.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1048576;

// Baseline: the pipeline alone, no store.
let t0 = performance.now();
for (const d of drafts) extractStored(toStoredArticle(d));
const extractSeconds = (performance.now() - t0) / 1000;

// End to end through the ingest command's code: a JSONL batch (a transaction per 200 lines)...
const jsonl = join(work, 'batch.jsonl');
writeFileSync(jsonl, drafts.map((d) => JSON.stringify({ id: d.externalId, text: d.text, published: d.published, outlet: d.outlet })).join('\n'));
let store = openStore(join(work, 'jsonl.db'));
t0 = performance.now();
const viaJsonl = await ingestPaths([jsonl], store, silent);
const jsonlSeconds = (performance.now() - t0) / 1000;
const stats = await store.stats();
await store.close();

// ...and a folder of text files (a transaction per file).
const folder = join(work, 'files');
mkdirSync(folder);
for (const [i, d] of drafts.entries()) writeFileSync(join(folder, `${String(i).padStart(5, '0')}.txt`), d.text);
store = openStore(join(work, 'files.db'));
t0 = performance.now();
const viaFiles = await ingestPaths([folder], store, silent);
const filesSeconds = (performance.now() - t0) / 1000;
await store.close();

const rate = (n: number, s: number) => `${(n / s).toFixed(0)} articles/s`;
console.log(`ingest end to end into SQLite, ${ARTICLES} articles (${mb.toFixed(1)} MB), one core:`);
console.log(`  extraction alone (baseline)       ${rate(ARTICLES, extractSeconds)}`);
console.log(`  JSONL batch, 200 per transaction  ${rate(viaJsonl.added, jsonlSeconds)}  (${((ARTICLES / extractSeconds) / (viaJsonl.added / jsonlSeconds)).toFixed(2)}x the baseline's time)`);
console.log(`  text files, one per transaction   ${rate(viaFiles.added, filesSeconds)}  (${((ARTICLES / extractSeconds) / (viaFiles.added / filesSeconds)).toFixed(2)}x)`);
console.log(`  stored: ${stats.articles} articles, ${stats.reports} reports merged into ${stats.events} events`);

// Merge cost against a growing store: one new article per transaction, half of them a second report
// of a stored event (a merge), half a new event.
async function mergeCost(storedEvents: number): Promise<{ p50: number; p99: number; mean: number; fillSeconds: number }> {
  const s = openStore(join(work, `merge-${storedEvents}.db`));
  let t = performance.now();
  let batch: ReturnType<typeof syntheticArticles> extends Generator<infer T> ? T[] : never = [];
  for (const article of syntheticArticles(storedEvents, 1, 7)) {
    batch.push(article);
    if (batch.length === 2000) {
      await s.addArticles(batch);
      batch = [];
    }
  }
  if (batch.length) await s.addArticles(batch);
  const fillSeconds = (performance.now() - t) / 1000;
  const times: number[] = [];
  const probes = [...syntheticArticles(500, 1, 99, 10_000_000)];
  for (let i = 0; i < 1000; i++) {
    // A second report (report index 1) of stored event i*k, or a new event from the probe set.
    const article = i % 2 === 0 ? [...syntheticArticles(1, 2, 7, Math.floor((i * storedEvents) / 1000))][1] : probes[i >> 1];
    t = performance.now();
    await s.addArticles([article]);
    times.push(performance.now() - t);
  }
  await s.close();
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: times.reduce((a, b) => a + b, 0) / times.length, fillSeconds };
}

const small = await mergeCost(10_000);
const large = await mergeCost(LARGE);
console.log('store and merge one article (a transaction each; half join a stored event), synthetic events:');
for (const [n, r] of [[10_000, small], [LARGE, large]] as const) {
  console.log(`  ${String(n).padStart(7)} events stored: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, mean ${r.mean.toFixed(2)} ms  (store filled at ${(n / r.fillSeconds).toFixed(0)} events/s)`);
}
console.log(`  mean cost at ${LARGE} / at 10000: ${(large.mean / small.mean).toFixed(2)} (a store ${LARGE / 10_000}x larger)`);
console.log(`  peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
rmSync(work, { recursive: true, force: true });
