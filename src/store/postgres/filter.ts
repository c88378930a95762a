import { type RawBuilder, sql } from 'kysely';
import { tsQuery } from '../search-text.ts';
import type { EventFilter, EventPage } from '../store.ts';

/**
 * The conditions of a filter over `events e`, as kysely SQL fragments: values travel as parameters.
 * PostgreSQL's planner chooses between the indexes (date, actor, GiST point, GIN words) from its
 * statistics, so unlike the SQLite store this needs no plan of its own.
 */
export function filterConditions(filter: EventFilter): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  const anyOf = (column: string, values: readonly (string | number)[] | undefined) => {
    if (values?.length) conditions.push(sql`${sql.ref(column)} = ANY(${[...values]})`);
  };
  anyOf('e.country', filter.country);
  anyOf('e.admin1', filter.admin1);
  anyOf('e.event_type', filter.eventType);
  anyOf('e.sub_event_type', filter.subEventType);
  anyOf('e.geo_precision', filter.geoPrecision);
  anyOf('e.time_precision', filter.timePrecision);
  if (filter.actor?.length) {
    const exact = filter.actor.filter((a) => !a.endsWith('*')).map((a) => a.toLowerCase());
    const prefixes = filter.actor.filter((a) => a.endsWith('*')).map((a) => `${a.slice(0, -1).toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const matches: RawBuilder<unknown>[] = [];
    if (exact.length) matches.push(sql`lower(a.actor) = ANY(${exact})`);
    for (const prefix of prefixes) matches.push(sql`lower(a.actor) LIKE ${prefix}`);
    conditions.push(sql`e.id IN (SELECT a.event_id FROM event_actors a WHERE ${sql.join(matches, sql` OR `)})`);
  }
  if (filter.date) {
    if (filter.date.op === 'BETWEEN') conditions.push(sql`e.event_date BETWEEN ${filter.date.from} AND ${filter.date.to}`);
    // Undated events are stored with '' (sorting last): no date comparison may take them in.
    else conditions.push(sql`e.event_date ${sql.raw(filter.date.op)} ${filter.date.value} AND e.event_date <> ''`);
  }
  if (filter.bbox) {
    const { west, south, east, north } = filter.bbox;
    conditions.push(sql`point(e.longitude, e.latitude) <@ box(point(${west}, ${south}), point(${east}, ${north}))`);
  }
  if (filter.minSources !== undefined) conditions.push(sql`e.n_articles >= ${filter.minSources}`);
  if (filter.background === 'exclude') conditions.push(sql`e.background = 0`);
  if (filter.background === 'only') conditions.push(sql`e.background = 1`);
  if (filter.q !== undefined) {
    const query = tsQuery(filter.q);
    conditions.push(query ? sql`e.search @@ ${query}::tsquery` : sql`false`);
  }
  return conditions;
}

export function whereClause(filter: EventFilter): RawBuilder<unknown> {
  const conditions = filterConditions(filter);
  return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}

/** Newest first; after a cursor, strictly after its (date, id). Undated events ('') come last. */
export function pageQuery(filter: EventFilter, page: EventPage): RawBuilder<{ record: string; updated_at: number }> {
  const conditions = filterConditions(filter);
  if (page.after) conditions.push(sql`(e.event_date, e.id) < (${page.after.date ?? ''}, ${page.after.id})`);
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  return sql<{ record: string; updated_at: number }>`SELECT e.record, e.updated_at FROM events e ${where}
    ORDER BY e.event_date DESC, e.id DESC LIMIT ${page.limit} OFFSET ${page.after ? 0 : (page.offset ?? 0)}`;
}
