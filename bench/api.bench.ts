/**
 * API figures against a store of synthetic events (1,000,000 by default; built once by
 * scripts/store/synthetic-store.ts and kept in the temp folder): p50/p99 latency of filtered pages of
 * 100 events through the whole HTTP stack (in-process requests), and export throughput in rows/s.
 * Run: node --import tsx bench/api.bench.ts [--events 1000000]
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Database from 'better-sqlite3';
import { exportChunks } from '../src/export/formats.ts';
import { buildApp } from '../src/serve/app.ts';
import { openStore } from '../src/store/index.ts';
import { buildSyntheticStore } from '../scripts/store/synthetic-store.ts';

const EVENTS = Number(process.argv[process.argv.indexOf('--events') + 1]) || 1_000_000;
const path = join(tmpdir(), `marsad-synthetic-${EVENTS}.db`);

function stored(): number {
  if (!existsSync(path)) return 0;
  try {
    const db = new Database(path, { readonly: true });
    const n = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    db.close();
    return n;
  } catch {
    return 0;
  }
}

if (stored() !== EVENTS) {
  const t0 = performance.now();
  await buildSyntheticStore(path, EVENTS, (line) => process.stderr.write(`  building: ${line}\r`));
  process.stderr.write('\n');
  console.log(`synthetic store: ${EVENTS} events written in ${((performance.now() - t0) / 1000).toFixed(0)} s (${path})`);
}

const store = openStore(path);
const app = await buildApp({ store, readsPerMinute: 10_000_000 });
const COUNTRIES = ['Syria', 'Iraq', 'Yemen', 'Lebanon', 'Libya', 'Sudan', 'Somalia', 'Palestine'];
const ACTORS = ['Military Forces of Syria', 'Police Forces of Iraq', 'Protesters (Yemen)', 'Unidentified Armed Group (Libya)', 'Military Forces of Sudan*'];
const BOXES = ['36.9,36.0,37.4,36.4', '44.2,33.1,44.6,33.5', '35.5,32,42.5,37.5', '43.9,12.7,45.3,15.6'];
const WORDS = ['Aleppo', 'shelling', 'protest Baghdad', 'drone strike', 'synthetic arrests'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(name: string, url: (i: number) => string, runs = 200): Promise<void> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await app.inject({ method: 'GET', url: url(i) });
    times.push(performance.now() - t);
    if (r.statusCode !== 200) throw new Error(`${url(i)}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    rows += r.json().count;
  }
  times.sort((a, b) => a - b);
  console.log(`  ${name.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(times, 99).toFixed(1).padStart(6)} ms   (${(rows / runs).toFixed(0)} events a page)`);
}

console.log(`API over ${EVENTS} stored events, pages of 100, in-process requests through Fastify:`);
await measure('newest events, no filter', (i) => `/api/events?limit=100&page=${1 + (i % 5)}`);
await measure('country + month', (i) => {
  const month = String(1 + (i % 12)).padStart(2, '0');
  const year = 2020 + (i % 6);
  return `/api/events?country=${COUNTRIES[i % COUNTRIES.length]}&event_date=${year}-${month}-01|${year}-${month}-28&event_date_where=BETWEEN&limit=100`;
});
await measure('actor', (i) => `/api/events?actor=${encodeURIComponent(ACTORS[i % ACTORS.length])}&limit=100`);
await measure('bbox (a city, a country)', (i) => `/api/events?bbox=${BOXES[i % BOXES.length]}&limit=100`);
await measure('full text', (i) => `/api/events?q=${encodeURIComponent(WORDS[i % WORDS.length])}&limit=100`);
await measure('type + country + min_sources', (i) => `/api/events?event_type=Battles&country=${COUNTRIES[i % COUNTRIES.length]}&geo_precision=1&limit=100`);

// Exports over a real socket, read as a stream: throughput, and memory that does not grow with the rows.
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
for (const [label, query] of [
  ['all events', ''],
  ['one country', 'country=Syria&'],
] as const) {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const t = performance.now();
  const response = await fetch(`${base}/api/export?${query}format=acled-csv`);
  let rows = -1;
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) rows++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t) / 1000;
  console.log(`  export ACLED CSV over HTTP, ${label.padEnd(12)} ${rows} rows in ${seconds.toFixed(1)} s: ${(rows / seconds).toFixed(0)} rows/s, ${(bytes / 1048576 / seconds).toFixed(1)} MB/s, RSS +${((peak - rssBefore) / 1048576).toFixed(0)} MB`);
}
// The export's own memory: the live heap after a collection, sampled along a direct stream.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heaps: number[] = [];
let chunks = 0;
for await (const _ of exportChunks(store.streamEvents({}), 'acled-csv')) {
  if (++chunks % 200 === 0) {
    gc();
    heaps.push(process.memoryUsage().heapUsed / 1048576);
  }
}
console.log(`  live heap along a full export, after each 100,000 rows: ${heaps.map((h) => h.toFixed(1)).join(', ')} MB`);
console.log(`  peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
await app.close();
await store.close();
