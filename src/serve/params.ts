import { z } from 'zod';
import { EVENT_TYPES, SUB_EVENT_TYPES } from '../contracts/acled.ts';
import { EventRecord } from '../contracts/record.ts';
import { EXPORT_FORMATS, knownFields } from '../export/formats.ts';
import type { DateCondition, EventFilter, EventPage } from '../store/index.ts';

/** A bad request, naming the parameter at fault. */
export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`${parameter}: ${message}`);
  }
}

export const MAX_LIMIT = 5000;
const MAX_VALUE = 500;
const MAX_Q = 200;

export interface ParameterDoc {
  readonly name: string;
  readonly description: string;
  readonly example?: string;
}

/** The parameters of the event queries, in ACLED's conventions: `|` separates several values. */
export const EVENT_PARAMETERS: readonly ParameterDoc[] = [
  { name: 'country', description: 'country name(s), e.g. Syria|Iraq', example: 'Syria' },
  { name: 'admin1', description: 'first-level region(s) as ACLED names them', example: 'Deir ez-Zor' },
  { name: 'event_type', description: `ACLED event type(s): ${EVENT_TYPES.join(', ')}` },
  { name: 'sub_event_type', description: 'ACLED sub-event type(s)', example: 'Air/drone strike' },
  { name: 'actor', description: 'actor name(s), matched against actor1, actor2 and the associated actors without case; a trailing * matches a prefix', example: 'Islamic State*' },
  { name: 'event_date', description: 'YYYY-MM-DD, or YYYY-MM-DD|YYYY-MM-DD with event_date_where=BETWEEN', example: '2024-01-01|2024-06-30' },
  { name: 'event_date_where', description: 'how event_date compares: = (default), BETWEEN, >, <, >=, <=' },
  { name: 'bbox', description: 'west,south,east,north in degrees', example: '35.5,32,42.5,37.5' },
  { name: 'geo_precision', description: '1, 2 or 3; several with |' },
  { name: 'time_precision', description: '1, 2 or 3; several with |' },
  { name: 'min_sources', description: 'at least this many articles report the event' },
  { name: 'q', description: `full text over the evidence and notes; Arabic diacritics, alef forms and clitics do not matter (at most ${MAX_Q} characters)`, example: 'طائرة مسيرة' },
  { name: 'background', description: 'include (default), exclude or only events known only from recollections in later reports' },
  { name: 'fields', description: 'columns to return, separated by |', example: 'event_id_cnty|event_date|fatalities' },
  { name: 'limit', description: `events per page, 1 to ${MAX_LIMIT} (default 100)` },
  { name: 'page', description: 'page number from 1 (or use cursor)' },
  { name: 'cursor', description: 'next_cursor of the previous page' },
  { name: 'since', description: 'sync: the events changed, and the ones removed, after this sync_token (or ISO time); no other filter applies' },
  { name: 'format', description: 'json (default), csv (ACLED columns) or geojson' },
];

const EVENTS_PARAMETER_NAMES: ReadonlySet<string> = new Set(EVENT_PARAMETERS.map((p) => p.name));
const STATS_PARAMETERS: ReadonlySet<string> = new Set(['country', 'admin1', 'event_type', 'sub_event_type', 'actor', 'event_date', 'event_date_where', 'bbox', 'geo_precision', 'time_precision', 'min_sources', 'q', 'background']);
const EXPORT_PARAMETERS: ReadonlySet<string> = new Set([...STATS_PARAMETERS, 'fields', 'format']);
const RECORD_FIELDS = knownFields(Object.keys(EventRecord.shape).filter((k) => k !== 'provenance'));

export interface EventsRequest {
  readonly filter: EventFilter;
  readonly page: EventPage;
  readonly fields?: readonly string[];
  readonly format: 'json' | 'csv' | 'geojson';
  readonly since?: number | Date;
}

type Raw = Record<string, unknown>;

function single(raw: Raw, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new ParameterError(name, 'given more than once; separate several values with |');
  const text = String(value);
  if (text.length > (name === 'q' ? MAX_Q : MAX_VALUE)) throw new ParameterError(name, `longer than ${name === 'q' ? MAX_Q : MAX_VALUE} characters`);
  return text;
}

function list(raw: Raw, name: string, allowed?: readonly string[]): string[] | undefined {
  const value = single(raw, name);
  if (value === undefined) return undefined;
  const values = value.split('|').map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) throw new ParameterError(name, 'is empty');
  if (allowed) for (const v of values) if (!allowed.includes(v)) throw new ParameterError(name, `"${v}" is not one of: ${allowed.join(', ')}`);
  return values;
}

function day(name: string, value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !date || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) throw new ParameterError(name, `"${value}" is not a date in the form YYYY-MM-DD`);
  return value;
}

function integer(raw: Raw, name: string, min: number, max: number): number | undefined {
  const value = single(raw, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new ParameterError(name, `must be a whole number from ${min} to ${max}`);
  return Number(value);
}

function precision(raw: Raw, name: string): number[] | undefined {
  return list(raw, name, ['1', '2', '3'])?.map(Number);
}

/**
 * The query string's shape, checked by zod before any value is read: only known parameters, each
 * given once, none too long. The values' meaning is checked by the parsers below, which name the
 * parameter and say what was expected.
 */
function shapeOf(names: Iterable<string>) {
  const value = (name: string) =>
    z
      .string({ error: 'given more than once; separate several values with |' })
      .max(name === 'q' ? MAX_Q : MAX_VALUE, `longer than ${name === 'q' ? MAX_Q : MAX_VALUE} characters`)
      .optional();
  return z.strictObject(Object.fromEntries([...names].map((name) => [name, value(name)])));
}

const SHAPES = new Map<ReadonlySet<string>, ReturnType<typeof shapeOf>>();

function checkKnown(raw: Raw, allowed: ReadonlySet<string>): void {
  let shape = SHAPES.get(allowed);
  if (!shape) {
    shape = shapeOf(allowed);
    SHAPES.set(allowed, shape);
  }
  const result = shape.safeParse(raw);
  if (result.success) return;
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') throw new ParameterError(issue.keys[0], `unknown parameter; the known ones are ${[...allowed].join(', ')}`);
  throw new ParameterError(String(issue.path[0]), issue.message);
}

/** The filter part, shared by events, stats and exports. */
export function parseFilter(raw: Raw): EventFilter {
  const where = single(raw, 'event_date_where') ?? '=';
  if (!['=', 'BETWEEN', '>', '<', '>=', '<='].includes(where)) throw new ParameterError('event_date_where', 'must be one of =, BETWEEN, >, <, >=, <=');
  const dateText = single(raw, 'event_date');
  let date: DateCondition | undefined;
  if (dateText !== undefined) {
    if (where === 'BETWEEN') {
      const parts = dateText.split('|');
      if (parts.length !== 2) throw new ParameterError('event_date', 'with event_date_where=BETWEEN give two dates: YYYY-MM-DD|YYYY-MM-DD');
      const [from, to] = parts.map((p) => day('event_date', p));
      if (from > to) throw new ParameterError('event_date', `${from} is after ${to}`);
      date = { op: 'BETWEEN', from, to };
    } else date = { op: where as '=' | '>' | '<' | '>=' | '<=', value: day('event_date', dateText) };
  } else if (raw.event_date_where !== undefined) throw new ParameterError('event_date_where', 'needs event_date');
  const bboxText = single(raw, 'bbox');
  let bbox: EventFilter['bbox'];
  if (bboxText !== undefined) {
    const n = bboxText.split(',').map((v) => (/^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : Number.NaN));
    if (n.length !== 4 || n.some(Number.isNaN)) throw new ParameterError('bbox', 'must be four numbers: west,south,east,north');
    const [west, south, east, north] = n;
    if (west < -180 || east > 180 || south < -90 || north > 90 || west > east || south > north) throw new ParameterError('bbox', 'must satisfy -180 <= west <= east <= 180 and -90 <= south <= north <= 90');
    bbox = { west, south, east, north };
  }
  const background = single(raw, 'background');
  if (background !== undefined && !['include', 'exclude', 'only'].includes(background)) throw new ParameterError('background', 'must be include, exclude or only');
  const q = single(raw, 'q');
  return {
    country: list(raw, 'country'),
    admin1: list(raw, 'admin1'),
    eventType: list(raw, 'event_type', EVENT_TYPES),
    subEventType: list(raw, 'sub_event_type', SUB_EVENT_TYPES),
    actor: list(raw, 'actor'),
    date,
    bbox,
    geoPrecision: precision(raw, 'geo_precision'),
    timePrecision: precision(raw, 'time_precision'),
    minSources: integer(raw, 'min_sources', 1, 1000),
    q: q?.trim() ? q : undefined,
    background: background as EventFilter['background'],
  };
}

function parseFields(raw: Raw): string[] | undefined {
  const fields = list(raw, 'fields');
  for (const f of fields ?? []) if (!RECORD_FIELDS.has(f)) throw new ParameterError('fields', `"${f}" is not a field of the record`);
  return fields;
}

export function parseEventsRequest(raw: Raw): EventsRequest {
  checkKnown(raw, EVENTS_PARAMETER_NAMES);
  const format = single(raw, 'format') ?? 'json';
  if (!['json', 'csv', 'geojson'].includes(format)) throw new ParameterError('format', 'must be json, csv or geojson');
  const sinceText = single(raw, 'since');
  if (sinceText !== undefined) {
    const others = Object.keys(raw).filter((k) => !['since', 'limit', 'fields', 'format'].includes(k));
    if (others.length) throw new ParameterError(others[0], 'cannot be combined with since: a sync returns every change');
    if (format !== 'json') throw new ParameterError('format', 'since returns JSON only');
    let since: number | Date;
    if (/^\d+$/.test(sinceText)) since = Number(sinceText);
    else {
      const time = Date.parse(sinceText);
      if (!/^\d{4}-\d{2}-\d{2}/.test(sinceText) || Number.isNaN(time)) throw new ParameterError('since', 'must be a sync_token or an ISO date-time');
      since = new Date(time);
    }
    return { filter: {}, page: { limit: integer(raw, 'limit', 1, MAX_LIMIT) ?? 1000 }, fields: parseFields(raw), format: 'json', since };
  }
  const limit = integer(raw, 'limit', 1, MAX_LIMIT) ?? 100;
  const pageNumber = integer(raw, 'page', 1, 1_000_000);
  const cursorText = single(raw, 'cursor');
  if (pageNumber !== undefined && cursorText !== undefined) throw new ParameterError('cursor', 'give page or cursor, not both');
  let after: EventPage['after'];
  if (cursorText !== undefined) after = decodeCursor(cursorText);
  return {
    filter: parseFilter(raw),
    page: { limit, offset: ((pageNumber ?? 1) - 1) * limit, after },
    fields: parseFields(raw),
    format: format as EventsRequest['format'],
  };
}

export function parseStatsRequest(raw: Raw): EventFilter {
  checkKnown(raw, STATS_PARAMETERS);
  return parseFilter(raw);
}

export function parseExportRequest(raw: Raw): { filter: EventFilter; fields?: string[]; format: (typeof EXPORT_FORMATS)[number] } {
  checkKnown(raw, EXPORT_PARAMETERS);
  const format = single(raw, 'format') ?? 'acled-csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ParameterError('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
  return { filter: parseFilter(raw), fields: parseFields(raw), format: format as (typeof EXPORT_FORMATS)[number] };
}

export function encodeCursor(date: string | null, id: string): string {
  return Buffer.from(JSON.stringify([date, id])).toString('base64url');
}

function decodeCursor(text: string): { date: string | null; id: string } {
  try {
    const [date, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((date === null || (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date))) && typeof id === 'string' && id.length < 200) return { date, id };
  } catch {
    // falls through to the error below
  }
  throw new ParameterError('cursor', 'is not a cursor this API gave');
}
