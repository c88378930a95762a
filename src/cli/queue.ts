import { InputError } from '../contracts/errors.ts';
import { logger } from '../log.ts';
import { openQueue, queueStatus } from '../queue/articles.ts';
import { startWorker } from '../queue/worker.ts';
import { isPostgres, openStore, storeLocation } from '../store/index.ts';
import { PostgresStore } from '../store/postgres/store.ts';

/** The queue lives in the PostgreSQL store's database: a SQLite store has no workers. */
function postgresLocation(option?: string): string {
  const location = storeLocation(option);
  if (!isPostgres(location)) {
    throw new InputError(`${location}: workers and the queue need the PostgreSQL store; pass --db postgres://… or set MARSAD_DB (SQLite runs \`marsad ingest\` and \`marsad watch\` in one process)`);
  }
  return location;
}

export function checkConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InputError(`--concurrency: "${value}" must be a whole number from 1 to 64`);
  return n;
}

/** Processes queued articles until SIGTERM or SIGINT, then finishes the jobs in hand and exits. */
export async function workerCommand(options: { db?: string; concurrency: string; batch: string }): Promise<void> {
  const concurrency = checkConcurrency(options.concurrency);
  const batch = Number(options.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 100) throw new InputError(`--batch: "${options.batch}" must be a whole number from 1 to 100`);
  const location = postgresLocation(options.db);
  const store = openStore(location);
  await store.ping();
  const queue = await openQueue(location, undefined, (error) => logger.error({ err: error }, 'queue error'));
  const worker = await startWorker({ queue, store, concurrency, batch, logger });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'signal received');
    await worker.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** Depth, rate and failures of the article queue. */
export async function queueCommand(options: { db?: string; json?: boolean }): Promise<void> {
  const queue = await openQueue(postgresLocation(options.db));
  try {
    const status = await queueStatus(queue);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      return;
    }
    const lines = [
      `queue ${queue.location}`,
      `  waiting    ${status.waiting} (${status.retrying} of them retries)`,
      `  active     ${status.active}`,
      `  completed  ${status.completed}  (${status.perMinute.lastMinute}/min in the last minute, ${status.perMinute.lastTenMinutes}/min over ten)`,
      `  failed     ${status.failed}; dead-lettered ${status.dead}`,
      ...status.recentFailures.map((f) => `    ${f.at} ${f.origin ?? f.job} after ${f.tries} tries: ${f.error}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await queue.close();
  }
}

/** Brings the store's schema (and, on PostgreSQL, the queue's) to the current version, then exits. */
export async function migrateCommand(options: { db?: string }): Promise<void> {
  const location = storeLocation(options.db);
  const store = openStore(location);
  try {
    if (store instanceof PostgresStore) {
      await store.ping();
      const queue = await openQueue(location);
      process.stdout.write(`${store.location}: store schema current; queue schema version ${await queue.boss.schemaVersion()}\n`);
      await queue.close();
    } else {
      await store.stats();
      process.stdout.write(`${store.location}: store schema current\n`);
    }
  } finally {
    await store.close();
  }
}
