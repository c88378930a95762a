import { InputError } from '../contracts/errors.ts';
import { ingestPaths } from '../ingest/run.ts';
import { openQueue, queueSubmitter } from '../queue/articles.ts';
import { isPostgres, storeLocation, withStore } from '../store/index.ts';
import { ingestProgress } from './progress.ts';

export async function ingestCommand(paths: string[], options: { db?: string; quiet?: boolean; queue?: boolean }): Promise<void> {
  const startedAt = Date.now();
  const location = storeLocation(options.db);
  if (options.queue && !isPostgres(location)) throw new InputError(`${location}: --queue needs the PostgreSQL store (--db postgres://…), where workers take the jobs`);
  const queue = options.queue ? await openQueue(location) : null;
  try {
    await withStore(location, async (store) => {
      // With --queue the files are only read here; `marsad worker` processes extract and store them.
      const submit = queue ? queueSubmitter(queue, store) : undefined;
      const summary = await ingestPaths(paths, store, ingestProgress(), submit);
      const seconds = (Date.now() - startedAt) / 1000;
      const stats = await store.stats();
      const done = queue ? `${summary.queued ?? 0} articles queued for the workers` : `${summary.added} articles added (${summary.events} event reports)`;
      const lines = [
        `${summary.files} files: ${done}, ${summary.duplicates} skipped as duplicates, ${summary.rejected} rejected, in ${seconds.toFixed(1)} s`,
        ...[...summary.reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  rejected ${n}: ${reason}`),
        `store ${store.location}: ${stats.articles} articles, ${stats.events} events merged from ${stats.reports} reports`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      if (summary.added === 0 && (summary.queued ?? 0) === 0 && summary.duplicates === 0 && summary.rejected > 0) process.exitCode = 1;
    });
  } finally {
    await queue?.close();
  }
}
