import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../contracts/errors.ts';
import type { ArticleDraft } from './articles.ts';
import { declaredCharset, readHtmlArticle } from './html.ts';
import { decodeText, MAX_ARTICLE_BYTES, readBatch } from './input.ts';

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.jsonl']);

/** What a folder's manifest.json may say about its text and page files (a dump's metadata). */
const Manifest = z.object({
  articles: z.array(
    z.object({
      file: z.string(),
      published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
      outlet: z.string().nullable().optional(),
      url: z.string().nullable().optional(),
      lang: z.enum(['ar', 'en']).nullable().optional(),
      title: z.string().nullable().optional(),
    }),
  ),
});
export type FileMetadata = Omit<z.infer<typeof Manifest>['articles'][number], 'file'>;

export type FileEntry = { readonly path: string; readonly metadata?: FileMetadata } | { readonly path: string; readonly error: string };

/**
 * The files named, folders walked recursively. In a folder, JSONL batches come first: they carry
 * publication dates and outlets, so a bare text copy of the same article must not be stored before
 * them. A folder's manifest.json gives its text files' metadata; other files are passed over.
 */
export function listInputFiles(paths: readonly string[]): FileEntry[] {
  const out: FileEntry[] = [];
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true });
    const metadata = readManifest(join(folder, 'manifest.json'), out);
    const rank = (name: string) => (extname(name).toLowerCase() === '.jsonl' ? 0 : 1);
    for (const entry of entries.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push({ path, metadata: metadata.get(entry.name) });
    }
  };
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (error) {
      out.push({ path, error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    if (isFolder) walk(path);
    else if (ARTICLE_EXTENSIONS.has(extname(path).toLowerCase())) out.push({ path });
    else out.push({ path, error: `not an article file (expected ${[...ARTICLE_EXTENSIONS].join(', ')})` });
  }
  return out;
}

function readManifest(path: string, out: FileEntry[]): Map<string, FileMetadata> {
  if (!existsSync(path)) return new Map();
  try {
    const { articles } = Manifest.parse(JSON.parse(readFileSync(path, 'utf8')));
    return new Map(articles.map(({ file, ...metadata }) => [file, metadata]));
  } catch (error) {
    const issue = error instanceof z.ZodError ? `${error.issues[0].path.join('.')}: ${error.issues[0].message}` : (error as Error).message;
    out.push({ path, error: `not a valid manifest, its metadata is ignored (${issue})` });
    return new Map();
  }
}

export type DraftOrError = { readonly draft: ArticleDraft } | { readonly error: string };

/**
 * The articles in one file: a .txt or .html file is one article, a .jsonl file one per line (read
 * as a stream). A file that cannot be an article throws InputError; a bad JSONL line is one error.
 */
export async function* readArticles(path: string, metadata: FileMetadata = {}): AsyncGenerator<DraftOrError> {
  const extension = extname(path).toLowerCase();
  if (extension === '.jsonl') {
    for await (const line of readBatch(path)) {
      if ('error' in line) {
        yield { error: line.error };
        continue;
      }
      const input = line.input;
      yield { draft: { text: input.text, externalId: input.id, published: input.published, lang: input.lang, outlet: input.outlet, url: input.url, title: input.title, origin: `${path}:${line.line}` } };
    }
    return;
  }
  const bytes = readFileSync(path);
  if (extension === '.txt') {
    const text = decodeText(bytes, path);
    const firstLine = text.split('\n', 1)[0].trim();
    yield { draft: { text, title: firstLine.length <= 160 ? firstLine : null, ...metadata, origin: path } };
    return;
  }
  if (bytes.length > MAX_ARTICLE_BYTES * 4) throw new InputError(`${path}: ${(bytes.length / 1048576).toFixed(1)} MB is too large for a news page`);
  const page = readHtmlArticle(decodeHtml(bytes, path));
  if (!page) throw new InputError(`${path}: no article text found in the page`);
  const given = Object.fromEntries(Object.entries(metadata).filter(([, v]) => v != null));
  yield { draft: { ...page, ...given, origin: path } };
}

/** Page bytes by the charset the page declares; UTF-8 when it declares none. */
export function decodeHtml(bytes: Uint8Array, name: string): string {
  const charset = declaredCharset(Buffer.from(bytes.subarray(0, 2048)).toString('latin1'));
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      throw new InputError(`${name}: declares the unknown charset "${charset}"`);
    }
  }
  return decodeText(bytes, name);
}
