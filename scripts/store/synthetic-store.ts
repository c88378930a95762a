/**
 * Writes a store of synthetic events (scripts/store/synthetic.ts) for the API benchmark: events only,
 * with their actor and full-text rows, loaded without merging so that a million take a minute.
 *
 * Run: node --import tsx scripts/store/synthetic-store.ts --events 1000000 --db /tmp/marsad-1m.db
 */
import { existsSync, rmSync } from 'node:fs';
import { openStore } from '../../src/store/index.ts';
import { SqliteStore } from '../../src/store/sqlite/store.ts';
import { syntheticRecord } from './synthetic.ts';

export async function buildSyntheticStore(path: string, events: number, log: (line: string) => void = () => {}): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) rmSync(path + suffix);
  const store = openStore(path);
  if (!(store instanceof SqliteStore)) throw new Error('the synthetic store is a SQLite file');
  const started = performance.now();
  const batch = 20_000;
  for (let from = 0; from < events; from += batch) {
    const records = Array.from({ length: Math.min(batch, events - from) }, (_, k) => {
      const record = syntheticRecord(from + k, 0, 3);
      return { ...record, event_id: `SYN-${String(from + k).padStart(7, '0')}`, article_ids: [`syn-${from + k}`] };
    });
    store.bulkLoadEvents(records);
    if ((from / batch) % 10 === 0) log(`${from + records.length} events, ${((from + records.length) / ((performance.now() - started) / 1000)).toFixed(0)} events/s`);
  }
  await store.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
  const events = Number(arg('--events', '1000000'));
  const db = arg('--db', '/tmp/marsad-1m.db');
  await buildSyntheticStore(db, events, (line) => process.stderr.write(`${line}\n`));
  process.stderr.write(`wrote ${events} events to ${db}\n`);
}
