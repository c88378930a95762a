import { searchQuery } from '../search-text.ts';
import type { EventFilter, EventPage } from '../store.ts';

/**
 * The WHERE clause of a filter over `events e`. Values only ever travel as parameters; the SQL text
 * is made of fixed pieces, so nothing a client sends is read as SQL.
 */
export function filterSql(filter: EventFilter): { where: string; params: unknown[] } {
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
  if (filter.actor?.length) {
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
      clauses.push('e.event_date BETWEEN ? AND ?');
      params.push(filter.date.from, filter.date.to);
    } else {
      clauses.push(`e.event_date ${filter.date.op} ?`);
      params.push(filter.date.value);
    }
  }
  if (filter.bbox) {
    clauses.push('e.latitude BETWEEN ? AND ? AND e.longitude BETWEEN ? AND ?');
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
      clauses.push('e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)');
      params.push(match);
    } else clauses.push('0');
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Newest first; after a cursor, strictly after its (date, id) in that order. Undated events come last. */
export function pageSql(filter: EventFilter, page: EventPage): { sql: string; params: unknown[] } {
  const { where, params } = filterSql(filter);
  let cursor = '';
  if (page.after) {
    const { date, id } = page.after;
    cursor = date === null ? '(e.event_date IS NULL AND e.id < ?)' : '(e.event_date < ? OR (e.event_date = ? AND e.id < ?) OR e.event_date IS NULL)';
    params.push(...(date === null ? [id] : [date, date, id]));
  }
  const conditions = [where.replace(/^WHERE /, ''), cursor].filter(Boolean).join(' AND ');
  const sql = `SELECT e.record, e.updated_at FROM events e ${conditions ? `WHERE ${conditions}` : ''} ORDER BY e.event_date DESC, e.id DESC LIMIT ? OFFSET ?`;
  params.push(page.limit, page.after ? 0 : (page.offset ?? 0));
  return { sql, params };
}
