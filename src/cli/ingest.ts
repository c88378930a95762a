import { ingestPaths } from '../ingest/run.ts';
import { withStore } from '../store/index.ts';
import { ingestProgress } from './progress.ts';

export async function ingestCommand(paths: string[], options: { db?: string; quiet?: boolean }): Promise<void> {
  const startedAt = Date.now();
  await withStore(options.db, async (store) => {
    const summary = await ingestPaths(paths, store, ingestProgress());
    const seconds = (Date.now() - startedAt) / 1000;
    const stats = await store.stats();
    const lines = [
      `${summary.files} files: ${summary.added} articles added (${summary.events} event reports), ${summary.duplicates} skipped as duplicates, ${summary.rejected} rejected, in ${seconds.toFixed(1)} s`,
      ...[...summary.reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  rejected ${n}: ${reason}`),
      `store ${store.location}: ${stats.articles} articles, ${stats.events} events merged from ${stats.reports} reports`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (summary.added === 0 && summary.duplicates === 0 && summary.rejected > 0) process.exitCode = 1;
  });
}
