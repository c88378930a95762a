import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { ingestPaths } from '../src/ingest/run.ts';
import { logger } from '../src/log.ts';
import { ARTICLE_QUEUE, openQueue, queueStatus } from '../src/queue/articles.ts';
import { startWorker as startInProcess } from '../src/queue/worker.ts';
import { buildApp } from '../src/serve/app.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { wireArticles } from '../scripts/corpus/wire-articles.ts';
import { dropDatabase, freshDatabase, postgresUrl } from './support/databases.ts';

/**
 * Worker processes over one PostgreSQL database: the same events as one SQLite process, and a worker
 * killed in the middle of a job loses and doubles nothing.
 */
const BIN = join(import.meta.dirname, '..', 'bin', 'marsad.js');
const work = mkdtempSync(join(tmpdir(), 'marsad-workers-'));
const children: ChildProcess[] = [];
const databases: string[] = [];
after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const url of databases) await dropDatabase(url).catch(() => {});
});

const silent = { files: () => {}, start: () => {}, update: () => {}, problem: (m: string) => assert.fail(m), stop: () => {} };

function batch(name: string, count: number): string {
  const path = join(work, `${name}.jsonl`);
  writeFileSync(path, wireArticles(count).map((a) => JSON.stringify({ ...a, id: a.origin })).join('\n'));
  return path;
}

/** The stored events as a comparable value (the change time is when, not what). */
async function snapshot(store: Store): Promise<string> {
  const events = (await store.events({ limit: 100_000 })).map(({ timestamp: _, ...record }) => record);
  return JSON.stringify(events.sort((a, b) => (a.event_id < b.event_id ? -1 : 1)));
}

async function sqliteReference(name: string, path: string): Promise<{ snapshot: string; events: number; merged: number }> {
  const store = openStore(join(work, `${name}.db`));
  try {
    await ingestPaths([path], store, silent);
    const events = await store.events({ limit: 100_000 });
    return { snapshot: await snapshot(store), events: events.length, merged: events.filter((e) => e.article_ids.length > 1).length };
  } finally {
    await store.close();
  }
}

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function startWorker(env: Record<string, string>, concurrency = 2): ChildProcess & { log: string[] } {
  const child = spawn(process.execPath, [BIN, 'worker', '--concurrency', String(concurrency)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] }) as ChildProcess & { log: string[] };
  child.log = [];
  child.stderr?.on('data', (d: Buffer) => child.log.push(...d.toString().split('\n').filter(Boolean)));
  children.push(child);
  return child;
}

async function jobCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'marsad-articles' GROUP BY 1");
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  } finally {
    await client.end();
  }
}

async function drained(url: string, total: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await jobCounts(url);
    if ((counts.completed ?? 0) + (counts.failed ?? 0) >= total && !counts.created && !counts.retry && !counts.active) return;
    if (Date.now() > deadline) assert.fail(`the queue did not drain: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('workers on PostgreSQL', { skip: postgresUrl ? false : 'MARSAD_TEST_PG is not set' }, () => {
  it('four worker processes on 2,000 articles store exactly the events one SQLite process stores', async () => {
    const path = batch('two-thousand', 2000);
    const reference = await sqliteReference('two-thousand', path);
    assert.ok(reference.merged > 300, `many events have several reports (${reference.merged} of ${reference.events})`);

    const url = await freshDatabase('four_workers');
    databases.push(url);
    const env = { MARSAD_DB: url, MARSAD_LOG_LEVEL: 'warn' };
    const queued = await run(['ingest', '--queue', path], env);
    assert.equal(queued.code, 0, queued.stderr);
    assert.match(queued.stdout, /2000 articles queued for the workers/);
    const workers = [1, 2, 3, 4].map(() => startWorker(env));
    await drained(url, 2000, 240_000);
    for (const worker of workers) worker.kill('SIGTERM');
    assert.deepEqual(await Promise.all(workers.map(exited)), [0, 0, 0, 0], 'each stops cleanly on SIGTERM');
    assert.deepEqual(await jobCounts(url), { completed: 2000 });

    const store = openStore(url);
    try {
      assert.equal((await store.stats()).articles, 2000);
      assert.equal(await snapshot(store), reference.snapshot);
    } finally {
      await store.close();
    }
  });

  it('migrates a new database (store and queue schemas) once, and refuses the queue commands on SQLite', async () => {
    const url = await freshDatabase('migrate');
    databases.push(url);
    const first = await run(['migrate', '--db', url], {});
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^postgres:\/\/marsad:…@[^ ]+: store schema current; queue schema version \d+\n$/);
    assert.equal((await run(['migrate', '--db', url], {})).code, 0);
    const sqlite = await run(['worker', '--db', join(work, 'plain.db')], {});
    assert.equal(sqlite.code, 1);
    assert.match(sqlite.stderr, /workers and the queue need the PostgreSQL store/);
  });

  it('queues a POSTed article (202 with its job), a worker stores it, and /readyz tells a dead database from a live one', async () => {
    const url = await freshDatabase('api_queue');
    databases.push(url);
    const store = openStore(url);
    const queue = await openQueue(url);
    const app = await buildApp({ store, queue, token: 'secret' });
    try {
      assert.equal((await app.inject({ url: '/readyz' })).statusCode, 200);
      const [article] = wireArticles(1);
      const post = () => app.inject({ method: 'POST', url: '/api/articles', headers: { authorization: 'Bearer secret' }, payload: { text: article.text, published: article.published, outlet: article.outlet } });
      const first = await post();
      assert.equal(first.statusCode, 202, first.body);
      const body = first.json() as { queued: number; articles: { id: string; job: string }[] };
      assert.equal(body.queued, 1);
      assert.equal((await post()).json().duplicates, 1, 'the same article again is the same job');
      const worker = await startInProcess({ queue, store: openStore(url), concurrency: 1, logger: logger.child({ test: true }, { level: 'silent' }) });
      const deadline = Date.now() + 30_000;
      while (worker.done().completed < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await worker.stop();
      const stored = await app.inject({ url: `/api/articles/${body.articles[0].id}` });
      assert.equal(stored.statusCode, 200);
      assert.equal((stored.json() as { events: unknown[] }).events.length, 1);
    } finally {
      await app.close();
      await store.close();
    }
    const dead = openStore('postgres://marsad:wrong@127.0.0.1:1/none');
    const deadApp = await buildApp({ store: dead });
    const ready = await deadApp.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 503);
    assert.match(ready.json().checks.store, /cannot open the database/);
    assert.equal((await deadApp.inject({ url: '/healthz' })).statusCode, 200);
    await deadApp.close();
    await dead.close();
  });

  it('retries a failing job with backoff, then dead-letters it with its error, and the rest of its batch is stored', async () => {
    const url = await freshDatabase('dead_letter');
    databases.push(url);
    const queue = await openQueue(url, { retryLimit: 1, retryDelaySeconds: 1, jobTimeoutSeconds: 60, maintenanceSeconds: 1, pollingSeconds: 0.5 });
    const good = wireArticles(3);
    for (const article of good) await queue.boss.send(ARTICLE_QUEUE, article);
    // A payload no article can come from, as a bug in a producer would send.
    await queue.boss.send(ARTICLE_QUEUE, { origin: 'broken-producer', text: 42 });
    const store = openStore(url);
    const worker = await startInProcess({ queue, store: openStore(url), concurrency: 1, batch: 4, logger: logger.child({}, { level: 'silent' }) });
    const deadline = Date.now() + 30_000;
    let status = await queueStatus(queue);
    while (status.dead < 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      status = await queueStatus(queue);
    }
    await worker.stop();
    assert.equal(status.dead, 1, JSON.stringify(status));
    assert.equal(status.failed, 1);
    assert.equal(status.completed, 3);
    assert.equal(status.recentFailures[0].tries, 2, 'the first try and one retry');
    assert.match(status.recentFailures[0].error, /broken-producer: not an article/);
    assert.equal((await store.stats()).articles, 3);
    await store.close();
    const cli = await run(['queue', '--db', url], {});
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /completed +3/);
    assert.match(cli.stdout, /failed +1; dead-lettered 1/);
    assert.match(cli.stdout, /broken-producer after 2 tries/);
  });

  it('retries the job of a worker killed mid-job, and nothing is lost or stored twice', async () => {
    const path = batch('kill', 300);
    const reference = await sqliteReference('kill', path);
    const url = await freshDatabase('killed_worker');
    databases.push(url);
    // A job active for 3 s is taken to be dead; the survivor's maintenance looks every second.
    const env = { MARSAD_DB: url, MARSAD_LOG_LEVEL: 'info', MARSAD_JOB_TIMEOUT: '3', MARSAD_QUEUE_MAINTENANCE: '1', MARSAD_JOB_RETRY_DELAY: '1' };
    assert.equal((await run(['ingest', '--queue', path], env)).code, 0);

    const doomed = startWorker(env, 2);
    // Kill it while it is working: after its tenth article, when it holds jobs in hand.
    const deadline = Date.now() + 60_000;
    while (doomed.log.filter((l) => l.includes('article stored')).length < 10) {
      if (Date.now() > deadline) assert.fail(`the worker stored nothing: ${doomed.log.join('\n')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    doomed.kill('SIGKILL');
    await exited(doomed);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const inHand = (await client.query("SELECT id FROM pgboss.job WHERE name = 'marsad-articles' AND state = 'active'")).rows.map((r) => r.id as string);
    assert.ok(inHand.length >= 1, 'the killed worker held a job');

    const survivor = startWorker(env, 2);
    await drained(url, 300, 120_000);
    survivor.kill('SIGTERM');
    assert.equal(await exited(survivor), 0);
    const retried = (await client.query('SELECT state, retry_count FROM pgboss.job WHERE id = ANY($1)', [inHand])).rows;
    await client.end();
    assert.ok(
      retried.every((r) => r.state === 'completed' && r.retry_count >= 1),
      `the killed jobs were retried and completed: ${JSON.stringify(retried)}`,
    );
    assert.deepEqual(await jobCounts(url), { completed: 300 });
    const store = openStore(url);
    try {
      const stats = await store.stats();
      assert.equal(stats.articles, 300);
      assert.equal(await snapshot(store), reference.snapshot, 'the same events as one SQLite process: none lost, none doubled');
    } finally {
      await store.close();
    }
  });
});
