import { InputError } from '../contracts/errors.ts';
import type { PollResult } from '../feeds/poll.ts';
import { pollDueFeeds } from '../feeds/watch.ts';
import { type ArticleQueue, openQueue, queueSubmitter } from '../queue/articles.ts';
import { isPostgres, openStore, storeLocation, withStore } from '../store/index.ts';
import { table } from './format.ts';

function checkFeedUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`${value}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`${value}: only http and https feeds can be watched`);
  return url.href;
}

export async function feedsAddCommand(url: string, options: { db?: string; outlet?: string }): Promise<void> {
  const href = checkFeedUrl(url);
  await withStore(options.db, async (store) => {
    const added = await store.addFeed(href, options.outlet ?? null);
    process.stdout.write(added ? `added ${href}; \`marsad watch\` polls it\n` : `${href} is already watched\n`);
  });
}

export async function feedsListCommand(options: { db?: string; json?: boolean }): Promise<void> {
  await withStore(options.db, async (store) => {
    const feeds = await store.feeds();
    if (options.json) {
      process.stdout.write(`${JSON.stringify(feeds, null, 2)}\n`);
      return;
    }
    const rows = feeds.map((f) => [f.url, f.outlet ?? f.title, f.itemsSeen, f.lastOkAt?.slice(0, 16) ?? null, f.failures ? `${f.failures} failures: ${f.lastError}` : (f.lastError ?? 'ok'), f.nextPollAt?.slice(0, 16) ?? 'now']);
    process.stdout.write(feeds.length ? `${table(['feed', 'outlet', 'items', 'last ok', 'state', 'next poll'], rows)}\n` : 'no feeds yet: marsad feeds add URL\n');
  });
}

function report(results: PollResult[]): void {
  for (const r of results) {
    const what = r.status === 'failed' ? `failed: ${r.error}` : r.status === 'not-modified' ? 'not modified' : `${r.items} new items, ${r.queued === undefined ? `${r.added} articles added` : `${r.queued} queued for the workers`}, ${r.duplicates} duplicates, ${r.rejected} rejected`;
    process.stderr.write(`${new Date().toISOString()} ${r.feed}: ${what}\n`);
    for (const problem of r.problems) process.stderr.write(`  ${problem}\n`);
  }
}

/** Polls the feeds that are due, again and again; with --once, one round of every feed and exit. */
export async function watchCommand(options: { db?: string; interval: string; once?: boolean; timeout: string }): Promise<void> {
  const intervalSeconds = Number(options.interval);
  const timeoutSeconds = Number(options.timeout);
  if (!Number.isFinite(intervalSeconds) || intervalSeconds < 10) throw new InputError(`--interval: "${options.interval}" must be a number of seconds, at least 10`);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new InputError(`--timeout: "${options.timeout}" must be a positive number of seconds`);
  const location = storeLocation(options.db);
  const store = openStore(location);
  // On PostgreSQL the watcher only fetches: the items go to the queue, and the workers extract them.
  const queue: ArticleQueue | null = isPostgres(location) ? await openQueue(location) : null;
  const submit = queue ? queueSubmitter(queue, store) : undefined;
  const policy = { timeoutMs: timeoutSeconds * 1000, retries: 2, backoffMs: 1000, maxBytes: 10 * 1024 * 1024, userAgent: 'Marsad/0.1 (conflict-event observatory)' };
  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    if ((await store.feeds()).length === 0) throw new InputError('no feeds to watch: add one with `marsad feeds add URL`');
    do {
      report(await pollDueFeeds(store, { intervalSeconds, policy, all: options.once, submit }));
      if (options.once || stopping) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 5000).unref();
      });
    } while (!stopping);
  } finally {
    await queue?.close();
    await store.close();
  }
}
