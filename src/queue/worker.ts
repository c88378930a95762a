import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { type ArticleDraft, articleId } from '../ingest/articles.ts';
import { type IngestCounts, storeDrafts } from '../ingest/run.ts';
import type { Store } from '../store/index.ts';
import { ARTICLE_QUEUE, type ArticleQueue } from './articles.ts';

export interface WorkerOptions {
  readonly queue: ArticleQueue;
  readonly store: Store;
  /** Jobs in flight in this process. Extraction is CPU work on one thread: for more cores, start more processes. */
  readonly concurrency: number;
  readonly logger: Logger;
}

export interface RunningWorker {
  /** Jobs completed and failed by this process so far. */
  readonly done: () => { completed: number; failed: number };
  /** Stops taking jobs, lets the jobs in hand finish (or, past the timeout, leaves them to be retried). */
  stop(): Promise<void>;
}

/**
 * Takes article jobs and runs each through extraction, resolution, merging and storage (the same
 * `storeDrafts` as `marsad ingest`). The store's transaction makes a job all or nothing, and the
 * article's text hash makes a rerun a no-op, so a retried job can neither lose nor double an event.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { queue, store, logger } = options;
  let completed = 0;
  let failed = 0;
  const handle = async ([job]: PgBoss.Job<ArticleDraft>[]) => {
    const log = logger.child({ job: job.id, article: articleId(job.data.text), origin: job.data.origin });
    const started = performance.now();
    const counts: IngestCounts = { files: 0, added: 0, duplicates: 0, rejected: 0, events: 0 };
    const problems: string[] = [];
    try {
      await storeDrafts([job.data], store, counts, (message) => problems.push(message));
    } catch (error) {
      failed++;
      log.warn({ err: error }, 'job failed; pg-boss retries it with backoff, then dead-letters it');
      throw error;
    }
    if (problems.length) {
      failed++;
      log.warn({ problems }, 'article rejected');
      throw new Error(problems.join('; '));
    }
    completed++;
    const ms = Math.round(performance.now() - started);
    log.info({ added: counts.added, duplicate: counts.duplicates > 0, events: counts.events, ms }, counts.added ? 'article stored' : 'article already stored');
    return { added: counts.added, duplicates: counts.duplicates, events: counts.events };
  };
  const ids: string[] = [];
  for (let i = 0; i < Math.max(1, options.concurrency); i++) {
    // pg-boss waits a polling interval after every fetch; after a job there may be more waiting, so
    // the worker is told to fetch again at once, and only an empty fetch waits.
    const slot = i;
    ids.push(
      await queue.boss.work<ArticleDraft>(ARTICLE_QUEUE, { batchSize: 1, pollingIntervalSeconds: queue.settings.pollingSeconds }, async (jobs) => {
        try {
          return await handle(jobs);
        } finally {
          queue.boss.notifyWorker(ids[slot]);
        }
      }),
    );
  }
  logger.info({ queue: ARTICLE_QUEUE, concurrency: ids.length, store: store.location }, 'worker started');
  return {
    done: () => ({ completed, failed }),
    stop: async () => {
      logger.info('stopping: finishing the jobs in hand');
      await queue.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await store.close();
      logger.info({ completed, failed }, 'worker stopped');
    },
  };
}
