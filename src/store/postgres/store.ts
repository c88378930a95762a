import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Generated, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { InputError } from '../../contracts/errors.ts';
import type { ClaimRecord, EventRecord } from '../../contracts/record.ts';
import type { MergeRules, Report } from '../../merge/index.ts';
import { type CandidateRow, candidateSearch, eventActors, linkedBlocks, mergeLockKey, planRegroup, reportColumns, searchTexts, sourceCount, type StoredReport } from '../regroup.ts';
import { searchBody } from '../search-text.ts';
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
import { pageQuery, whereClause } from './filter.ts';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

interface Tables {
  schema_migrations: { version: number; name: string; applied_at: number };
  articles: { id: string; url: string | null; external_id: string | null; outlet: string | null; published: string | null; lang: string | null; title: string | null; text: string; origin: string | null; ingested_at: number };
  reports: { id: string; article_id: string; event_id: string; block: string; family: string | null; day_lo: number | null; day_hi: number | null; latitude: number | null; longitude: number | null; cell: number | null; admin1: string | null; record: string };
  claims: { id: string; article_id: string; kind: string; record: string };
  event_tombstones: { id: string; merged_into: string | null; removed_at: number; seq: number };
  event_actors: { actor: string; event_date: string; event_id: string };
  feeds: { url: string; outlet: string | null; title: string | null; added_at: string; etag: string | null; last_modified: string | null; last_polled_at: string | null; last_ok_at: string | null; failures: Generated<number>; last_error: string | null; next_poll_at: string | null; items_seen: Generated<number> };
  feed_items: { feed_url: string; item_key: string; article_id: string | null; seen_at: string };
  counters: { name: string; value: number };
}

/** BIGINT columns (times in ms, change numbers, counts) fit a double: read them as numbers, not strings. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A connection URL fit for messages and logs: the password replaced. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*)(:[^@/]*)?@/, (_, user: string) => `//${user}${user ? ':…' : '…'}@`);
}

/** A row the transaction wrote, to be numbered in the change sequence at its end. */
interface Change {
  readonly table: 'events' | 'event_tombstones';
  readonly id: string;
}

/** Deadlocks and serialization failures are retried: the transaction is rerun from the start. */
const RETRYABLE = new Set(['40P01', '40001']);

export class PostgresStore implements Store {
  readonly location: string;
  readonly db: Kysely<Tables>;
  private readonly pool: pg.Pool;
  private readonly rules: () => MergeRules;
  private readonly ready: Promise<void>;

  constructor(url: string, rules: () => MergeRules, options: { poolSize?: number } = {}) {
    this.location = redactUrl(url);
    this.rules = rules;
    this.pool = new pg.Pool({ connectionString: url, types, max: options.poolSize ?? 4, application_name: 'marsad' });
    // A dropped idle connection must not crash the process; the next query opens another.
    this.pool.on('error', () => {});
    this.db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: this.pool }) });
    this.ready = this.migrate().then(
      () => undefined,
      (error: Error) => {
        throw new InputError(`${this.location}: cannot open the database (${error.message})`);
      },
    );
    // The error is reported by the first call that awaits readiness, not as an unhandled rejection.
    this.ready.catch(() => {});
  }

  /** Applies the numbered migrations not yet applied, under a lock so that workers starting together apply each once. */
  async migrate(): Promise<number> {
    // A current schema is only read, never locked: API instances may run on a read-only replica.
    const files = readdirSync(MIGRATIONS).filter((f) => /^\d+-.*\.sql$/.test(f));
    const exists = (await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(this.db)).rows[0].t;
    if (exists) {
      const applied = new Set((await this.db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version));
      if (files.every((f) => applied.has(Number.parseInt(f, 10)))) return 0;
    }
    return this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('marsad:migrations'))`.execute(trx);
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`.execute(trx);
      const applied = new Set((await trx.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version));
      let count = 0;
      for (const file of files.sort()) {
        const version = Number.parseInt(file, 10);
        if (applied.has(version)) continue;
        await sql.raw(readFileSync(join(MIGRATIONS, file), 'utf8')).execute(trx);
        await trx.insertInto('schema_migrations').values({ version, name: file, applied_at: Date.now() }).execute();
        count++;
      }
      return count;
    });
  }

  /** Resolves once the database answers and its schema is current; rejects with the reason otherwise. */
  async ping(): Promise<void> {
    await this.ready;
    await sql`SELECT 1`.execute(this.db);
  }

  async knownArticles(candidates: readonly { id: string; url: string | null }[]): Promise<Set<string>> {
    await this.ready;
    const known = new Set<string>();
    if (candidates.length === 0) return known;
    const ids = candidates.map((c) => c.id);
    const urls = candidates.flatMap((c) => (c.url ? [c.url] : []));
    const rows = await this.db
      .selectFrom('articles')
      .select(['id', 'url'])
      .where((eb) => eb.or([eb('id', 'in', ids), ...(urls.length ? [eb('url', 'in', urls)] : [])]))
      .execute();
    const storedIds = new Set(rows.map((r) => r.id));
    const storedUrls = new Set(rows.map((r) => r.url));
    for (const { id, url } of candidates) {
      if (storedIds.has(id)) known.add(id);
      if (url && storedUrls.has(url)) known.add(url);
    }
    return known;
  }

  async addArticles(items: readonly NewArticle[]): Promise<AddOutcome[]> {
    await this.ready;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute((trx) => this.addInTransaction(trx, items));
      } catch (error) {
        if (attempt >= 5 || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
  }

  private async addInTransaction(trx: Transaction<Tables>, items: readonly NewArticle[]): Promise<AddOutcome[]> {
    const rules = this.rules();
    // Reports link only within a family and a country, so one lock per (family, country) serializes
    // exactly the merges that could touch the same blocks. All are taken first, in one order, so that
    // no two writers each hold a lock the other waits for.
    const keys = [...new Set(items.flatMap((i) => i.extraction.events.map((e) => mergeLockKey(e, rules))).filter((k): k is string => k !== null))].sort();
    for (const key of keys) await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
    const outcomes: AddOutcome[] = [];
    const fresh: Report[] = [];
    for (const { article, extraction } of items) {
      // ON CONFLICT waits for a concurrent insert of the same article to commit, then yields to it.
      const inserted = await trx
        .insertInto('articles')
        .values({ id: article.id, url: article.url, external_id: article.externalId, outlet: article.outlet, published: article.published, lang: article.lang, title: article.title, text: article.text, origin: article.origin, ingested_at: Date.now() })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        const existing = await trx
          .selectFrom('articles')
          .select('id')
          .where((eb) => eb.or([eb('id', '=', article.id), ...(article.url ? [eb('url', '=', article.url)] : [])]))
          .executeTakeFirst();
        outcomes.push({ status: 'duplicate', id: article.id, of: existing?.id ?? article.id });
        continue;
      }
      if (extraction.events.length) {
        const rows = extraction.events.map((record) => {
          const columns = reportColumns(record, rules);
          return { id: record.event_id, article_id: article.id, event_id: '', block: record.event_id, family: columns.family, day_lo: columns.dayLo, day_hi: columns.dayHi, latitude: record.latitude, longitude: record.longitude, cell: columns.cell, admin1: record.admin1, record: JSON.stringify(record) };
        });
        const stored = new Set((await trx.insertInto('reports').values(rows).onConflict((oc) => oc.doNothing()).returning('id').execute()).map((r) => r.id));
        for (const record of extraction.events) {
          if (stored.has(record.event_id)) fresh.push({ id: record.event_id, articleId: article.id, published: article.published, outlet: article.outlet, record });
        }
      }
      if (extraction.claims.length) {
        await trx
          .insertInto('claims')
          .values(extraction.claims.map((claim, index) => ({ id: `${article.id}-c${index}`, article_id: article.id, kind: claim.kind, record: JSON.stringify(claim) })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      outcomes.push({ status: 'added', id: article.id, events: extraction.events.length });
    }
    // One at a time, as in the SQLite store: a block is closed only after each fresh report is looked up.
    const changes: Change[] = [];
    const grouped = new Map<string, { eventId: string; block: string }>();
    for (const report of fresh) await this.regroup(trx, await this.component(trx, report, grouped), changes, grouped);
    await this.numberChanges(trx, changes);
    return outcomes;
  }

  /**
   * As the SQLite store's, in as few round trips as the decisions allow: one candidate query, one read
   * of the blocks joined. `grouped` holds the reports this transaction already regrouped; any other
   * fresh report is still alone ('' event, its own block).
   */
  private async component(trx: Transaction<Tables>, start: Report, grouped: ReadonlyMap<string, { eventId: string; block: string }>): Promise<Map<string, StoredReport>> {
    const rules = this.rules();
    const own = grouped.get(start.id) ?? { eventId: '', block: start.id };
    const found = new Map<string, StoredReport>([[start.id, { ...start, ...own }]]);
    const search = candidateSearch(start.record, rules);
    if (!search || (!search.admin1 && !search.near)) return found;
    const { family, loFrom, hi, lo } = search.window;
    const places = [];
    if (search.admin1) places.push(sql`admin1 = ${search.admin1}`);
    if (search.near) {
      const { south, north, west, east } = search.near.box;
      places.push(sql`(cell = ANY(${[...search.near.cells]}) AND latitude BETWEEN ${south} AND ${north} AND longitude BETWEEN ${west} AND ${east})`);
    }
    const { rows } = await sql<CandidateRow>`SELECT id, article_id, block, record FROM reports
      WHERE family = ${family} AND day_lo BETWEEN ${loFrom} AND ${hi} AND day_hi >= ${lo} AND (${sql.join(places, sql` OR `)})`.execute(trx);
    const blocks = [...linkedBlocks(start, search.key, rows, rules)];
    if (blocks.length) {
      const members = await trx
        .selectFrom('reports as r')
        .innerJoin('articles as a', 'a.id', 'r.article_id')
        .select(['r.id', 'r.article_id', 'r.event_id', 'r.block', 'r.record', 'a.published', 'a.outlet'])
        .where('r.block', 'in', blocks)
        .execute();
      for (const row of members) {
        found.set(row.id, { id: row.id, articleId: row.article_id, published: row.published, outlet: row.outlet, record: JSON.parse(row.record) as EventRecord, eventId: row.event_id, block: row.block });
      }
    }
    return found;
  }

  private async regroup(trx: Transaction<Tables>, component: Map<string, StoredReport>, changes: Change[], grouped: Map<string, { eventId: string; block: string }>): Promise<void> {
    const now = Date.now();
    const plan = planRegroup(component, this.rules());
    if (plan.blockMoves.length) await trx.updateTable('reports').set({ block: plan.block }).where('id', 'in', [...plan.blockMoves]).execute();
    const ids = plan.events.map((e) => e.record.event_id);
    const stored = new Map((await sql<{ id: string; record: string }>`SELECT id, record FROM events WHERE id = ANY(${ids})`.execute(trx)).rows.map((r) => [r.id, r.record]));
    for (const merged of plan.events) {
      if (stored.get(merged.record.event_id) !== merged.json) {
        await this.writeEvent(trx, merged.record, merged.json, merged.reports, now);
        changes.push({ table: 'events', id: merged.record.event_id });
      }
    }
    if (plan.eventMoves.length) {
      await sql`UPDATE reports AS r SET event_id = u.event_id FROM unnest(${plan.eventMoves.map(([report]) => report)}::text[], ${plan.eventMoves.map(([, event]) => event)}::text[]) AS u(id, event_id)
        WHERE r.id = u.id`.execute(trx);
    }
    for (const removal of plan.removals) {
      await this.removeEvent(trx, removal.id, removal.mergedInto, now);
      changes.push({ table: 'event_tombstones', id: removal.id });
    }
    const moved = new Map(plan.eventMoves);
    for (const report of component.values()) grouped.set(report.id, { eventId: moved.get(report.id) ?? report.eventId, block: plan.block });
  }

  /**
   * Gives the transaction's changes their numbers, in the order they were made, as its last write: the
   * counter's row lock is then held only while the transaction commits, and numbers follow commit order,
   * so a client reading `since=` never skips a change that a slower writer commits later.
   */
  private async numberChanges(trx: Transaction<Tables>, changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    // The last change of a row is the one its number stands for.
    const last = new Map<string, Change>();
    for (const change of changes) {
      last.delete(`${change.table}:${change.id}`);
      last.set(`${change.table}:${change.id}`, change);
    }
    const ordered = [...last.values()];
    const top = (await trx.updateTable('counters').set((eb) => ({ value: eb('value', '+', ordered.length) })).where('name', '=', 'change').returning('value').executeTakeFirstOrThrow()).value;
    for (const table of ['events', 'event_tombstones'] as const) {
      const ids = ordered.flatMap((c, i) => (c.table === table ? [[c.id, top - ordered.length + 1 + i] as const] : []));
      if (ids.length === 0) continue;
      await sql`UPDATE ${sql.table(table)} AS t SET seq = u.seq FROM unnest(${ids.map(([id]) => id)}::text[], ${ids.map(([, seq]) => seq)}::bigint[]) AS u(id, seq)
        WHERE t.id = u.id`.execute(trx);
    }
  }

  /** The event row, its actor rows and the end of any tombstone, in one statement. */
  private async writeEvent(trx: Transaction<Tables>, r: EventRecord, json: string, reports: readonly EventRecord[], now: number): Promise<void> {
    const words = searchBody(searchTexts(r, reports)).split(' ').filter(Boolean);
    const actors = eventActors(r);
    const day = r.event_date ?? '';
    await sql`WITH upserted AS (
        INSERT INTO events (id, record, event_date, country, admin1, event_type, sub_event_type, actor1, actor2, latitude, longitude, geo_precision, time_precision, fatalities, background, n_articles, n_sources, updated_at, seq, search)
        VALUES (${r.event_id}, ${json}, ${day}, ${r.country}, ${r.admin1}, ${r.event_type}, ${r.sub_event_type}, ${r.actor1}, ${r.actor2}, ${r.latitude}, ${r.longitude},
          ${r.geo_precision}, ${r.time_precision}, ${r.fatalities}, ${r.background ? 1 : 0}, ${r.article_ids.length}, ${sourceCount(r)}, ${now}, 0, array_to_tsvector(${words}::text[]))
        ON CONFLICT (id) DO UPDATE SET record = excluded.record, event_date = excluded.event_date, country = excluded.country, admin1 = excluded.admin1,
          event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, actor1 = excluded.actor1, actor2 = excluded.actor2,
          latitude = excluded.latitude, longitude = excluded.longitude, geo_precision = excluded.geo_precision, time_precision = excluded.time_precision,
          fatalities = excluded.fatalities, background = excluded.background, n_articles = excluded.n_articles, n_sources = excluded.n_sources,
          updated_at = excluded.updated_at, search = excluded.search
        RETURNING id),
      untombstoned AS (DELETE FROM event_tombstones WHERE id = ${r.event_id}),
      stale AS (DELETE FROM event_actors WHERE event_id = ${r.event_id} AND NOT (actor = ANY(${actors}::text[]) AND event_date = ${day}))
      INSERT INTO event_actors (actor, event_date, event_id) SELECT a, ${day}, ${r.event_id} FROM unnest(${actors}::text[]) AS a
      ON CONFLICT DO NOTHING`.execute(trx);
  }

  private async removeEvent(trx: Transaction<Tables>, id: string, mergedInto: string | null, now: number): Promise<void> {
    await sql`WITH actors AS (DELETE FROM event_actors WHERE event_id = ${id}), gone AS (DELETE FROM events WHERE id = ${id})
      INSERT INTO event_tombstones (id, merged_into, removed_at, seq) VALUES (${id}, ${mergedInto}, ${now}, 0)
      ON CONFLICT (id) DO UPDATE SET merged_into = excluded.merged_into, removed_at = excluded.removed_at`.execute(trx);
  }

  async events(query: EventQuery = {}): Promise<EventRecord[]> {
    return this.queryEvents(query, { limit: query.limit ?? 1000 });
  }

  async queryEvents(filter: EventFilter, page: EventPage): Promise<EventRecord[]> {
    await this.ready;
    const { rows } = await pageQuery(filter, page).execute(this.db);
    return Promise.all(rows.map((row) => this.toRecord(row)));
  }

  streamEvents(filter: EventFilter): AsyncIterable<EventRecord> {
    return streamByCursor((f, page) => this.queryEvents(f, page), filter);
  }

  async changes(since: number | Date, limit: number): Promise<Changes> {
    await this.ready;
    const byTime = since instanceof Date;
    const from = byTime ? since.getTime() : since;
    const events = (
      await sql<{ record: string; updated_at: number; seq: number }>`SELECT record, updated_at, seq FROM events WHERE ${sql.ref(byTime ? 'updated_at' : 'seq')} > ${from} ORDER BY seq LIMIT ${limit + 1}`.execute(
        this.db,
      )
    ).rows;
    const removed = (
      await sql<{ id: string; merged_into: string | null; removed_at: number; seq: number }>`SELECT id, merged_into, removed_at, seq FROM event_tombstones
        WHERE ${sql.ref(byTime ? 'removed_at' : 'seq')} > ${from} ORDER BY seq LIMIT ${limit + 1}`.execute(this.db)
    ).rows;
    const current = (await this.db.selectFrom('counters').select('value').where('name', '=', 'change').executeTakeFirstOrThrow()).value;
    const page = cutChanges(events, removed, limit, current);
    return { ...page, events: await Promise.all(page.events.map((row) => this.toRecord(row))) };
  }

  async eventStats(filter: EventFilter): Promise<EventStats> {
    await this.ready;
    const where = whereClause(filter);
    const group = async (key: string) =>
      (
        await sql<Count>`SELECT * FROM (SELECT ${sql.raw(key)} AS key, count(*)::int AS count, coalesce(sum(e.fatalities), 0)::int AS fatalities FROM events e ${where} GROUP BY 1) g
          ORDER BY count DESC, key COLLATE "C"`.execute(this.db)
      ).rows;
    const totals = (await sql<{ events: number; fatalities: number }>`SELECT count(*)::int AS events, coalesce(sum(e.fatalities), 0)::int AS fatalities FROM events e ${where}`.execute(this.db)).rows[0];
    const pairs = (
      await sql<{ actor1: string; actor2: string; count: number; fatalities: number }>`SELECT * FROM (SELECT e.actor1 AS actor1, e.actor2 AS actor2, count(*)::int AS count, coalesce(sum(e.fatalities), 0)::int AS fatalities
        FROM events e ${where} GROUP BY 1, 2) p ORDER BY count DESC, actor1 COLLATE "C", actor2 COLLATE "C" LIMIT 200`.execute(this.db)
    ).rows;
    return {
      ...totals,
      byCountry: await group("coalesce(e.country, 'unknown')"),
      byType: await group("e.event_type || ' / ' || e.sub_event_type"),
      byMonth: (await group("CASE e.event_date WHEN '' THEN 'undated' ELSE substr(e.event_date, 1, 7) END")).sort((a, b) => (a.key < b.key ? -1 : 1)),
      byActorPair: pairs.map((p) => ({ ...p, key: `${p.actor1} → ${p.actor2 || '(none)'}` })),
    };
  }

  /** `related` names the report an article linked to; outside the article it is that report's event. */
  private async toRecord(row: { record: string; updated_at: number }): Promise<EventRecord> {
    const record = JSON.parse(row.record) as EventRecord;
    const timestamp = Math.floor(row.updated_at / 1000);
    if (record.related.length === 0) return { ...record, timestamp };
    const ids = record.related.map((r) => r.event_id);
    const owners = new Map((await this.db.selectFrom('reports').select(['id', 'event_id']).where('id', 'in', ids).execute()).map((r) => [r.id, r.event_id]));
    const related = record.related.map((r) => ({ ...r, event_id: owners.get(r.event_id) ?? r.event_id })).filter((r) => r.event_id !== record.event_id);
    return { ...record, related, timestamp };
  }

  async event(id: string): Promise<StoredEvent | null> {
    await this.ready;
    const row = (await sql<{ record: string; updated_at: number }>`SELECT record, updated_at FROM events WHERE id = ${id}`.execute(this.db)).rows[0];
    if (!row) return null;
    const sources = await this.db
      .selectFrom('reports as r')
      .innerJoin('articles as a', 'a.id', 'r.article_id')
      .select(['r.id as reportId', 'r.article_id as articleId', 'r.record', 'a.outlet', 'a.published', 'a.url'])
      .where('r.event_id', '=', id)
      .orderBy('r.id')
      .execute();
    return {
      record: await this.toRecord(row),
      sources: sources.map((s): EventSource => ({ ...s, record: JSON.parse(s.record) as EventRecord })),
      updatedAt: row.updated_at,
    };
  }

  async removedEvent(id: string): Promise<{ merged_into: string | null; timestamp: number } | null> {
    await this.ready;
    const row = await this.db.selectFrom('event_tombstones').select(['merged_into', 'removed_at']).where('id', '=', id).executeTakeFirst();
    return row ? { merged_into: row.merged_into, timestamp: Math.floor(row.removed_at / 1000) } : null;
  }

  async article(id: string): Promise<StoredArticle | null> {
    await this.ready;
    const row = await this.db
      .selectFrom('articles')
      .select(['id', 'url', 'external_id as externalId', 'outlet', 'published', 'lang', 'title', 'text', 'origin'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ?? null;
  }

  async articleReports(articleId: string): Promise<{ reportId: string; eventId: string; record: EventRecord }[]> {
    await this.ready;
    const rows = await this.db.selectFrom('reports').select(['id', 'event_id', 'record']).where('article_id', '=', articleId).orderBy('id').execute();
    return rows.map((r) => ({ reportId: r.id, eventId: r.event_id, record: JSON.parse(r.record) as EventRecord }));
  }

  async claims(articleId: string): Promise<ClaimRecord[]> {
    await this.ready;
    const rows = await this.db.selectFrom('claims').select('record').where('article_id', '=', articleId).orderBy('id').execute();
    return rows.map((r) => JSON.parse(r.record) as ClaimRecord);
  }

  async stats(): Promise<StoreStats> {
    await this.ready;
    const count = async (table: 'articles' | 'reports' | 'claims') =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const events = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM events`.execute(this.db)).rows[0].n;
    const counts = await this.eventStats({ background: 'exclude' });
    const keyed = (rows: readonly Count[]) => rows.map(({ key, count }) => ({ key, count }));
    return {
      articles: await count('articles'),
      reports: await count('reports'),
      events,
      claims: await count('claims'),
      byCountry: keyed(counts.byCountry),
      byType: keyed(counts.byType),
      byMonth: keyed(counts.byMonth),
    };
  }

  async addFeed(url: string, outlet: string | null): Promise<boolean> {
    await this.ready;
    const inserted = await this.db.insertInto('feeds').values({ url, outlet, added_at: new Date().toISOString(), title: null, etag: null, last_modified: null, last_polled_at: null, last_ok_at: null, last_error: null, next_poll_at: null }).onConflict((oc) => oc.doNothing()).returning('url').executeTakeFirst();
    return inserted !== undefined;
  }

  async feeds(): Promise<FeedState[]> {
    await this.ready;
    const rows = await this.db.selectFrom('feeds').selectAll().orderBy('added_at').orderBy('url').execute();
    return rows.map((row) => Object.fromEntries(Object.entries(FEED_COLUMNS).map(([key, column]) => [key, row[column]])) as unknown as FeedState);
  }

  async updateFeed(url: string, update: FeedUpdate): Promise<void> {
    await this.ready;
    const set = Object.fromEntries(feedUpdateColumns(update));
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('feeds').set(set).where('url', '=', url).execute();
  }

  async seenFeedItems(feedUrl: string, keys: readonly string[]): Promise<Set<string>> {
    await this.ready;
    if (keys.length === 0) return new Set();
    const rows = await this.db.selectFrom('feed_items').select('item_key').where('feed_url', '=', feedUrl).where('item_key', 'in', [...keys]).execute();
    return new Set(rows.map((r) => r.item_key));
  }

  async markFeedItems(feedUrl: string, items: readonly { key: string; articleId: string | null }[]): Promise<void> {
    await this.ready;
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (items.length) {
        await trx
          .insertInto('feed_items')
          .values(items.map((item) => ({ feed_url: feedUrl, item_key: item.key, article_id: item.articleId, seen_at: now })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await sql`UPDATE feeds SET items_seen = (SELECT count(*) FROM feed_items WHERE feed_url = ${feedUrl}) WHERE url = ${feedUrl}`.execute(trx);
    });
  }

  async close(): Promise<void> {
    await this.ready.catch(() => {});
    await this.db.destroy();
  }
}
