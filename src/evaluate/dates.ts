import { z } from 'zod';
import { readCases } from './jsonl.ts';
import { findNumbers } from '../assemble/numbers.ts';
import { getLexicon } from '../lexicon/index.ts';
import { parseDay, type TimeExpression, tagTimeExpressions } from '../resolve/time/index.ts';
import { tokenize } from '../text/index.ts';

/** One gold date expression in its sentence (test/fixtures/time/expressions.jsonl). */
const DateCase = z.looseObject({
  lang: z.enum(['ar', 'en']),
  published: z.string().nullable(),
  sentence: z.string(),
  expression: z.string(),
  date: z.string().nullable(),
  precision: z.number().nullable(),
  kind: z.enum(['point', 'since']).default('point'),
  since: z.string().nullable().optional(),
});
export type DateCase = z.infer<typeof DateCase>;

export interface DateOutcome {
  readonly gold: DateCase;
  readonly found: TimeExpression | null;
  readonly exactDay: boolean;
  readonly precision: boolean;
  readonly span: boolean;
}

export interface DateScores {
  readonly total: number;
  readonly found: number;
  readonly exactDay: number;
  readonly precision: number;
  readonly span: number;
}

export function readDateCases(path: string): DateCase[] {
  return readCases(path, DateCase);
}

/** Resolves the gold expression in its sentence: the tagged expression that overlaps it most. */
export function scoreDateCase(gold: DateCase): DateOutcome {
  const text = tokenize(gold.sentence);
  const matches = getLexicon().match(text);
  const expressions = tagTimeExpressions(text, matches, findNumbers(text.tokens, matches), gold.published ? parseDay(gold.published) : null);
  const start = gold.sentence.indexOf(gold.expression);
  const end = start + gold.expression.length;
  const overlap = (e: TimeExpression) => Math.max(0, Math.min(end, e.endOffset) - Math.max(start, e.start));
  const found = expressions.filter((e) => overlap(e) > 0).sort((a, b) => overlap(b) - overlap(a))[0] ?? null;
  const date = found ? (gold.kind === 'since' ? (found.since ?? null) : found.date) : null;
  const goldDate = gold.kind === 'since' ? (gold.since ?? null) : gold.date;
  return {
    gold,
    found,
    exactDay: date === goldDate,
    precision: (found?.precision ?? null) === gold.precision || gold.kind === 'since',
    span: found?.text === gold.expression,
  };
}

export function summarize(outcomes: readonly DateOutcome[]): DateScores {
  const count = (f: (o: DateOutcome) => boolean) => outcomes.filter(f).length;
  return {
    total: outcomes.length,
    found: count((o) => o.found !== null),
    exactDay: count((o) => o.exactDay),
    precision: count((o) => o.precision),
    span: count((o) => o.span),
  };
}
