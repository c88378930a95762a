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
  const failJob = async (job: PgBoss.Job<ArticleDraft>, log: Logger, message: string, error: unknown) => {
    failed++;
    log.warn({ err: error }, `${message}; the job is retried with backoff, then dead-lettered`);
    await queue.boss.fail(ARTICLE_QUEUE, job.id, { message: `${job.data?.origin ?? job.id}: ${message} (${(error as Error).message})` });
  };
  const stored = (log: Logger, outcome: AddOutcome, extra: Record<string, unknown>) => {
    completed++;
    if (outcome.status === 'added') log.info({ events: outcome.events, ...extra }, 'article stored');
    else log.info({ of: outcome.of }, 'article already stored');
  };
  // A batch of jobs is one store transaction (a commit and its locks per batch, not per article). A
  // job fails alone: a bad payload or an extraction error fails its job only, and when the batch's
  // transaction fails, each article is stored alone so that only the culprit fails.
  const handle = async (jobs: PgBoss.Job<ArticleDraft>[]) => {
    const started = performance.now();
    const fresh: { job: PgBoss.Job<ArticleDraft>; log: Logger; extracted: NewArticle }[] = [];
    const articles = [];
    for (const job of jobs) {
      const log = logger.child({ job: job.id, origin: job.data?.origin });
      try {
        articles.push({ job, log, article: toStoredArticle(job.data) });
      } catch (error) {
        await failJob(job, log, 'not an article', error);
      }
    }
    const known = await store.knownArticles(articles.map((a) => a.article));
    for (const { job, log, article } of articles) {
      if (known.has(article.id) || (article.url && known.has(article.url))) {
        completed++;
        log.info({ article: article.id }, 'article already stored');
        continue;
      }
      try {
        fresh.push({ job, log: log.child({ article: article.id }), extracted: extractStored(article) });
      } catch (error) {
        await failJob(job, log, 'extraction failed', error);
      }
    }
    if (fresh.length === 0) return;
    try {
      const outcomes = await store.addArticles(fresh.map((f) => f.extracted));
      const ms = Math.round(performance.now() - started);
      for (const [i, outcome] of outcomes.entries()) stored(fresh[i].log, outcome, { ms, batch: jobs.length });
    } catch (batchError) {
      if (fresh.length === 1) await failJob(fresh[0].job, fresh[0].log, 'storing failed', batchError);
      else {
        for (const one of fresh) {
          try {
            const [outcome] = await store.addArticles([one.extracted]);
            stored(one.log, outcome, { alone: true });
          } catch (error) {
            await failJob(one.job, one.log, 'storing failed', error);
          }
        }
      }
    }
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
