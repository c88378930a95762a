import { InputError } from '../contracts/errors.ts';
import type { NewArticle, Store } from '../store/index.ts';
import { type ArticleDraft, extractStored, toStoredArticle } from './articles.ts';
import { listInputFiles, readArticles } from './files.ts';

export interface IngestCounts {
  files: number;
  added: number;
  duplicates: number;
  rejected: number;
  events: number;
  /** Articles handed to the workers' queue instead of stored here (PostgreSQL deployments). */
  queued?: number;
}

export interface IngestSummary extends IngestCounts {
  /** Why articles or files were rejected, with how many each. */
  readonly reasons: Map<string, number>;
}

export interface IngestProgress {
  start(totalFiles: number): void;
  update(counts: IngestCounts): void;
  /** One problem, named by its input; the run goes on. */
  problem(message: string): void;
  stop(): void;
}

/** JSONL lines per transaction: a killed run loses at most one chunk, and the re-run skips what was stored. */
const CHUNK = 200;

/**
 * Reads, extracts and stores articles from files and folders. Each text or page file is one
 * transaction, each chunk of a JSONL file one; a bad file or line is reported and skipped, and
 * articles already stored (same text or same URL) are skipped before extraction.
 */
export async function ingestPaths(paths: readonly string[], store: Store, progress: IngestProgress, submit?: SubmitDrafts): Promise<IngestSummary> {
  const send: SubmitDrafts = submit ?? ((drafts, counts, reject) => storeDrafts(drafts, store, counts, reject));
  const files = listInputFiles(paths);
  const summary: IngestSummary = { files: 0, added: 0, duplicates: 0, rejected: 0, events: 0, reasons: new Map() };
  const reject = (message: string, reason: string) => {
    summary.rejected++;
    summary.reasons.set(reason, (summary.reasons.get(reason) ?? 0) + 1);
    progress.problem(message);
  };
  progress.start(files.length);
  for (const file of files) {
    summary.files++;
    if ('error' in file) {
      reject(`${file.path}: ${file.error}`, file.error.replace(/\s*\(.*\)$/, ''));
      continue;
    }
    try {
      let chunk: ArticleDraft[] = [];
      for await (const item of readArticles(file.path, file.metadata)) {
        if ('error' in item) {
          reject(`${file.path}: ${item.error}`, item.error.replace(/^line \d+: /, '').replace(/\s*\(.*\)$/, ''));
          continue;
        }
        chunk.push(item.draft);
        if (chunk.length >= CHUNK) {
          await send(chunk, summary, reject);
          chunk = [];
          progress.update(summary);
        }
      }
      if (chunk.length) await send(chunk, summary, reject);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      reject(error.message, error.message.replace(/^[^:]*: /, '').replace(/\s*\(.*\)$/, '').replace(/[\d.]+ MB/, 'N MB'));
    }
    progress.update(summary);
  }
  progress.stop();
  return summary;
}

/** Where new articles go: extracted and stored at once, or queued for the workers (PostgreSQL). */
export type SubmitDrafts = (drafts: readonly ArticleDraft[], counts: IngestCounts, reject: (message: string, reason: string) => void) => Promise<void>;

/** The drafts not yet stored are extracted and stored in one transaction. */
export async function storeDrafts(
  drafts: readonly ArticleDraft[],
  store: Store,
  counts: IngestCounts,
  reject: (message: string, reason: string) => void,
): Promise<void> {
  const articles = drafts.map(toStoredArticle);
  const known = await store.knownArticles(articles);
  const fresh: NewArticle[] = [];
  for (const article of articles) {
    if (known.has(article.id) || (article.url && known.has(article.url))) {
      counts.duplicates++;
      continue;
    }
    try {
      fresh.push(extractStored(article));
    } catch (error) {
      // A bug on one article must not stop the run; the message names the article.
      reject(`${article.origin}: extraction failed (${(error as Error).message})`, 'extraction failed');
    }
  }
  if (fresh.length === 0) return;
  for (const outcome of await store.addArticles(fresh)) {
    if (outcome.status === 'added') {
      counts.added++;
      counts.events += outcome.events;
    } else counts.duplicates++;
  }
}
