import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { extractArticle } from '../pipeline.ts';
import { getLexicon } from '../lexicon/index.ts';
import { readCases } from './jsonl.ts';
import { type ActorFamily, type ArticleScore, type GoldEvent, scoreArticle, type Totals, totals } from './score.ts';

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

/** Umbrella chains from the actor catalogue ("Al Qassam Brigades" → "Hamas Movement"). */
function actorFamily(): ActorFamily {
  const actors = getLexicon().data.actors;
  const byId = new Map(actors.map((a) => [a.id, a]));
  const byName = new Map(actors.filter((a) => a.name).map((a) => [a.name as string, a]));
  return (name) => {
    const chain = [name];
    let entry = byName.get(name);
    while (entry?.parent && chain.length < 6) {
      entry = byId.get(entry.parent);
      if (entry?.name) chain.push(entry.name);
    }
    return chain;
  };
}

/** Runs extraction on every gold input and scores it. The outlet is not passed: gold sources are the text's own. */
/** A gold file, or every gold.jsonl under a folder (corpus/dev holds one per part). */
function goldFiles(path: string): string[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new GoldError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!stat.isDirectory()) return [path];
  const found = (readdirSync(path, { recursive: true }) as string[]).filter((f) => f.endsWith('gold.jsonl')).sort().map((f) => join(path, f));
  if (found.length === 0) throw new GoldError(`${path}: no gold.jsonl in this folder`);
  return found;
}

export function runEvaluation(goldPath: string): EvalRun {
  const scores: ArticleScore[] = [];
  const family = actorFamily();
  for (const file of goldFiles(goldPath)) scores.push(...scoreGoldFile(file, family));
  return { scores, totals: totals(scores) };
}

function scoreGoldFile(goldPath: string, family: ActorFamily): ArticleScore[] {
  let golds: z.infer<typeof GoldLine>[];
  try {
    golds = readCases(goldPath, GoldLine);
  } catch (error) {
    throw new GoldError((error as Error).message);
  }
  return golds.map((gold) => {
    const result = extractArticle({ id: gold.id, text: gold.text, published: gold.published ?? null });
    return scoreArticle(gold.id, gold.events as GoldEvent[], result.events, family);
  });
}
