import type { EventRecord } from '../contracts/record.ts';
import type { Changes, EventFilter, EventPage, FeedState, FeedUpdate } from './store.ts';

/** What both stores do the same way whatever their SQL: feed columns, paging an export, cutting a sync page. */

/** The feeds table's column of each field of a feed's state (the same schema on both stores). */
export const FEED_COLUMNS = {
  url: 'url',
  outlet: 'outlet',
  title: 'title',
  addedAt: 'added_at',
  etag: 'etag',
  lastModified: 'last_modified',
  lastPolledAt: 'last_polled_at',
  lastOkAt: 'last_ok_at',
  failures: 'failures',
  lastError: 'last_error',
  nextPollAt: 'next_poll_at',
  itemsSeen: 'items_seen',
} as const satisfies Record<keyof FeedState, string>;

/** The columns an update sets and their values; the key and the creation time never change. */
export function feedUpdateColumns(update: FeedUpdate): [column: string, value: unknown][] {
  return Object.entries(update)
    .filter(([k]) => k in FEED_COLUMNS && k !== 'url' && k !== 'addedAt')
    .map(([k, v]) => [FEED_COLUMNS[k as keyof FeedState], v ?? null]);
}

const EXPORT_PAGE = 2000;

/** Every event that passes the filter, page by page by cursor: the read never holds the database for a whole export. */
export async function* streamByCursor(
  queryEvents: (filter: EventFilter, page: EventPage) => Promise<EventRecord[]>,
  filter: EventFilter,
): AsyncIterable<EventRecord> {
  let after: EventPage['after'];
  for (;;) {
    const page = await queryEvents(filter, { limit: EXPORT_PAGE, after });
    for (const record of page) yield record;
    if (page.length < EXPORT_PAGE) return;
    const last = page[page.length - 1];
    after = { date: last.event_date, id: last.event_id };
  }
}

interface ChangedRow {
  readonly seq: number;
}

/**
 * One page of `since=`: from up to limit+1 changed events and tombstones each (oldest change first),
 * both lists stop at the same change number, so that nothing is skipped by the next call.
 */
export function cutChanges<E extends ChangedRow, T extends ChangedRow & { id: string; merged_into: string | null; removed_at: number }>(
  events: readonly E[],
  removed: readonly T[],
  limit: number,
  currentChange: number,
): { events: E[]; removed: Changes['removed'][number][]; syncToken: number; more: boolean } {
  const more = events.length > limit || removed.length > limit;
  const last = Math.min(events.length > limit ? events[limit - 1].seq : Number.POSITIVE_INFINITY, removed.length > limit ? removed[limit - 1].seq : Number.POSITIVE_INFINITY);
  return {
    events: events.filter((e) => e.seq <= last),
    removed: removed.filter((t) => t.seq <= last).map((t) => ({ event_id: t.id, merged_into: t.merged_into, timestamp: Math.floor(t.removed_at / 1000) })),
    syncToken: more ? last : currentChange,
    more,
  };
}
