/**
 * Kills `marsad ingest` with SIGKILL halfway through, runs it again, and checks that the store ends
 * exactly as one uninterrupted run leaves it: no article lost, none duplicated, the same events.
 *
 * Run: node --import tsx scripts/store/crash-ingest.ts [--articles 3000]
 * Exit 0 when the stores agree; 1 with the differences otherwise.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT } from '../../src/contracts/paths.ts';

const count = Number(process.argv[process.argv.indexOf('--articles') + 1]) || 3000;
const BIN = join(ROOT, 'bin', 'marsad.js');
const work = mkdtempSync(join(tmpdir(), 'marsad-crash-'));

/** The project's own articles, each made unique by a closing line: half as text files, half as one JSONL batch. */
function buildInput(): string {
  const texts: string[] = [];
  for (const folder of ['corpus/samples', 'corpus/dev/ar1', 'corpus/dev/ar2', 'corpus/dev/en']) {
    for (const name of readdirSync(join(ROOT, folder)).filter((n) => n.endsWith('.txt')).sort()) texts.push(readFileSync(join(ROOT, folder, name), 'utf8'));
  }
  const input = join(work, 'input');
  mkdirSync(join(input, 'files'), { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = `${texts[i % texts.length]}\n(${i})`;
    if (i % 2 === 0) writeFileSync(join(input, 'files', `a${String(i).padStart(6, '0')}.txt`), text);
    else lines.push(JSON.stringify({ id: `line-${i}`, text, published: '2024-05-01' }));
  }
  writeFileSync(join(input, 'batch.jsonl'), lines.join('\n'));
  return input;
}

function ingest(db: string, input: string) {
  const run = spawnSync(process.execPath, [BIN, 'ingest', input, '--db', db], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ingest failed: ${run.stderr}`);
}

function snapshot(db: string) {
  const d = new Database(db, { readonly: true });
  const integrity = d.pragma('integrity_check', { simple: true });
  const articles = d.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as string[];
  const reports = d.prepare('SELECT count(*) FROM reports').pluck().get() as number;
  const events = d.prepare('SELECT record FROM events ORDER BY id').pluck().all() as string[];
  d.close();
  return { integrity, articles, reports, events };
}

const input = buildInput();
const reference = join(work, 'reference.db');
const crashed = join(work, 'crashed.db');
let t0 = Date.now();
ingest(reference, input);
const referenceSeconds = (Date.now() - t0) / 1000;

// Start the run to be killed and wait until about half the articles are in.
const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', crashed], { stdio: 'ignore' });
let storedAtKill = 0;
t0 = Date.now();
while (Date.now() - t0 < 120_000) {
  await new Promise((r) => setTimeout(r, 25));
  try {
    const d = new Database(crashed, { readonly: true, fileMustExist: true });
    storedAtKill = d.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    d.close();
  } catch {
    continue;
  }
  if (storedAtKill >= count / 2) break;
}
child.kill('SIGKILL');
await new Promise((r) => child.once('exit', r));
const afterKill = snapshot(crashed);
ingest(crashed, input);

const a = snapshot(reference);
const b = snapshot(crashed);
const problems: string[] = [];
if (afterKill.articles.length >= count) problems.push('the run finished before it could be killed: use more --articles');
if (afterKill.integrity !== 'ok') problems.push(`integrity after the kill: ${afterKill.integrity}`);
if (b.integrity !== 'ok') problems.push(`integrity after the re-run: ${b.integrity}`);
if (a.articles.length !== count) problems.push(`the reference run stored ${a.articles.length} of ${count} articles`);
if (JSON.stringify(a.articles) !== JSON.stringify(b.articles)) problems.push(`articles: ${a.articles.length} in one run, ${b.articles.length} after kill and re-run`);
if (a.reports !== b.reports) problems.push(`event reports: ${a.reports} vs ${b.reports}`);
if (JSON.stringify(a.events) !== JSON.stringify(b.events)) problems.push(`events differ: ${a.events.length} vs ${b.events.length}`);
process.stdout.write(
  `${count} articles; one run ${referenceSeconds.toFixed(1)} s; killed with ${afterKill.articles.length} stored (integrity ${afterKill.integrity}); ` +
    `after the re-run ${b.articles.length} articles, ${b.reports} reports, ${b.events.length} events; reference ${a.events.length} events: ${problems.length ? 'DIFFERENT' : 'identical'}\n`,
);
for (const p of problems) process.stdout.write(`  ${p}\n`);
process.exit(problems.length ? 1 : 0);
