/**
 * Scale-out figures: articles/s through the PostgreSQL queue with 1, 2 and 4 worker processes, beside
 * one process storing the same articles into SQLite, all in this run on this machine. Each worker
 * process runs two jobs at once. Worker time runs from the first job's start to the last job's end
 * (pg-boss's own timestamps), so process start-up is left out, as it is for the in-process SQLite run.
 *
 * Needs a PostgreSQL database in MARSAD_TEST_PG (scripts/ci/postgres.sh starts one and prints its URL);
 * without one it says so and exits.
 * Run: npm run bench, or node --import tsx bench/workers.bench.ts [--articles 1000]
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type IngestProgress, ingestPaths } from '../src/ingest/run.ts';
import { getLexicon } from '../src/lexicon/index.ts';
import { openStore } from '../src/store/index.ts';
import { devCopies } from '../scripts/corpus/dev-copies.ts';

const ARTICLES = Number(process.argv[process.argv.indexOf('--articles') + 1]) || 1000;
const admin = process.env.MARSAD_TEST_PG;
if (!admin) {
  process.stdout.write('workers bench: skipped, MARSAD_TEST_PG is not set (export MARSAD_TEST_PG=$(scripts/ci/postgres.sh | tail -1))\n');
  process.exit(0);
}
const BIN = join(import.meta.dirname, '..', 'bin', 'marsad.js');
const work = mkdtempSync(join(tmpdir(), 'marsad-bench-workers-'));
const silent: IngestProgress = { start() {}, update() {}, problem() {}, stop() {} };
const drafts = devCopies(ARTICLES);
const jsonl = join(work, 'articles.jsonl');
writeFileSync(jsonl, drafts.map((d, i) => JSON.stringify({ id: `a${i}`, text: d.text, published: d.published, outlet: d.outlet })).join('\n'));

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(sql);
  await client.end();
}

getLexicon();
// Baseline 1: one process, SQLite, a transaction per 200 articles (marsad ingest of a JSONL batch).
let store = openStore(join(work, 'batch.db'));
let t0 = performance.now();
await ingestPaths([jsonl], store, silent);
const sqliteBatch = ARTICLES / ((performance.now() - t0) / 1000);
const events = (await store.stats()).events;
await store.close();
// Baseline 2: one process, SQLite, a transaction per article, as the workers commit.
store = openStore(join(work, 'one-by-one.db'));
t0 = performance.now();
for (let i = 0; i < drafts.length; i++) {
  const one = join(work, `one-${i % 2}.jsonl`);
  writeFileSync(one, JSON.stringify({ id: `a${i}`, text: drafts[i].text, published: drafts[i].published, outlet: drafts[i].outlet }));
  await ingestPaths([one], store, silent);
}
const sqliteSingle = ARTICLES / ((performance.now() - t0) / 1000);
await store.close();

const rows: string[][] = [];
for (const processes of [1, 2, 4]) {
  const database = `marsad_bench_workers_${processes}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${database}`);
  const url = new URL(admin);
  url.pathname = `/${database}`;
  const env = { ...process.env, MARSAD_DB: url.toString(), MARSAD_LOG_LEVEL: 'warn' };
  const queued = spawnSync(process.execPath, [BIN, 'ingest', '--queue', jsonl], { env, encoding: 'utf8' });
  if (queued.status !== 0) throw new Error(`queueing failed: ${queued.stderr}`);
  const workers: ChildProcess[] = Array.from({ length: processes }, () => spawn(process.execPath, [BIN, 'worker', '--concurrency', '2', '--batch', '4'], { env, stdio: 'ignore' }));
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  let span = 0;
  for (;;) {
    const { rows: r } = await client.query(
      "SELECT count(*) FILTER (WHERE state IN ('created', 'retry', 'active'))::int AS open, extract(epoch FROM max(completed_on) - min(started_on))::float AS span FROM pgboss.job WHERE name = 'marsad-articles'",
    );
    if (r[0].open === 0) {
      span = r[0].span;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const stored = (await client.query('SELECT count(*)::int AS n FROM events')).rows[0].n as number;
  await client.end();
  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once('exit', resolve)))));
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  const rate = ARTICLES / span;
  rows.push([`PostgreSQL, ${processes} worker process${processes > 1 ? 'es' : ''} × 2 loops × batches of 4`, rate.toFixed(1), `${(rate / sqliteSingle).toFixed(2)}×`, `${stored} events${stored === events ? '' : ` (SQLite: ${events})`}`]);
}

const table = [
  ['run', 'articles/s', 'vs SQLite, a transaction per article', 'events'],
  ['SQLite, one process, 200 articles a transaction', sqliteBatch.toFixed(1), `${(sqliteBatch / sqliteSingle).toFixed(2)}×`, `${events} events`],
  ['SQLite, one process, an article a transaction', sqliteSingle.toFixed(1), '1.00×', `${events} events`],
  ...rows,
];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
process.stdout.write(`workers: ${ARTICLES} articles (the project's own, full length), ${cpus().length} cores\n`);
for (const r of table) process.stdout.write(`  ${r.map((cell, c) => cell.padEnd(widths[c])).join('  ')}\n`);
rmSync(work, { recursive: true, force: true });
