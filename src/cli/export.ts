import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { InputError } from '../contracts/errors.ts';
import { exportChunks } from '../export/formats.ts';
import { ParameterError, parseExportRequest } from '../serve/params.ts';
import { withStore } from '../store/index.ts';

export interface ExportOptions {
  db?: string;
  out?: string;
  extras?: string;
  [option: string]: string | undefined;
}

/** CLI option names are the API's parameter names with dashes: --event-date-where is event_date_where. */
export async function exportCommand(options: ExportOptions): Promise<void> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || ['db', 'out', 'extras'].includes(key)) continue;
    raw[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value;
  }
  let request: ReturnType<typeof parseExportRequest>;
  try {
    request = parseExportRequest(raw);
  } catch (error) {
    if (error instanceof ParameterError) throw new InputError(`--${error.parameter.replace(/_/g, '-')}${error.message.slice(error.parameter.length)}`);
    throw error;
  }
  await withStore(options.db, async (store) => {
    const out = options.out ? createWriteStream(options.out) : process.stdout;
    await pipeline(Readable.from(exportChunks(store.streamEvents(request.filter), request.format, request.fields)), out);
    if (options.extras) {
      await pipeline(Readable.from(exportChunks(store.streamEvents(request.filter), 'extras-csv')), createWriteStream(options.extras));
    }
  });
}
