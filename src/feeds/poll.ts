import { extractFromXml, type FeedEntry } from '@extractus/feed-extractor';
import { parseHTML } from 'linkedom';
import { dayOf } from '../ingest/html-metadata.ts';
import { readHtmlArticle } from '../ingest/html.ts';
import { type ArticleDraft, articleId } from '../ingest/articles.ts';
import { type IngestCounts, storeDrafts, type SubmitDrafts } from '../ingest/run.ts';
import type { FeedState, Store } from '../store/index.ts';
import { DEFAULT_POLICY, decodeBody, type FetchPolicy, fetchUrl } from './http.ts';

export interface PollOptions {
  readonly policy?: FetchPolicy;
  /** Seconds between polls of a healthy feed; a failing feed waits longer, doubling up to 32 times. */
  readonly intervalSeconds: number;
  /** An item whose text is shorter than this is a summary: the page it links to is fetched. */
  readonly summaryChars?: number;
  readonly now?: () => Date;
  /** Where the new items go; by default they are extracted and stored here. */
  readonly submit?: SubmitDrafts;
}

export interface PollResult extends IngestCounts {
  readonly feed: string;
  readonly status: 'ok' | 'not-modified' | 'failed';
  readonly items: number;
  readonly error: string | null;
  readonly problems: string[];
}

interface Item {
  readonly key: string;
  readonly link: string | null;
  readonly title: string | null;
  readonly published: string | null;
  readonly html: string;
  /** The feed carries the article's whole text (content:encoded, Atom content), not a summary. */
  readonly full: boolean;
}

/**
 * One poll of one feed: a conditional GET, the items not seen before, each item's page fetched when the
 * feed carries only a summary, then extraction and storage. The feed's state records the outcome; an
 * item whose page could not be fetched is not marked seen, so the next poll tries it again.
 */
export async function pollFeed(feed: FeedState, store: Store, options: PollOptions): Promise<PollResult> {
  const policy = options.policy ?? DEFAULT_POLICY;
  const now = options.now?.() ?? new Date();
  const counts: IngestCounts = { files: 0, added: 0, duplicates: 0, rejected: 0, events: 0 };
  const problems: string[] = [];
  const result = (status: PollResult['status'], items: number, error: string | null): PollResult => ({ feed: feed.url, status, items, error, problems, ...counts });
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5' };
  if (feed.etag) headers['if-none-match'] = feed.etag;
  if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;

  let items: Item[];
  let fetchedMeta: { etag: string | null; lastModified: string | null; title: string | null };
  try {
    const fetched = await fetchUrl(feed.url, headers, policy);
    if (fetched.status === 304) {
      await store.updateFeed(feed.url, { lastPolledAt: now.toISOString(), lastOkAt: now.toISOString(), failures: 0, lastError: null, nextPollAt: later(now, options.intervalSeconds) });
      return result('not-modified', 0, null);
    }
    const parsed = parseFeed(decodeBody(fetched));
    items = parsed.items;
    fetchedMeta = { etag: fetched.etag, lastModified: fetched.lastModified, title: parsed.title };
  } catch (error) {
    const failures = feed.failures + 1;
    const message = (error as Error).message;
    await store.updateFeed(feed.url, { lastPolledAt: now.toISOString(), failures, lastError: message, nextPollAt: later(now, options.intervalSeconds * 2 ** Math.min(failures, 5)) });
    return result('failed', 0, message);
  }

  const seen = await store.seenFeedItems(feed.url, items.map((i) => i.key));
  const fresh = items.filter((i) => !seen.has(i.key));
  const outlet = feed.outlet ?? fetchedMeta.title;
  const drafts: ArticleDraft[] = [];
  const done: { key: string; articleId: string | null }[] = [];
  for (const item of fresh) {
    try {
      const draft = await itemArticle(item, outlet, feed.url, policy, options.summaryChars ?? 600);
      if (draft) drafts.push(draft);
      done.push({ key: item.key, articleId: draft ? articleId(draft.text) : null });
    } catch (error) {
      problems.push(`${item.link ?? item.key}: ${(error as Error).message}`);
    }
  }
  const reject = (message: string) => {
    counts.rejected++;
    problems.push(message);
  };
  const submit: SubmitDrafts = options.submit ?? ((d, c, r) => storeDrafts(d, store, c, r));
  if (drafts.length) await submit(drafts, counts, reject);
  await store.markFeedItems(feed.url, done);
  await store.updateFeed(feed.url, {
    title: fetchedMeta.title,
    etag: fetchedMeta.etag,
    lastModified: fetchedMeta.lastModified,
    lastPolledAt: now.toISOString(),
    lastOkAt: now.toISOString(),
    failures: 0,
    lastError: problems.length ? `${problems.length} items failed: ${problems[0]}` : null,
    nextPollAt: later(now, options.intervalSeconds),
  });
  return result('ok', fresh.length, null);
}

function later(now: Date, seconds: number): string {
  return new Date(now.getTime() + seconds * 1000).toISOString();
}

/** RSS, Atom or RDF; throws on a document that is none of them. */
export function parseFeed(xml: string): { title: string | null; items: Item[] } {
  const data = extractFromXml(xml, {
    descriptionMaxLen: 0,
    useISODateFormat: true,
    getExtraEntryFields: (entry) => ({ fullContent: fullContent(entry) }),
  });
  const items = (data.entries ?? []).map((entry: FeedEntry) => {
    const link = typeof entry.link === 'string' && entry.link ? entry.link : null;
    const full = typeof entry.fullContent === 'string' ? entry.fullContent : '';
    return {
      key: entry.id || link || `${entry.title ?? ''}|${entry.published ?? ''}`,
      link,
      title: entry.title ?? null,
      published: dayOf(entry.published ?? null),
      html: full.length > (entry.description ?? '').length ? full : (entry.description ?? ''),
      full: full.length > 0,
    };
  });
  return { title: data.title ?? null, items };
}

function fullContent(entry: Record<string, unknown>): string {
  const content = entry['content:encoded'] ?? entry.content;
  if (typeof content === 'string') return content;
  if (content && typeof content === 'object' && typeof (content as { '#text'?: unknown })['#text'] === 'string') return (content as { '#text': string })['#text'];
  return '';
}

async function itemArticle(item: Item, outlet: string | null, feedUrl: string, policy: FetchPolicy, summaryChars: number): Promise<ArticleDraft | null> {
  let text = htmlToText(item.html);
  let url = item.link;
  let published = item.published;
  let title = item.title;
  if (!item.full && text.length < summaryChars && item.link) {
    const page = await fetchUrl(item.link, { accept: 'text/html,application/xhtml+xml' }, policy);
    const article = readHtmlArticle(decodeBody(page), page.url);
    if (article && article.text.length > text.length) {
      text = article.text;
      url = article.url ?? page.url;
      published ??= article.published;
      title ??= article.title;
    }
  }
  if (!text.trim()) return null;
  return { text, url, published, title, outlet, origin: feedUrl };
}

/** Paragraphs of an HTML fragment as lines. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll('p, li, h1, h2, h3, h4, blockquote')].filter((el) => !el.querySelector('p, li, h1, h2, h3, h4, blockquote'));
  const lines = blocks.length ? blocks.map((el) => el.textContent ?? '') : [document.body.textContent ?? ''];
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
}
