import type { Store } from '../store/index.ts';
import { type PollOptions, type PollResult, pollFeed } from './poll.ts';

/** The feeds due now (never polled, or their next poll time has come), polled a few at a time. */
export async function pollDueFeeds(store: Store, options: PollOptions & { concurrency?: number; all?: boolean }): Promise<PollResult[]> {
  const now = options.now?.() ?? new Date();
  const due = (await store.feeds()).filter((f) => options.all || !f.nextPollAt || new Date(f.nextPollAt) <= now);
  const results: PollResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const feed = due[next++];
      results.push(await pollFeed(feed, store, options));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, due.length) }, worker));
  return results.sort((a, b) => (a.feed < b.feed ? -1 : 1));
}
