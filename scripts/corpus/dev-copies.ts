import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/contracts/paths.ts';
import type { ArticleDraft } from '../../src/ingest/articles.ts';

/**
 * `count` articles for benchmarks: the project's own sample and development articles (full-length news
 * prose) with their publication dates, each copy made unique by a closing line. Copies come in pairs
 * a few weeks apart, so that each event has about two reports, as in a live store.
 */
export function devCopies(count: number): ArticleDraft[] {
  const base: ArticleDraft[] = [];
  for (const folder of ['corpus/samples', 'corpus/dev/ar1', 'corpus/dev/ar2', 'corpus/dev/en']) {
    for (const line of readFileSync(join(ROOT, folder, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean)) {
      const g = JSON.parse(line) as { id: string; text: string; published: string; outlet: string | null };
      base.push({ text: g.text, published: g.published, outlet: g.outlet, externalId: g.id, origin: folder });
    }
  }
  const shifted = (day: string | null | undefined, copy: number) =>
    day ? new Date(Date.parse(`${day}T00:00:00Z`) + Math.floor(copy / 2) * 23 * 86_400_000).toISOString().slice(0, 10) : null;
  return Array.from({ length: count }, (_, i) => {
    const original = base[i % base.length];
    return { ...original, published: shifted(original.published, Math.floor(i / base.length)), text: `${original.text}\n(${i})` };
  });
}
