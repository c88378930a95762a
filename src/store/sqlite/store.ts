import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { ClaimRecord, EventRecord } from '../../contracts/record.ts';
import type { MergeRules, Report } from '../../merge/index.ts';
import { type CandidateRow, candidateSearch, eventActors, linkedBlocks, planRegroup, reportColumns, searchTexts, sourceCount, type StoredReport } from '../regroup.ts';
import { searchBody, searchQuery } from '../search-text.ts';
import { cutChanges, FEED_COLUMNS, feedUpdateColumns, streamByCursor } from '../shared.ts';
import type {
  AddOutcome,
  Changes,
  Count,
  EventFilter,
  EventPage,
  EventQuery,
  EventSource,
  EventStats,
  FeedState,
  FeedUpdate,
  NewArticle,
  Store,
  StoreStats,
  StoredArticle,
  StoredEvent,
} from '../store.ts';
import { actorDrives, filterSql, type Plan, pageSql } from './filter.ts';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

interface ReportRow {
  id: string;
  article_id: string;
  event_id: string;
  block: string;
  record: string;
  published: string | null;
  outlet: string | null;
}

/** Applies the numbered migrations not yet applied, each in its own transaction. */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  let count = 0;
  for (const file of readdirSync(MIGRATIONS).filter((f) => /^\d+-.*\.sql$/.test(f)).sort()) {
    const version = Number.parseInt(file, 10);
    if (applied.has(version)) continue;
    const sql = readFileSync(join(MIGRATIONS, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, file, Date.now());
    })();
    count++;
  }
  return count;
}

export class SqliteStore implements Store {
  readonly location: string;
  private readonly db: Database.Database;
  private readonly rules: () => MergeRules;
  private readonly statements;

  constructor(path: string, rules: () => MergeRules) {
    this.location = path;
    this.rules = rules;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // WAL with NORMAL survives a killed process (not a power cut) without a sync per commit.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    const db = this.db;
    this.statements = {
      articleById: db.prepare(
        'SELECT id, url, external_id AS externalId, outlet, published, lang, title, text, origin FROM articles WHERE id = ?',
      ),
      articleIdByUrl: db.prepare('SELECT id FROM articles WHERE url = ?').pluck(),
      insertArticle: db.prepare(
        'INSERT INTO articles (id, url, external_id, outlet, published, lang, title, text, origin, ingested_at) VALUES (@id, @url, @externalId, @outlet, @published, @lang, @title, @text, @origin, @ingestedAt)',
      ),
      insertReport: db.prepare(
        'INSERT OR IGNORE INTO reports (id, article_id, event_id, block, family, day_lo, day_hi, latitude, longitude, cell, admin1, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertClaim: db.prepare('INSERT OR IGNORE INTO claims (id, article_id, kind, record) VALUES (?, ?, ?, ?)'),
      // Two indexed searches: precise reports in the cells around a point, and any report of the governorate.
      nearby: db.prepare(
        `SELECT r.id, r.article_id, r.event_id, r.block, r.record FROM reports r
         WHERE r.family = @family AND r.cell = @cell AND r.day_lo BETWEEN @loFrom AND @hi AND r.day_hi >= @lo
           AND r.latitude BETWEEN @south AND @north AND r.longitude BETWEEN @west AND @east`,
      ),
      sameRegion: db.prepare(
        `SELECT r.id, r.article_id, r.event_id, r.block, r.record FROM reports r
         WHERE r.family = @family AND r.admin1 = @admin1 AND r.day_lo BETWEEN @loFrom AND @hi AND r.day_hi >= @lo`,
      ),
      reportsOfEvent: db.prepare(
        'SELECT r.id AS reportId, r.article_id AS articleId, r.record, a.outlet, a.published, a.url FROM reports r JOIN articles a ON a.id = r.article_id WHERE r.event_id = ? ORDER BY r.id',
      ),
      reportsOfBlock: db.prepare('SELECT r.id, r.article_id, r.event_id, r.block, r.record, a.published, a.outlet FROM reports r JOIN articles a ON a.id = r.article_id WHERE r.block = ?'),
      setReportEvent: db.prepare('UPDATE reports SET event_id = ? WHERE id = ?'),
      setReportBlock: db.prepare('UPDATE reports SET block = ? WHERE id = ?'),
      eventRecord: db.prepare('SELECT record FROM events WHERE id = ?').pluck(),
      eventRow: db.prepare('SELECT record, updated_at FROM events WHERE id = ?'),
      upsertEvent: db.prepare(
        `INSERT INTO events (id, record, event_date, country, admin1, event_type, sub_event_type, actor1, actor2, latitude, longitude, geo_precision, time_precision, fatalities, background, n_articles, n_sources, updated_at, seq)
         VALUES (@id, @record, @event_date, @country, @admin1, @event_type, @sub_event_type, @actor1, @actor2, @latitude, @longitude, @geo_precision, @time_precision, @fatalities, @background, @n_articles, @n_sources, @updated_at, @seq)
         ON CONFLICT (id) DO UPDATE SET record = excluded.record, event_date = excluded.event_date, country = excluded.country, admin1 = excluded.admin1,
           event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, actor1 = excluded.actor1, actor2 = excluded.actor2,
           latitude = excluded.latitude, longitude = excluded.longitude, geo_precision = excluded.geo_precision, time_precision = excluded.time_precision,
           fatalities = excluded.fatalities, background = excluded.background, n_articles = excluded.n_articles, n_sources = excluded.n_sources,
           updated_at = excluded.updated_at, seq = excluded.seq`,
      ),
      deleteEvent: db.prepare('DELETE FROM events WHERE id = ?'),
      tombstone: db.prepare(
        'INSERT INTO event_tombstones (id, merged_into, removed_at, seq) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET merged_into = excluded.merged_into, removed_at = excluded.removed_at, seq = excluded.seq',
      ),
      nextChange: db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'change' RETURNING value").pluck(),
      eventRowid: db.prepare('SELECT rowid FROM events WHERE id = ?').pluck(),
      deleteActors: db.prepare('DELETE FROM event_actors WHERE event_id = ?'),
      insertActor: db.prepare('INSERT OR IGNORE INTO event_actors (event_id, actor, event_date) VALUES (?, ?, ?)'),
      deletePoint: db.prepare('DELETE FROM events_rtree WHERE id = ?'),
      insertPoint: db.prepare('INSERT INTO events_rtree (id, south, north, west, east) VALUES (?, ?, ?, ?, ?)'),
      deleteSearch: db.prepare('DELETE FROM events_fts WHERE rowid = ?'),
      insertSearch: db.prepare('INSERT INTO events_fts (rowid, event_id, body) VALUES (?, ?, ?)'),
      untombstone: db.prepare('DELETE FROM event_tombstones WHERE id = ?'),
      eventOfReport: db.prepare('SELECT event_id FROM reports WHERE id = ?').pluck(),
      reportRow: db.prepare('SELECT event_id, block FROM reports WHERE id = ?'),
    };
  }

  async knownArticles(candidates: readonly { id: string; url: string | null }[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (const { id, url } of candidates) {
      if (this.statements.articleById.get(id)) known.add(id);
      if (url && this.statements.articleIdByUrl.get(url)) known.add(url);
    }
    return known;
  }

  async addArticles(items: readonly NewArticle[]): Promise<AddOutcome[]> {
    return this.db.transaction(() => {
      const outcomes: AddOutcome[] = [];
      const fresh: Report[] = [];
      for (const { article, extraction } of items) {
        const existing = (this.statements.articleById.get(article.id) as { id: string } | undefined)?.id ?? (article.url ? (this.statements.articleIdByUrl.get(article.url) as string | undefined) : undefined);
        if (existing) {
          outcomes.push({ status: 'duplicate', id: article.id, of: existing });
          continue;
        }
        this.statements.insertArticle.run({ ...article, ingestedAt: Date.now() });
        for (const record of extraction.events) {
          const columns = reportColumns(record, this.rules());
          const report: Report = { id: record.event_id, articleId: article.id, published: article.published, outlet: article.outlet, record };
          const inserted = this.statements.insertReport.run(
            report.id,
            article.id,
            '',
            report.id,
            columns.family,
            columns.dayLo,
            columns.dayHi,
            record.latitude,
            record.longitude,
            columns.cell,
            record.admin1,
            JSON.stringify(record),
          );
          if (inserted.changes) fresh.push(report);
        }
        extraction.claims.forEach((claim, index) => {
          this.statements.insertClaim.run(`${article.id}-c${index}`, article.id, claim.kind, JSON.stringify(claim));
        });
        outcomes.push({ status: 'added', id: article.id, events: extraction.events.length });
      }
      // One at a time: a fresh report's own links are known only once it has been looked up, so a
      // block is closed again only after each of its fresh reports has been.
      for (const report of fresh) this.regroup(this.component(report));
      return outcomes;
    }).immediate();
  }

  /**
   * Every stored report connected to this one by a chain of possible same-event links. Stored blocks
   * are closed under links, so the new report's own links name every block it joins.
   */
  private component(start: Report): Map<string, StoredReport> {
    const rules = this.rules();
    // A fresh report has no event yet (''), unless an earlier report of the same batch grouped it.
    const own = this.statements.reportRow.get(start.id) as { event_id: string; block: string };
    const found = new Map<string, StoredReport>([[start.id, { ...start, eventId: own.event_id, block: own.block }]]);
    const search = candidateSearch(start.record, rules);
    if (!search) return found;
    const rows: CandidateRow[] = search.admin1 ? (this.statements.sameRegion.all({ ...search.window, admin1: search.admin1 }) as CandidateRow[]) : [];
    if (search.near) {
      for (const cell of search.near.cells) rows.push(...(this.statements.nearby.all({ ...search.window, ...search.near.box, cell }) as CandidateRow[]));
    }
    for (const block of linkedBlocks(start, search.key, rows, rules)) {
      for (const row of this.statements.reportsOfBlock.all(block) as ReportRow[]) found.set(row.id, { ...toReport(row), eventId: row.event_id, block: row.block });
    }
    return found;
  }

  /** Recomputes the events of one component and writes what changed, leaving tombstones for events that went. */
  private regroup(component: Map<string, StoredReport>): void {
    const now = Date.now();
    const plan = planRegroup(component, this.rules());
    for (const id of plan.blockMoves) this.statements.setReportBlock.run(plan.block, id);
    for (const merged of plan.events) {
      if (this.statements.eventRecord.get(merged.record.event_id) !== merged.json) this.writeEvent(merged.record, merged.json, merged.reports, now);
    }
    for (const [reportId, eventId] of plan.eventMoves) this.statements.setReportEvent.run(eventId, reportId);
    for (const removal of plan.removals) this.removeEvent(removal.id, removal.mergedInto, now);
  }

  /** Stores an event with its actor and search rows under the next change number. */
  private writeEvent(r: EventRecord, json: string, reports: readonly EventRecord[], now: number): void {
    const seq = this.statements.nextChange.get() as number;
    this.statements.upsertEvent.run({
      id: r.event_id,
      record: json,
      // '' for an undated event: it sorts after every date, and the (date, id) order needs no NULL case.
      event_date: r.event_date ?? '',
      country: r.country,
      admin1: r.admin1,
      event_type: r.event_type,
      sub_event_type: r.sub_event_type,
      actor1: r.actor1,
      actor2: r.actor2,
      latitude: r.latitude,
      longitude: r.longitude,
      geo_precision: r.geo_precision,
      time_precision: r.time_precision,
      fatalities: r.fatalities,
      background: r.background ? 1 : 0,
      n_articles: r.article_ids.length,
      n_sources: sourceCount(r),
      updated_at: now,
      seq,
    });
    this.statements.untombstone.run(r.event_id);
    this.statements.deleteActors.run(r.event_id);
    for (const actor of eventActors(r)) this.statements.insertActor.run(r.event_id, actor, r.event_date ?? '');
    const rowid = this.statements.eventRowid.get(r.event_id) as number;
    this.statements.deletePoint.run(rowid);
    if (r.latitude !== null && r.longitude !== null) this.statements.insertPoint.run(rowid, r.latitude, r.latitude, r.longitude, r.longitude);
    this.statements.deleteSearch.run(rowid);
    this.statements.insertSearch.run(rowid, r.event_id, searchBody(searchTexts(r, reports)));
  }

  private removeEvent(id: string, mergedInto: string | null, now: number): void {
    const rowid = this.statements.eventRowid.get(id) as number | undefined;
    if (rowid !== undefined) {
      this.statements.deleteSearch.run(rowid);
      this.statements.deletePoint.run(rowid);
    }
    this.statements.deleteActors.run(id);
    this.statements.deleteEvent.run(id);
    this.statements.tombstone.run(id, mergedInto, now, this.statements.nextChange.get() as number);
  }

  /** Loads ready-made events without reports or merging: for synthetic benchmark stores and restores. */
  bulkLoadEvents(records: readonly EventRecord[]): void {
    const now = Date.now();
    this.db.transaction(() => {
      for (const r of records) this.writeEvent(r, JSON.stringify(r), [r], now);
    })();
  }

  async events(query: EventQuery = {}): Promise<EventRecord[]> {
    return this.queryEvents(query, { limit: query.limit ?? 1000 });
  }

  async queryEvents(filter: EventFilter, page: EventPage): Promise<EventRecord[]> {
    const names = filter.actor && !actorDrives(filter) ? this.actorNames(filter.actor) : null;
    if (names && names.length <= 20) {
      // Several actors (or a prefix): each one's newest events in its own date order, then merged.
      const wanted = (page.after ? 0 : (page.offset ?? 0)) + page.limit;
      const rows = new Map<string, { record: string; updated_at: number; event_date: string; id: string }>();
      for (const name of names) {
        const { sql, params } = pageSql({ ...filter, actor: [name] }, { limit: wanted, after: page.after }, this.plan(filter));
        for (const row of this.prepared(sql.replace('SELECT e.record, e.updated_at', 'SELECT e.record, e.updated_at, e.event_date, e.id')).all(...params) as {
          record: string;
          updated_at: number;
          event_date: string;
          id: string;
        }[]) {
          rows.set(row.id, row);
        }
      }
      const sorted = [...rows.values()].sort((a, b) => (a.event_date === b.event_date ? (a.id < b.id ? 1 : -1) : a.event_date < b.event_date ? 1 : -1));
      const from = page.after ? 0 : (page.offset ?? 0);
      return sorted.slice(from, from + page.limit).map((row) => this.toRecord(row));
    }
    const { sql, params } = pageSql(filter, page, this.plan(filter));
    return (this.prepared(sql).all(...params) as { record: string; updated_at: number }[]).map((row) => this.toRecord(row));
  }

  streamEvents(filter: EventFilter): AsyncIterable<EventRecord> {
    return streamByCursor((f, page) => this.queryEvents(f, page), filter);
  }

  async changes(since: number | Date, limit: number): Promise<Changes> {
    const byTime = since instanceof Date;
    const from = byTime ? since.getTime() : since;
    const column = byTime ? 'updated_at' : 'seq';
    const events = this.prepared(`SELECT record, updated_at, seq FROM events WHERE ${column} > ? ORDER BY seq LIMIT ?`).all(from, limit + 1) as {
      record: string;
      updated_at: number;
      seq: number;
    }[];
    const removed = this.prepared(`SELECT id, merged_into, removed_at, seq FROM event_tombstones WHERE ${byTime ? 'removed_at' : 'seq'} > ? ORDER BY seq LIMIT ?`).all(
      from,
      limit + 1,
    ) as { id: string; merged_into: string | null; removed_at: number; seq: number }[];
    const current = this.db.prepare("SELECT value FROM counters WHERE name = 'change'").pluck().get() as number;
    const page = cutChanges(events, removed, limit, current);
    return { ...page, events: page.events.map((row) => this.toRecord(row)) };
  }

  /** The stored actor names that the filter's names and prefixes match, or null when too many to list. */
  private actorNames(patterns: readonly string[]): string[] | null {
    const names = new Set<string>();
    for (const pattern of patterns) {
      if (!pattern.endsWith('*')) {
        names.add(pattern);
        continue;
      }
      const prefix = pattern.slice(0, -1);
      // A walk over the distinct names in the prefix's key range: each step seeks past one name's rows.
      const step = this.prepared('SELECT actor FROM event_actors WHERE actor > ? AND actor < ? ORDER BY actor LIMIT 1').pluck();
      const end = `${prefix}\uffff`;
      let current = this.prepared('SELECT actor FROM event_actors WHERE actor >= ? AND actor < ? ORDER BY actor LIMIT 1').pluck().get(prefix, end) as string | undefined;
      while (current !== undefined) {
        names.add(current);
        if (names.size > 20) return null;
        current = step.get(current, end) as string | undefined;
      }
    }
    return [...names];
  }

  /**
   * How to read a filter: a box that holds few events through the R*Tree, one that holds many along
   * the date index; a rare word through the full-text index, a common one along the date index.
   */
  private plan(filter: EventFilter): Plan {
    // Measured on a million events: the R*Tree path costs about 4.5 µs per event in the box, the date
    // scan about 100 / (share of events in the box) rows; they cross near 15,000 events.
    const limit = 15_000;
    let bboxByIndex: boolean | undefined;
    let commonWords: boolean | undefined;
    if (filter.bbox) {
      const { south, north, west, east } = filter.bbox;
      const inside = this.prepared(`SELECT count(*) FROM (SELECT 1 FROM events_rtree WHERE south >= ? AND north <= ? AND west >= ? AND east <= ? LIMIT ${limit})`)
        .pluck()
        .get(south, north, west, east) as number;
      bboxByIndex = inside < limit;
    }
    const match = filter.q ? searchQuery(filter.q) : null;
    if (match) {
      const hits = this.prepared(`SELECT count(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ? LIMIT ${limit})`).pluck().get(match) as number;
      commonWords = hits >= limit;
    }
    return { bboxByIndex, commonWords };
  }

  async eventStats(filter: EventFilter): Promise<EventStats> {
    const { where, params } = filterSql(filter, this.plan(filter));
    const group = (key: string) =>
      this.prepared(`SELECT ${key} AS key, count(*) AS count, coalesce(sum(e.fatalities), 0) AS fatalities FROM events e ${where} GROUP BY 1 ORDER BY count DESC, key`).all(...params) as Count[];
    const totals = this.prepared(`SELECT count(*) AS events, coalesce(sum(e.fatalities), 0) AS fatalities FROM events e ${where}`).get(...params) as { events: number; fatalities: number };
    const pairs = this.prepared(
      `SELECT e.actor1 AS actor1, e.actor2 AS actor2, count(*) AS count, coalesce(sum(e.fatalities), 0) AS fatalities FROM events e ${where} GROUP BY 1, 2 ORDER BY count DESC, actor1, actor2 LIMIT 200`,
    ).all(...params) as { actor1: string; actor2: string; count: number; fatalities: number }[];
    return {
      ...totals,
      byCountry: group("coalesce(e.country, 'unknown')"),
      byType: group("e.event_type || ' / ' || e.sub_event_type"),
      byMonth: group("CASE e.event_date WHEN '' THEN 'undated' ELSE substr(e.event_date, 1, 7) END").sort((a, b) => (a.key < b.key ? -1 : 1)),
      byActorPair: pairs.map((p) => ({ ...p, key: `${p.actor1} → ${p.actor2 || '(none)'}` })),
    };
  }

  private readonly cache = new Map<string, Database.Statement>();

  /** Filters make a few hundred distinct SQL texts at most; each is compiled once. */
  private prepared(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, statement);
    }
    return statement;
  }

  private toRecord(row: { record: string; updated_at: number }): EventRecord {
    return { ...this.resolveRelated(JSON.parse(row.record) as EventRecord), timestamp: Math.floor(row.updated_at / 1000) };
  }

  async event(id: string): Promise<StoredEvent | null> {
    const row = this.statements.eventRow.get(id) as { record: string; updated_at: number } | undefined;
    if (!row) return null;
    const sources = (this.statements.reportsOfEvent.all(id) as (Omit<EventSource, 'record'> & { record: string })[]).map((s) => ({ ...s, record: JSON.parse(s.record) as EventRecord }));
    return { record: this.toRecord(row), sources, updatedAt: row.updated_at };
  }

  async removedEvent(id: string): Promise<{ merged_into: string | null; timestamp: number } | null> {
    const row = this.prepared('SELECT merged_into, removed_at FROM event_tombstones WHERE id = ?').get(id) as { merged_into: string | null; removed_at: number } | undefined;
    return row ? { merged_into: row.merged_into, timestamp: Math.floor(row.removed_at / 1000) } : null;
  }

  /** `related` names the report an article linked to; outside the article it is that report's event. */
  private resolveRelated(record: EventRecord): EventRecord {
    if (record.related.length === 0) return record;
    const related = record.related.map((r) => ({ ...r, event_id: (this.statements.eventOfReport.get(r.event_id) as string | undefined) ?? r.event_id }));
    return { ...record, related: related.filter((r) => r.event_id !== record.event_id) };
  }

  async article(id: string): Promise<StoredArticle | null> {
    return (this.statements.articleById.get(id) as StoredArticle | undefined) ?? null;
  }

  async articleReports(articleId: string): Promise<{ reportId: string; eventId: string; record: EventRecord }[]> {
    const rows = this.prepared('SELECT id, event_id, record FROM reports WHERE article_id = ? ORDER BY id').all(articleId) as { id: string; event_id: string; record: string }[];
    return rows.map((r) => ({ reportId: r.id, eventId: r.event_id, record: JSON.parse(r.record) as EventRecord }));
  }

  async claims(articleId: string): Promise<ClaimRecord[]> {
    const rows = this.db.prepare('SELECT record FROM claims WHERE article_id = ? ORDER BY id').pluck().all(articleId) as string[];
    return rows.map((json) => JSON.parse(json) as ClaimRecord);
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string) => this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const counts = await this.eventStats({ background: 'exclude' });
    const keyed = (rows: readonly Count[]) => rows.map(({ key, count }) => ({ key, count }));
    return {
      articles: count('articles'),
      reports: count('reports'),
      events: count('events'),
      claims: count('claims'),
      byCountry: keyed(counts.byCountry),
      byType: keyed(counts.byType),
      byMonth: keyed(counts.byMonth),
    };
  }

  async addFeed(url: string, outlet: string | null): Promise<boolean> {
    return this.db.prepare('INSERT OR IGNORE INTO feeds (url, outlet, added_at) VALUES (?, ?, ?)').run(url, outlet, new Date().toISOString()).changes > 0;
  }

  async feeds(): Promise<FeedState[]> {
    const columns = Object.entries(FEED_COLUMNS).map(([key, column]) => `${column} AS ${key}`).join(', ');
    return this.db.prepare(`SELECT ${columns} FROM feeds ORDER BY added_at, url`).all() as FeedState[];
  }

  async updateFeed(url: string, update: FeedUpdate): Promise<void> {
    const columns = feedUpdateColumns(update);
    if (columns.length === 0) return;
    const sets = columns.map(([column]) => `${column} = ?`).join(', ');
    this.db.prepare(`UPDATE feeds SET ${sets} WHERE url = ?`).run(...columns.map(([, v]) => v), url);
  }

  async seenFeedItems(feedUrl: string, keys: readonly string[]): Promise<Set<string>> {
    const statement = this.db.prepare('SELECT 1 FROM feed_items WHERE feed_url = ? AND item_key = ?').pluck();
    return new Set(keys.filter((key) => statement.get(feedUrl, key)));
  }

  async markFeedItems(feedUrl: string, items: readonly { key: string; articleId: string | null }[]): Promise<void> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO feed_items (feed_url, item_key, article_id, seen_at) VALUES (?, ?, ?, ?)');
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const item of items) insert.run(feedUrl, item.key, item.articleId, now);
      this.db.prepare('UPDATE feeds SET items_seen = (SELECT count(*) FROM feed_items WHERE feed_url = ?) WHERE url = ?').run(feedUrl, feedUrl);
    })();
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function toReport(row: ReportRow): Report {
  return { id: row.id, articleId: row.article_id, published: row.published, outlet: row.outlet, record: JSON.parse(row.record) as EventRecord };
}
