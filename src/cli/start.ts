import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../contracts/paths.ts';
import { extractArticle } from '../pipeline.ts';
import { table } from './format.ts';

/**
 * The main job on the embedded default. Until the store and the web map land, it reads the demo
 * corpus (corpus/samples, with the publication dates of its gold file) and prints the events found.
 */
export function startCommand(): void {
  const folder = join(ROOT, 'corpus', 'samples');
  const goldLines = readFileSync(join(folder, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean);
  const meta = new Map(goldLines.map((l) => JSON.parse(l) as { id: string; published: string; outlet: string | null }).map((g) => [g.id, g]));
  const rows: (string | number | null)[][] = [];
  let articles = 0;
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.txt')).sort()) {
    const id = name.replace(/\.(ar|en)\.txt$/, '');
    const info = meta.get(id);
    const result = extractArticle({ id, text: readFileSync(join(folder, name), 'utf8'), published: info?.published ?? null, outlet: info?.outlet ?? null });
    articles++;
    for (const e of result.events) rows.push([id, e.event_date, e.sub_event_type, e.actor1, e.location, e.fatalities, e.background ? 'yes' : '']);
  }
  process.stdout.write(`${table(['article', 'date', 'sub-event type', 'actor1', 'location', 'fatal.', 'background'], rows)}\n\n${rows.length} events from ${articles} articles in corpus/samples\n`);
}
