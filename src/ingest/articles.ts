import { createHash } from 'node:crypto';
import type { ArticleInput } from '../contracts/record.ts';
import { extractArticle } from '../pipeline.ts';
import type { NewArticle, StoredArticle } from '../store/index.ts';
import { foldKey } from '../text/index.ts';
import { detectLanguage } from '../text/language.ts';

/** An article read from a file or feed, before it has an id or events. */
export interface ArticleDraft {
  readonly text: string;
  readonly url?: string | null;
  readonly externalId?: string | null;
  readonly outlet?: string | null;
  readonly published?: string | null;
  readonly lang?: string | null;
  readonly title?: string | null;
  readonly origin: string;
}

/**
 * The article id: a hash of the text with diacritics, letter variants, case and spacing folded away,
 * so the same report re-saved, re-encoded or re-wrapped by another page template is one article.
 */
export function articleId(text: string): string {
  const key = foldKey(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}

export function toStoredArticle(draft: ArticleDraft): StoredArticle {
  const lang = draft.lang === 'ar' || draft.lang === 'en' ? draft.lang : detectLanguage(draft.text);
  return {
    id: articleId(draft.text),
    url: draft.url ?? null,
    externalId: draft.externalId ?? null,
    outlet: draft.outlet ?? null,
    published: draft.published ?? null,
    lang,
    title: draft.title ?? null,
    text: draft.text,
    origin: draft.origin,
  };
}

/** Runs the pipeline on a stored article; the article id makes the event ids, so they are stable. */
export function extractStored(article: StoredArticle): NewArticle {
  const input: ArticleInput = { id: article.id, text: article.text, published: article.published, lang: article.lang as 'ar' | 'en', outlet: article.outlet };
  return { article, extraction: extractArticle(input) };
}
