import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { extractArticle } from '../pipeline.ts';
import { type ArticleScore, type GoldEvent, scoreArticle, type Totals, totals } from './score.ts';

const GoldLine = z.looseObject({
  id: z.string(),
  text: z.string(),
  published: z.string().nullable().optional(),
  lang: z.string().nullable().optional(),
  outlet: z.string().nullable().optional(),
  events: z.array(z.looseObject({ event_type: z.string() })),
});

export interface EvalRun {
  scores: ArticleScore[];
  totals: Totals;
}

export class GoldError extends Error {}

/** Runs extraction on every gold input and scores it. The outlet is not passed: gold sources are the text's own. */
export function runEvaluation(goldPath: string): EvalRun {
  let raw: string;
  try {
    raw = readFileSync(goldPath, 'utf8');
  } catch (error) {
    throw new GoldError(`${goldPath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const scores: ArticleScore[] = [];
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new GoldError(`${goldPath}: line ${i + 1} is not valid JSON`);
    }
    const parsed = GoldLine.safeParse(value);
    if (!parsed.success) throw new GoldError(`${goldPath}: line ${i + 1}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
    const gold = parsed.data;
    const result = extractArticle({ id: gold.id, text: gold.text, published: gold.published ?? null });
    scores.push(scoreArticle(gold.id, gold.events as GoldEvent[], result.events));
  });
  return { scores, totals: totals(scores) };
}
