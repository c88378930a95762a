import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath } from '../contracts/paths.ts';
import type { EventRecord } from '../contracts/record.ts';

const ColumnsFile = z.object({
  columns: z.array(z.object({ name: z.string(), hxl: z.string() })).length(31),
  extras: z.array(z.string()),
});
const columnsFile = ColumnsFile.parse(JSON.parse(readFileSync(dataPath('acled/export-columns.json'), 'utf8')));

/** ACLED's export columns, in ACLED's order. */
export const ACLED_COLUMNS: readonly string[] = columnsFile.columns.map((c) => c.name);
/** Marsad's fields beyond ACLED's, for the second file of a CSV export. */
export const EXTRA_COLUMNS: readonly string[] = columnsFile.extras;

export const EXPORT_FORMATS = ['acled-csv', 'hxl-csv', 'geojson', 'jsonl', 'extras-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type Cell = string | number | boolean | null;

/** One ACLED column of a record, in ACLED's representation. */
export function acledValue(record: EventRecord, column: string): Cell {
  switch (column) {
    case 'event_id_cnty':
      return record.event_id;
    case 'latitude':
    case 'longitude': {
      const value = record[column];
      return value === null ? null : Number(value.toFixed(4));
    }
    case 'timestamp':
      return record.timestamp ?? null;
    case 'fatalities':
      return record.fatalities ?? 0;
    case 'inter1':
    case 'inter2':
      // ACLED writes 0 where there is no second actor.
      return record[column] ?? 0;
    case 'means':
    case 'article_ids':
      return record[column].join('; ');
    case 'related':
      return record.related.map((r) => `${r.relation}:${r.event_id}`).join('; ');
    case 'background':
      return record.background ? 'true' : 'false';
    default: {
      const value = (record as Record<string, unknown>)[column];
      return value === undefined ? null : (value as Cell);
    }
  }
}

const ROWS_PER_CHUNK = 500;

/**
 * RFC 4180 rows. Written here rather than with csv-stringify, which cost 14 µs a row against 8 µs for
 * this (a fifth of the export's time at a million rows); the tests read the output back with csv-parse.
 */
function stringify(rows: readonly (readonly Cell[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      const text = value === null || value === undefined ? '' : String(value);
      out += (i ? ',' : '') + (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    }
    out += '\n';
  }
  return out;
}

/**
 * An export as text chunks, from records read one at a time: memory stays constant whatever the
 * number of events. `fields` narrows a CSV or a GeoJSON's properties to the columns named.
 */
export async function* exportChunks(records: AsyncIterable<EventRecord>, format: ExportFormat, fields?: readonly string[]): AsyncGenerator<string> {
  if (format === 'geojson') {
    yield '{"type":"FeatureCollection","features":[';
    let first = true;
    let chunk: string[] = [];
    for await (const record of records) {
      chunk.push(`${first ? '' : ','}${JSON.stringify(feature(record, fields))}`);
      first = false;
      if (chunk.length >= ROWS_PER_CHUNK) {
        yield chunk.join('\n');
        chunk = [];
      }
    }
    yield `${chunk.join('\n')}]}\n`;
    return;
  }
  if (format === 'jsonl') {
    let chunk: string[] = [];
    for await (const record of records) {
      chunk.push(JSON.stringify(fields ? pick(record, fields) : record));
      if (chunk.length >= ROWS_PER_CHUNK) {
        yield `${chunk.join('\n')}\n`;
        chunk = [];
      }
    }
    if (chunk.length) yield `${chunk.join('\n')}\n`;
    return;
  }
  const columns = format === 'extras-csv' ? EXTRA_COLUMNS : (fields ?? ACLED_COLUMNS);
  yield stringify([columns]);
  if (format === 'hxl-csv') yield stringify([columns.map((c) => columnsFile.columns.find((x) => x.name === c)?.hxl ?? '')]);
  let rows: Cell[][] = [];
  for await (const record of records) {
    rows.push(columns.map((c) => acledValue(record, c)));
    if (rows.length >= ROWS_PER_CHUNK) {
      yield stringify(rows);
      rows = [];
    }
  }
  if (rows.length) yield stringify(rows);
}

/** The fields a client chose, ACLED's event_id_cnty standing for event_id. */
export function pick(record: EventRecord, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, f === 'event_id_cnty' ? record.event_id : (record as Record<string, unknown>)[f] ?? null]));
}

/** A GeoJSON point feature; an event with no coordinates has a null geometry, as GeoJSON allows. */
export function feature(record: EventRecord, fields?: readonly string[]): Record<string, unknown> {
  const properties = fields ? pick(record, fields) : { ...record, provenance: undefined };
  return {
    type: 'Feature',
    id: record.event_id,
    geometry: record.latitude !== null && record.longitude !== null ? { type: 'Point', coordinates: [record.longitude, record.latitude] } : null,
    properties,
  };
}

/** What a client may ask for with fields=: ACLED's columns and the record's own fields. */
export function knownFields(recordKeys: readonly string[]): Set<string> {
  return new Set([...ACLED_COLUMNS, ...recordKeys]);
}
