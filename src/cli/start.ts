import { join } from 'node:path';
import { ROOT } from '../contracts/paths.ts';
import { ingestPaths } from '../ingest/run.ts';
import { openStore, storeLocation } from '../store/index.ts';
import { table } from './format.ts';
import { ingestProgress } from './progress.ts';
import { checkPort, serveStore } from './serve.ts';

/** The demo corpus: the project's own sample articles and the merge corpus (several outlets per event). */
const DEMO = [join(ROOT, 'corpus', 'samples'), join(ROOT, 'corpus', 'merge')];

/**
 * The main job on the embedded default: ingest the demo corpus into the SQLite store (once; a second
 * start finds it stored), print the merged events, and serve them (unless --no-serve).
 */
export async function startCommand(options: { db?: string; serve: boolean; port: string; host: string }): Promise<void> {
  const port = checkPort(options.port);
  const store = openStore(storeLocation(options.db));
  try {
    const summary = await ingestPaths(DEMO, store, ingestProgress());
    const events = (await store.events({ limit: 200 })).filter((e) => !e.background);
    const rows = events.map((e) => [e.event_date, e.sub_event_type, e.actor1, e.location ? `${e.location}${e.admin1 && e.admin1 !== e.location ? `, ${e.admin1}` : ''}` : e.country, e.fatalities, e.article_ids.length]);
    const stats = await store.stats();
    process.stdout.write(
      `${table(['date', 'sub-event type', 'actor1', 'location', 'fatal.', 'reports'], rows)}\n\n` +
        `demo corpus: ${summary.added} articles added now, ${summary.duplicates} already stored\n` +
        `store ${store.location}: ${stats.articles} articles, ${stats.events} events merged from ${stats.reports} reports (${events.length} news events shown)\n` +
        'more: marsad ingest FOLDER, marsad feeds add URL && marsad watch, marsad stats, marsad export\n',
    );
  } catch (error) {
    await store.close();
    throw error;
  }
  if (options.serve) await serveStore(store, options.host, port);
  else await store.close();
}
