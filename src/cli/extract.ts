import { detectLanguage } from '../text/language.ts';
import { extractArticle } from '../pipeline.ts';
import { eventsTable } from './format.ts';
import { checkBatchPath, InputError, readArticleFile, readBatch } from '../ingest/input.ts';
import { basename } from 'node:path';

interface ExtractOptions {
  published?: string;
  lang: 'ar' | 'en' | 'auto';
  format: 'json' | 'table';
  outlet?: string;
  jsonl?: boolean;
}

export function checkPublished(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InputError(`--published: "${value}" is not a date in the form YYYY-MM-DD`);
  }
  return value;
}

export async function extractCommand(file: string, options: ExtractOptions): Promise<void> {
  const published = checkPublished(options.published);
  if (options.jsonl) {
    checkBatchPath(file);
    for await (const line of readBatch(file)) {
      if ('error' in line) {
        process.stdout.write(`${JSON.stringify(line.id !== undefined ? { id: line.id, error: line.error } : { line: line.line, error: line.error })}\n`);
        continue;
      }
      try {
        const result = extractArticle({ ...line.input, published: line.input.published ?? published });
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } catch (error) {
        // A bug on one article must not stop the batch; the line says what went wrong.
        process.stdout.write(`${JSON.stringify({ id: line.input.id, error: `extraction failed: ${(error as Error).message}` })}\n`);
      }
    }
    return;
  }
  const text = readArticleFile(file);
  const lang = options.lang === 'auto' ? detectLanguage(text) : options.lang;
  const id = file === '-' ? 'stdin' : basename(file).replace(/\.[^.]+$/, '');
  const result = extractArticle({ id, text, published, lang, outlet: options.outlet ?? null });
  process.stdout.write(options.format === 'table' ? `${eventsTable(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
}
