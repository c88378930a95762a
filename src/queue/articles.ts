import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { InputError } from '../contracts/errors.ts';
import { type ArticleDraft, articleId, toStoredArticle } from '../ingest/articles.ts';
import type { IngestCounts, SubmitDrafts } from '../ingest/run.ts';
import type { Store } from '../store/index.ts';
import { redactUrl } from '../store/postgres/store.ts';

/**
 * The article queue on PostgreSQL (pg-boss): `marsad watch` and `POST /api/articles` put articles in,
 * `marsad worker` processes on any number of machines take them out, extract and store them. A job is
 * one article; its id is derived from the article's text hash, so the same article queued twice is one
 * job, and a job run twice (a retry after a crash) finds the article stored and changes nothing.
 */
export const ARTICLE_QUEUE = 'marsad-articles';
/** Jobs that failed their last try, with the article, for a person to look at (`marsad queue`). */
export const DEAD_QUEUE = 'marsad-articles-dead';

export interface QueueSettings {
  /** Tries after the first; the delays double from retryDelaySeconds. */
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  /** A job active longer than this is taken to have died with its worker, and is retried. */
  readonly jobTimeoutSeconds: number;
  /** How often a process checks for timed-out jobs (pg-boss maintenance). */
  readonly maintenanceSeconds: number;
  /** How often an idle worker asks for a job. */
  readonly pollingSeconds: number;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0.5) throw new InputError(`${name}: "${raw}" must be a number of seconds (at least 0.5)`);
  return value;
}

/** Defaults for a newsroom deployment; the environment overrides them (tests shorten the timeouts). */
export function queueSettings(): QueueSettings {
  return {
    retryLimit: Math.round(positive('MARSAD_JOB_RETRIES', 3)),
    retryDelaySeconds: Math.round(positive('MARSAD_JOB_RETRY_DELAY', 10)),
    jobTimeoutSeconds: Math.round(Math.max(1, positive('MARSAD_JOB_TIMEOUT', 300))),
    maintenanceSeconds: Math.round(Math.max(1, positive('MARSAD_QUEUE_MAINTENANCE', 30))),
    pollingSeconds: positive('MARSAD_QUEUE_POLL', 1),
  };
}

/** A UUID made from the article's id: the job's identity is the article's. */
export function jobId(articleKey: string): string {
  const h = createHash('sha256').update(`marsad-article:${articleKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface ArticleQueue {
  readonly boss: PgBoss;
  readonly settings: QueueSettings;
  readonly location: string;
  close(): Promise<void>;
}

/** Connects to the queue, creating pg-boss's schema and the two queues when they are missing. */
export async function openQueue(url: string, settings: QueueSettings = queueSettings(), onError: (error: Error) => void = () => {}): Promise<ArticleQueue> {
  const boss = new PgBoss({
    connectionString: url,
    application_name: 'marsad-queue',
    max: 4,
    schedule: false,
    maintenanceIntervalSeconds: settings.maintenanceSeconds,
    monitorStateIntervalSeconds: 60,
  });
  boss.on('error', onError);
  try {
    await boss.start();
    if (!(await boss.getQueue(DEAD_QUEUE))) await boss.createQueue(DEAD_QUEUE, { name: DEAD_QUEUE, retryLimit: 0 });
    const options = {
      name: ARTICLE_QUEUE,
      retryLimit: settings.retryLimit,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: settings.jobTimeoutSeconds,
      deadLetter: DEAD_QUEUE,
    };
    if (await boss.getQueue(ARTICLE_QUEUE)) await boss.updateQueue(ARTICLE_QUEUE, options);
    else await boss.createQueue(ARTICLE_QUEUE, options);
  } catch (error) {
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    throw new InputError(`${redactUrl(url)}: cannot open the article queue (${(error as Error).message})`);
  }
  return {
    boss,
    settings,
    location: redactUrl(url),
    close: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
}

/**
 * Queues articles for the workers. Counts go to `queued`; an article already stored (same text or
 * URL) or whose job is still known is counted as a duplicate, as the store would count it.
 */
export async function enqueueDrafts(queue: ArticleQueue, drafts: readonly ArticleDraft[], counts: IngestCounts, store?: Store): Promise<{ id: string; job: string }[]> {
  const jobs: { id: string; job: string }[] = [];
  const known = store ? await store.knownArticles(drafts.map(toStoredArticle)) : new Set<string>();
  for (const draft of drafts) {
    const id = articleId(draft.text);
    if (known.has(id) || (draft.url && known.has(draft.url))) {
      counts.duplicates++;
      continue;
    }
    const job = jobId(id);
    const sent = await queue.boss.send(ARTICLE_QUEUE, draft, { id: job });
    if (sent) counts.queued = (counts.queued ?? 0) + 1;
    else counts.duplicates++;
    jobs.push({ id, job });
  }
  return jobs;
}

/** Where `ingest --queue`, `watch` and the API send new articles on PostgreSQL: to the workers. */
export function queueSubmitter(queue: ArticleQueue, store: Store): SubmitDrafts {
  return async (drafts, counts) => {
    await enqueueDrafts(queue, drafts, counts, store);
  };
}

export interface QueueStatus {
  /** Jobs waiting: new and due for a retry. */
  readonly waiting: number;
  readonly retrying: number;
  readonly active: number;
  readonly completed: number;
  readonly failed: number;
  /** Jobs in the dead-letter queue: failed on their last try. */
  readonly dead: number;
  /** Jobs completed per minute over the last minute and the last ten. */
  readonly perMinute: { readonly lastMinute: number; readonly lastTenMinutes: number };
  readonly recentFailures: readonly { readonly job: string; readonly origin: string | null; readonly error: string; readonly tries: number; readonly at: string }[];
}

/** Depth, rate and failures, read from pg-boss's tables. */
export async function queueStatus(queue: ArticleQueue): Promise<QueueStatus> {
  const db = queue.boss.getDb();
  const { rows } = await db.executeSql(
    `SELECT name, state, count(*)::int AS n,
            count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '1 minute')::int AS last1,
            count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '10 minutes')::int AS last10
       FROM pgboss.job WHERE name = ANY($1) GROUP BY 1, 2`,
    [[ARTICLE_QUEUE, DEAD_QUEUE]],
  );
  const count = (name: string, state: string) => rows.filter((r) => r.name === name && r.state === state).reduce((sum, r) => sum + r.n, 0);
  const failures = await db.executeSql(
    `SELECT id, data->>'origin' AS origin, coalesce(output->>'message', output::text) AS error, retry_count, completed_on
       FROM pgboss.job WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT 5`,
    [ARTICLE_QUEUE],
  );
  const articles = rows.filter((r) => r.name === ARTICLE_QUEUE);
  return {
    waiting: count(ARTICLE_QUEUE, 'created') + count(ARTICLE_QUEUE, 'retry'),
    retrying: count(ARTICLE_QUEUE, 'retry'),
    active: count(ARTICLE_QUEUE, 'active'),
    completed: count(ARTICLE_QUEUE, 'completed'),
    failed: count(ARTICLE_QUEUE, 'failed'),
    dead: count(DEAD_QUEUE, 'created') + count(DEAD_QUEUE, 'retry'),
    perMinute: {
      lastMinute: articles.reduce((sum, r) => sum + r.last1, 0),
      lastTenMinutes: Math.round(articles.reduce((sum, r) => sum + r.last10, 0) / 10),
    },
    recentFailures: failures.rows.map((r) => ({
      job: r.id,
      origin: r.origin,
      error: r.error ?? 'unknown',
      tries: r.retry_count + 1,
      at: r.completed_on ? new Date(r.completed_on).toISOString() : '',
    })),
  };
}
