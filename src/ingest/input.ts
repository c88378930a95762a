import { createReadStream, readFileSync, statSync } from 'node:fs';
import { InputError } from '../contracts/errors.ts';
import { ArticleInput } from '../contracts/record.ts';

/** One article's text may be at most this large; a larger file is almost always not an article. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export { InputError };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 text, refusing binary data and broken encodings with a message naming the input. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError(`${name}: the input is empty`);
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new InputError(`${name}: ${(bytes.length / 1048576).toFixed(1)} MB is over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article; split it, or pass a batch with --jsonl`);
  }
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) throw new InputError(`${name}: looks like a binary file (it contains NUL bytes), not text`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(`${name}: is not valid UTF-8 text; convert it first (e.g. iconv -f windows-1256 -t utf-8)`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError(`${name}: the input has no text, only white space`);
  return text;
}

export function readArticleFile(path: string): string {
  if (path === '-') return decodeText(readFileSync(0), 'standard input');
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${path}: is a folder, not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (size > MAX_ARTICLE_BYTES) {
    throw new InputError(`${path}: ${(size / 1048576).toFixed(1)} MB is over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article; split it, or pass a batch with --jsonl`);
  }
  return decodeText(readFileSync(path), path);
}

export type BatchLine = { line: number; input: ArticleInput } | { line: number; error: string; id?: string };

/** Parses one JSONL line of the batch interface; never throws. */
export function parseBatchLine(raw: string, line: number): BatchLine | null {
  if (raw.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { line, error: `line ${line}: not valid JSON (${(error as Error).message})` };
  }
  const parsed = ArticleInput.safeParse(value);
  const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : undefined;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.') || 'line';
    const what = issue.code === 'invalid_type' && issue.message.includes('undefined') ? `missing "${field}"` : `"${field}" ${issue.message}`;
    return { line, id, error: `line ${line}: ${what}` };
  }
  return { line, input: parsed.data };
}

/**
 * Reads a JSONL batch line by line in constant memory. Lines are split on raw bytes and decoded one
 * by one, so one line of broken UTF-8 becomes that line's error, not the batch's.
 */
export async function* readBatch(path: string): AsyncGenerator<BatchLine> {
  const stream = path === '-' ? process.stdin : createReadStream(path);
  let pending: Buffer = Buffer.alloc(0);
  let n = 0;
  const emit = (bytes: Buffer): BatchLine | null => {
    n++;
    let raw: string;
    try {
      raw = utf8.decode(bytes);
    } catch {
      return { line: n, error: `line ${n}: not valid UTF-8` };
    }
    return parseBatchLine(raw.replace(/\r$/, ''), n);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let newline = pending.indexOf(10);
    while (newline >= 0) {
      const parsed = emit(pending.subarray(0, newline));
      if (parsed) yield parsed;
      pending = pending.subarray(newline + 1);
      newline = pending.indexOf(10);
    }
  }
  if (pending.length) {
    const parsed = emit(pending);
    if (parsed) yield parsed;
  }
}

export function checkBatchPath(path: string): void {
  if (path === '-') return;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${path}: is a folder, not a JSONL file`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
