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

/**
 * An FTS5 query for what a user typed: every word must match, in any of its stems. Words are quoted,
 * so nothing the user types is read as query syntax. Null when the text has no word.
 */
export function searchQuery(q: string): string | null {
  const words = foldKey(q).match(WORD) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 32)
    .map((word) => {
      const stems = cliticStems(word).filter((s) => s.length >= 2);
      return `(${(stems.length ? stems : [word]).map((s) => `"${s}"`).join(' OR ')})`;
    })
    .join(' AND ');
}
