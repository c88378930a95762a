import { searchQuery } from '../search-text.ts';
import type { EventFilter, EventPage } from '../store.ts';

/**
 * The WHERE clause of a filter over `events e`. Values only ever travel as parameters; the SQL text
 * is made of fixed pieces, so nothing a client sends is read as SQL.
 */
export interface Plan {
  /** Read a box through the R*Tree (few events inside) rather than test every row on the way (many). */
  readonly bboxByIndex?: boolean;
  /**
   * A common word is tested row by row along the date order (the first hundred come soon); a rare
   * one is read from the full-text index and sorted.
   */
  readonly commonWords?: boolean;
  /** The actor already drives the read (`a`): no clause for it here. */
  readonly actorDrives?: boolean;
}

export function filterSql(filter: EventFilter, plan: Plan = {}): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: readonly (string | number)[] | undefined) => {
    if (!values?.length) return;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('e.country', filter.country);
  anyOf('e.admin1', filter.admin1);
  anyOf('e.event_type', filter.eventType);
  anyOf('e.sub_event_type', filter.subEventType);
  anyOf('e.geo_precision', filter.geoPrecision);
  anyOf('e.time_precision', filter.timePrecision);
  if (filter.actor?.length && !plan.actorDrives) {
    const matches = filter.actor.map((actor) => {
      if (actor.endsWith('*')) {
        params.push(`${actor.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        return "a.actor LIKE ? ESCAPE '\\'";
      }
      params.push(actor);
      return 'a.actor = ?';
    });
    clauses.push(`e.id IN (SELECT a.event_id FROM event_actors a WHERE ${matches.join(' OR ')})`);
  }
  if (filter.date) {
    if (filter.date.op === 'BETWEEN') {
      clauses.push("e.event_date BETWEEN ? AND ?");
      params.push(filter.date.from, filter.date.to);
    } else {
      // Undated events are stored with '' (sorting last): no date comparison may take them in.
      clauses.push(`e.event_date ${filter.date.op} ? AND e.event_date <> ''`);
      params.push(filter.date.value);
    }
  }
  if (filter.bbox) {
    clauses.push(
      plan.bboxByIndex
        ? 'e.rowid IN (SELECT id FROM events_rtree WHERE south >= ? AND north <= ? AND west >= ? AND east <= ?)'
        : 'e.latitude BETWEEN ? AND ? AND e.longitude BETWEEN ? AND ?',
    );
    params.push(filter.bbox.south, filter.bbox.north, filter.bbox.west, filter.bbox.east);
  }
  if (filter.minSources !== undefined) {
    clauses.push('e.n_articles >= ?');
    params.push(filter.minSources);
  }
  if (filter.background === 'exclude') clauses.push('e.background = 0');
  if (filter.background === 'only') clauses.push('e.background = 1');
  if (filter.q !== undefined) {
    const match = searchQuery(filter.q);
    if (match) {
      clauses.push(
        plan.commonWords
          ? 'EXISTS (SELECT 1 FROM events_fts f WHERE events_fts MATCH ? AND f.rowid = e.rowid)'
          : 'e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)',
      );
      params.push(match);
    } else clauses.push('0');
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Whether one exact actor name can drive the read through event_actors, in date order. */
export function actorDrives(filter: EventFilter): boolean {
  return filter.actor?.length === 1 && !filter.actor[0].endsWith('*');
}

/**
 * Newest first; after a cursor, strictly after its (date, id) in that order. Undated events are
 * stored with the date '' and so come last.
 * With one actor, the read walks that actor's (date, event) key backwards and stops at the limit.
 */
export function pageSql(filter: EventFilter, page: EventPage, plan: Plan = {}): { sql: string; params: unknown[] } {
  const drives = actorDrives(filter);
  const params: unknown[] = [];
  const from = drives ? 'event_actors a JOIN events e ON e.id = a.event_id' : 'events e';
  const dateColumn = drives ? 'a.event_date' : 'e.event_date';
  const idColumn = drives ? 'a.event_id' : 'e.id';
  const conditions: string[] = [];
  if (drives) {
    conditions.push('a.actor = ?');
    params.push((filter.actor as readonly string[])[0]);
  }
  const { where, params: filterParams } = filterSql(filter, { ...plan, actorDrives: drives });
  if (where) conditions.push(where.replace(/^WHERE /, ''));
  params.push(...filterParams);
  if (page.after) {
    conditions.push(`(${dateColumn}, ${idColumn}) < (?, ?)`);
    params.push(page.after.date ?? '', page.after.id);
  }
  const sql = `SELECT e.record, e.updated_at FROM ${from} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${dateColumn} DESC, ${idColumn} DESC LIMIT ? OFFSET ?`;
  params.push(page.limit, page.after ? 0 : (page.offset ?? 0));
  return { sql, params };
}
