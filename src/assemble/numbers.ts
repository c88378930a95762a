import type { LexMatch, NumberEntry } from '../lexicon/index.ts';
import type { Token } from '../text/index.ts';

/** A count as written: "15 هجوماً", "أكثر من 20 صاروخاً", "ثلاثة وعشرين", "عشرات", "at least five". */
export interface NumberExpression {
  readonly value: number;
  readonly first: number;
  readonly end: number;
  /** A vague quantity coded by ACLED's convention (several 3, dozens 12, hundreds 100). */
  readonly vague: boolean;
  readonly bound: 'exact' | 'lower' | 'about' | 'upper';
  readonly ids: string[];
}

const DIGITS = /^\d{1,3}(?:,\d{3})*$|^\d+$/;

function wordValue(entry: NumberEntry, token: Token): number {
  if (entry.values) {
    for (const stem of token.stems) if (entry.values[stem] !== undefined) return entry.values[stem];
  }
  return entry.value ?? 0;
}

/** Finds every number expression, reading number words as a compound (خمسة عشر 15, twenty five 25, ثلاثة آلاف 3000). */
export function findNumbers(tokens: readonly Token[], matches: readonly LexMatch[]): NumberExpression[] {
  const startsAt = new Map<number, { entry: NumberEntry; end: number; id: string }>();
  for (const m of matches) {
    if (m.item.kind !== 'number') continue;
    const prev = startsAt.get(m.first);
    if (!prev || prev.end < m.end) startsAt.set(m.first, { entry: m.item.entry, end: m.end, id: m.item.id });
  }
  const out: NumberExpression[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = i;
    const ids: string[] = [];
    let bound: NumberExpression['bound'] = 'exact';
    const modifier = startsAt.get(i);
    if (modifier?.entry.kind === 'modifier') {
      bound = modifier.entry.bound ?? 'about';
      ids.push(modifier.id);
      i = modifier.end;
    }
    const parsed = readNumberAt(tokens, i, startsAt);
    if (!parsed) {
      i = first + 1;
      continue;
    }
    ids.push(...parsed.ids);
    out.push({ value: parsed.value, first, end: parsed.end, vague: parsed.vague, bound, ids });
    i = parsed.end;
  }
  return out;
}

function readNumberAt(
  tokens: readonly Token[],
  i: number,
  startsAt: Map<number, { entry: NumberEntry; end: number; id: string }>,
): { value: number; end: number; vague: boolean; ids: string[] } | null {
  const token = tokens[i];
  if (!token) return null;
  const ids: string[] = [];
  let total = 0;
  let current = 0;
  let end = i;
  if (token.script === 'digit' && DIGITS.test(token.key)) {
    current = Number.parseInt(token.key.replaceAll(',', ''), 10);
    end = i + 1;
  } else {
    const match = startsAt.get(i);
    if (!match || match.entry.kind === 'modifier') return null;
    if (match.entry.kind === 'vague') return { value: match.entry.value ?? 3, end: match.end, vague: true, ids: [match.id] };
  }
  // Number words and multipliers compose left to right, in the order each language writes them:
  // Arabic puts the unit before the tens ("ثلاثة وعشرون"), English after ("twenty-three"). Two
  // units in a row are two numbers ("القتلى الثلاثة وخمسة جرحى" is 3 and 5, not 8).
  let previous: NumberEntry['kind'] | null = token.script === 'digit' ? 'unit' : null;
  for (;;) {
    const match = startsAt.get(end);
    if (!match) break;
    const { entry } = match;
    const arabic = tokens[end].script === 'ar';
    if (previous !== null) {
      if (entry.kind === 'unit' && (previous === 'unit' || previous === 'ten' || (previous === 'tens' && arabic))) break;
      if (entry.kind === 'tens' && (previous === 'tens' || previous === 'ten' || (previous === 'unit' && !arabic))) break;
    }
    previous = entry.kind;
    const value = wordValue(entry, tokens[end]);
    if (entry.kind === 'unit' || entry.kind === 'tens') current += value;
    else if (entry.kind === 'ten') current += 10; // خمسة عشر: a unit before عشر makes a teen
    else if (entry.kind === 'hundred') current = (current || 1) * value;
    else if (entry.kind === 'thousand') {
      total += (current || 1) * value;
      current = 0;
    } else break;
    ids.push(match.id);
    end = match.end;
  }
  if (end === i) return null;
  return { value: total + current, end, vague: false, ids };
}
