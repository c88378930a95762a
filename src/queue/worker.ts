import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { type ArticleDraft, extractStored, toStoredArticle } from '../ingest/articles.ts';
import type { AddOutcome, NewArticle, Store } from '../store/index.ts';
import { ARTICLE_QUEUE, type ArticleQueue } from './articles.ts';

export interface WorkerOptions {
  readonly queue: ArticleQueue;
  readonly store: Store;
  /** Job loops in this process. Extraction is CPU work on one thread: for more cores, start more processes. */
  readonly concurrency: number;
  /** Jobs a loop takes at once and stores in one transaction. */
  readonly batch?: number;
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
 * extraction and `addArticles` as `marsad ingest`). The store's transaction makes a batch all or
 * nothing, and the article's text hash makes a rerun a no-op, so a retried job can neither lose nor double an event.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { queue, store, logger } = options;
  let completed = 0;
  let failed = 0;
  // A batch of jobs is one store transaction (a commit and its locks per batch, not per article);
  // a job whose article fails extraction fails alone, and a failed transaction fails the batch.
  const handle = async (jobs: PgBoss.Job<ArticleDraft>[]) => {
    const started = performance.now();
    const items = jobs.map((job) => {
      const article = toStoredArticle(job.data);
      return { job, article, log: logger.child({ job: job.id, article: article.id, origin: job.data.origin }) };
    });
    const known = await store.knownArticles(items.map((i) => i.article));
    const fresh: { item: (typeof items)[number]; extracted: NewArticle }[] = [];
    for (const item of items) {
      if (known.has(item.article.id) || (item.article.url && known.has(item.article.url))) {
        completed++;
        item.log.info('article already stored');
        continue;
      }
      try {
        fresh.push({ item, extracted: extractStored(item.article) });
      } catch (error) {
        failed++;
        const message = `${item.article.origin}: extraction failed (${(error as Error).message})`;
        item.log.warn({ err: error }, 'extraction failed; the job is retried with backoff, then dead-lettered');
        await queue.boss.fail(ARTICLE_QUEUE, item.job.id, { message });
      }
    }
    let outcomes: AddOutcome[];
    try {
      outcomes = fresh.length ? await store.addArticles(fresh.map((f) => f.extracted)) : [];
    } catch (error) {
      failed += fresh.length;
      logger.warn({ err: error, jobs: fresh.map((f) => f.item.job.id) }, 'storing failed; the jobs are retried with backoff, then dead-lettered');
      throw error;
    }
    const ms = Math.round(performance.now() - started);
    outcomes.forEach((outcome, i) => {
      completed++;
      const { log } = fresh[i].item;
      if (outcome.status === 'added') log.info({ events: outcome.events, ms, batch: jobs.length }, 'article stored');
      else log.info({ of: outcome.of }, 'article already stored');
    });
  };
  const ids: string[] = [];
  for (let i = 0; i < Math.max(1, options.concurrency); i++) {
    // pg-boss waits a polling interval after every fetch; after a job there may be more waiting, so
    // the worker is told to fetch again at once, and only an empty fetch waits.
    const slot = i;
    ids.push(
      await queue.boss.work<ArticleDraft>(ARTICLE_QUEUE, { batchSize: Math.max(1, options.batch ?? 1), pollingIntervalSeconds: queue.settings.pollingSeconds }, async (jobs) => {
        try {
          return await handle(jobs);
        } finally {
          queue.boss.notifyWorker(ids[slot]);
        }
      }),
    );
  }
  logger.info({ queue: ARTICLE_QUEUE, concurrency: ids.length, batch: options.batch ?? 1, store: store.location }, 'worker started');
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
