import type { ClaimRecord, EventRecord, ExtractionResult } from '../contracts/record.ts';

/** An article as stored: its id is the hash of its normalized text, so a re-ingested copy is the same row. */
export interface StoredArticle {
  readonly id: string;
  readonly url: string | null;
  /** The id the batch or feed gave it, kept for reference. */
  readonly externalId: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly lang: string | null;
  readonly title: string | null;
  readonly text: string;
  /** Where it came from: a file path or a feed URL. */
  readonly origin: string | null;
}

export interface NewArticle {
  readonly article: StoredArticle;
  readonly extraction: ExtractionResult;
}

export type AddOutcome = { readonly status: 'added'; readonly id: string; readonly events: number } | { readonly status: 'duplicate'; readonly id: string; readonly of: string };

/** One event as one article reported it, with that article's own evidence. */
export interface EventSource {
  readonly reportId: string;
  readonly articleId: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly record: EventRecord;
}

export interface StoredEvent {
  readonly record: EventRecord;
  readonly sources: readonly EventSource[];
  /** Milliseconds since the epoch of the last change to the merged record. */
  readonly updatedAt: number;
}

export type DateCondition =
  | { readonly op: 'BETWEEN'; readonly from: string; readonly to: string }
  | { readonly op: '=' | '>' | '<' | '>=' | '<='; readonly value: string };

/** The filters of the API and the exports, in ACLED's conventions; every list is "any of". */
export interface EventFilter {
  readonly country?: readonly string[];
  readonly admin1?: readonly string[];
  readonly eventType?: readonly string[];
  readonly subEventType?: readonly string[];
  /** Matches actor1, actor2 and the associated actors, without case; a trailing * matches a prefix. */
  readonly actor?: readonly string[];
  readonly date?: DateCondition;
  readonly bbox?: { readonly west: number; readonly south: number; readonly east: number; readonly north: number };
  readonly geoPrecision?: readonly number[];
  readonly timePrecision?: readonly number[];
  readonly minSources?: number;
  /** Full text over the evidence and notes, Arabic folded. */
  readonly q?: string;
  readonly background?: 'include' | 'exclude' | 'only';
}

/** Newest first (event date, then id); a cursor continues after the last event of a page. */
export interface EventPage {
  readonly limit: number;
  readonly offset?: number;
  readonly after?: { readonly date: string | null; readonly id: string };
}

export interface EventQuery extends EventFilter {
  readonly limit?: number;
}

export interface Changes {
  readonly events: readonly EventRecord[];
  /** Events that are gone, and the event each was merged into, if any. */
  readonly removed: readonly { readonly event_id: string; readonly merged_into: string | null; readonly timestamp: number }[];
  /** Pass it as `since` to get what changes next. */
  readonly syncToken: number;
  readonly more: boolean;
}

export interface Count {
  readonly key: string;
  readonly count: number;
  readonly fatalities: number;
}

export interface EventStats {
  readonly events: number;
  readonly fatalities: number;
  readonly byCountry: readonly Count[];
  readonly byType: readonly Count[];
  readonly byMonth: readonly Count[];
  /** actor1 → actor2, as coded. */
  readonly byActorPair: readonly (Count & { readonly actor1: string; readonly actor2: string })[];
}

export interface StoreStats {
  readonly articles: number;
  readonly reports: number;
  readonly events: number;
  readonly claims: number;
  readonly byCountry: readonly { key: string; count: number }[];
  readonly byType: readonly { key: string; count: number }[];
  readonly byMonth: readonly { key: string; count: number }[];
}

export interface FeedState {
  readonly url: string;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly addedAt: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastPolledAt: string | null;
  readonly lastOkAt: string | null;
  readonly failures: number;
  readonly lastError: string | null;
  readonly nextPollAt: string | null;
  readonly itemsSeen: number;
}

export type FeedUpdate = Partial<Omit<FeedState, 'url' | 'addedAt'>>;

/**
 * The one interface between Marsad and its database. SQLite is the embedded default; PostgreSQL
 * implements the same contract (issue 8), so every method is asynchronous even where SQLite is not.
 */
export interface Store {
  /** Where the data lives, for messages. */
  readonly location: string;
  /** Of these articles, the ids and URLs already stored (a re-ingest skips them before extraction). */
  knownArticles(candidates: readonly { id: string; url: string | null }[]): Promise<Set<string>>;
  /** Stores articles with their events and claims and merges the events, all in one transaction. */
  addArticles(items: readonly NewArticle[]): Promise<AddOutcome[]>;
  events(query?: EventQuery): Promise<EventRecord[]>;
  /** One page of the events that pass the filter, newest first. */
  queryEvents(filter: EventFilter, page: EventPage): Promise<EventRecord[]>;
  /** Every event that passes the filter, newest first, read in constant memory (for exports). */
  streamEvents(filter: EventFilter): AsyncIterable<EventRecord>;
  /** What changed after a sync token (or, given a Date, after that time), oldest change first. */
  changes(since: number | Date, limit: number): Promise<Changes>;
  eventStats(filter: EventFilter): Promise<EventStats>;
  event(id: string): Promise<StoredEvent | null>;
  /** An event that is gone: merged into another (named) or dissolved. */
  removedEvent(id: string): Promise<{ merged_into: string | null; timestamp: number } | null>;
  article(id: string): Promise<StoredArticle | null>;
  /** The events an article reported, as it reported them, with the stored event each belongs to. */
  articleReports(articleId: string): Promise<{ reportId: string; eventId: string; record: EventRecord }[]>;
  claims(articleId: string): Promise<ClaimRecord[]>;
  stats(): Promise<StoreStats>;
  addFeed(url: string, outlet: string | null): Promise<boolean>;
  feeds(): Promise<FeedState[]>;
  updateFeed(url: string, update: FeedUpdate): Promise<void>;
  /** Which of these feed item keys were seen before. */
  seenFeedItems(feedUrl: string, keys: readonly string[]): Promise<Set<string>>;
  markFeedItems(feedUrl: string, items: readonly { key: string; articleId: string | null }[]): Promise<void>;
  /** Resolves when the database answers with its schema current; rejects with the reason (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
