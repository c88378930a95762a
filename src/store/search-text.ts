import { cliticStems, foldKey } from '../text/index.ts';

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text as the full-text index holds them: folded, each with its clitic-free stems. */
export function searchBody(texts: readonly string[]): string {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of foldKey(text).match(WORD) ?? []) {
      for (const stem of cliticStems(word)) words.add(stem);
    }
  }
  return [...words].join(' ');
}

/** What a user typed, as the index holds it: each word (at most 32) as its alternative stems. */
export function searchTerms(q: string): string[][] {
  const words = foldKey(q).match(WORD) ?? [];
  return words.slice(0, 32).map((word) => {
    const stems = cliticStems(word).filter((s) => s.length >= 2);
    return stems.length ? stems : [word];
  });
}

/**
 * An FTS5 query for what a user typed: every word must match, in any of its stems. Words are quoted,
 * so nothing the user types is read as query syntax. Null when the text has no word.
 */
export function searchQuery(q: string): string | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  return terms.map((stems) => `(${stems.map((s) => `"${s}"`).join(' OR ')})`).join(' AND ');
}

/** The same query as a PostgreSQL tsquery literal; lexemes are quoted and hold only letters and digits. */
export function tsQuery(q: string): string | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  return terms.map((stems) => `(${stems.map((s) => `'${s}'`).join(' | ')})`).join(' & ');
}
