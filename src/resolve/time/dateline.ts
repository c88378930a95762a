import type { LexMatch } from '../../lexicon/index.ts';
import { datelineEnd, type TokenizedText } from '../../text/index.ts';
import type { TimeExpression } from './tagger.ts';

/** What a wire dateline says: "BAGHDAD, March 3 (Reuters) -", "دمشق - 9 كانون الثاني (الأناضول) -". */
export interface Dateline {
  /** Tokens before this index are the dateline (0 when there is none). */
  readonly end: number;
  readonly outlet: string | null;
  readonly date: TimeExpression | null;
}

const BRACKETS: [string, string][] = [
  ['(', ')'],
  ['«', '»'],
  ['“', '”'],
  ['"', '"'],
];

/** The outlet named in the dateline's brackets, by the lexicon's name when it knows it. */
function outletOf(text: TokenizedText, end: number, matches: readonly LexMatch[]): string | null {
  const known = matches.find((m) => m.first < end && m.item.kind === 'source' && m.item.entry.kind === 'outlet');
  if (known && known.item.kind === 'source') return known.item.entry.name;
  const head = text.text.slice(0, end > 0 ? text.tokens[end - 1].end : 0);
  for (const [open, close] of BRACKETS) {
    const a = head.indexOf(open);
    const b = a >= 0 ? head.indexOf(close, a + 1) : -1;
    if (a >= 0 && b > a + 1) {
      const inside = head.slice(a + 1, b).trim();
      if (inside && !/^\d/.test(inside)) return inside;
    }
  }
  return null;
}

export function readDateline(text: TokenizedText, matches: readonly LexMatch[], times: readonly TimeExpression[]): Dateline {
  const end = datelineEnd(text);
  if (end === 0) return { end, outlet: null, date: null };
  return { end, outlet: outletOf(text, end, matches), date: times.find((t) => t.first < end && t.kind === 'point') ?? null };
}
