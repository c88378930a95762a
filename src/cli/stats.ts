import { withStore } from '../store/index.ts';
import { table } from './format.ts';

export async function statsCommand(options: { db?: string; json?: boolean }): Promise<void> {
  await withStore(options.db, async (store) => {
    const stats = await store.stats();
    if (options.json) {
      process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
      return;
    }
    const section = (title: string, rows: readonly { key: string; count: number }[]) => `${title}\n${table(['', 'events'], rows.map((r) => [r.key, r.count]))}`;
    process.stdout.write(
      [
        `${store.location}: ${stats.articles} articles, ${stats.reports} event reports, ${stats.events} events, ${stats.claims} claims`,
        'Counts are of events (background recollections left out).',
        section('By country', stats.byCountry),
        section('By event type', stats.byType),
        section('By month', stats.byMonth),
      ].join('\n\n') + '\n',
    );
  });
}
