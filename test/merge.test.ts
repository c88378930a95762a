import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ArticleDraft } from '../src/ingest/articles.ts';
import { type IngestCounts, storeDrafts } from '../src/ingest/run.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { freshPostgres, postgresUrl } from './support/databases.ts';

/** corpus/merge: six events each reported by three articles in two languages, and distractors beside them. */
const FOLDER = join(import.meta.dirname, '..', 'corpus', 'merge');
interface Manifest {
  articles: { file: string; published: string; outlet: string; lang: 'ar' | 'en'; group: string | null; distractor: boolean }[];
  groups: Record<string, { event_type: string; sub_event_type: string; event_date: string; admin1: string }>;
}
const manifest = JSON.parse(readFileSync(join(FOLDER, 'manifest.json'), 'utf8')) as Manifest;
const drafts: (ArticleDraft & { file: string })[] = manifest.articles.map((a) => ({
  file: a.file,
  text: readFileSync(join(FOLDER, a.file), 'utf8'),
  published: a.published,
  outlet: a.outlet,
  lang: a.lang,
  origin: a.file,
}));

const work = mkdtempSync(join(tmpdir(), 'marsad-merge-'));
const stores: Store[] = [];
after(async () => {
  for (const s of stores) await s.close();
});

/** Stores the articles one transaction each, in the order given, as a live feed would. */
async function ingestInOrder(order: typeof drafts, name: string): Promise<Store> {
  const store = openStore(join(work, `${name}.db`));
  stores.push(store);
  const counts: IngestCounts = { files: 0, added: 0, duplicates: 0, rejected: 0, events: 0 };
  for (const draft of order) {
    await storeDrafts([draft], store, counts, (message) => assert.fail(message));
  }
  assert.equal(counts.added, drafts.length);
  return store;
}

/** The stored events as a comparable value. */
async function snapshot(store: Store): Promise<string> {
  // The change time is when it was stored, not what was stored.
  const events = (await store.events({ limit: 10_000 })).map(({ timestamp: _, ...record }) => record);
  return JSON.stringify(events.sort((a, b) => (a.event_id < b.event_id ? -1 : 1)));
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('merging reports of the same event across articles (corpus/merge)', () => {
  it('makes each group of reports one event with all its articles, and keeps every distractor apart', async () => {
    const store = await ingestInOrder(drafts, 'in-order');
    const events = (await store.events({ limit: 10_000 })).filter((e) => !e.background);
    const fileOf = new Map<string, string>();
    for (const e of events) {
      const stored = await store.event(e.event_id);
      for (const source of stored?.sources ?? []) fileOf.set(source.articleId, (await store.article(source.articleId))?.origin ?? '');
    }
    for (const [group, gold] of Object.entries(manifest.groups)) {
      const files = manifest.articles.filter((a) => a.group === group).map((a) => a.file).sort();
      const holding = events.filter((e) => e.article_ids.some((id) => files.includes(fileOf.get(id) ?? '')));
      assert.equal(holding.length, 1, `${group}: one event, not ${holding.map((e) => `${e.location} ${e.event_date}`).join(' / ')}`);
      const [event] = holding;
      assert.deepEqual(event.article_ids.map((id) => fileOf.get(id)).sort(), files, `${group}: every report and nothing else`);
      assert.equal(event.event_date, gold.event_date, `${group}: date`);
      assert.equal(event.admin1, gold.admin1, `${group}: admin1`);
      assert.equal(event.sub_event_type, gold.sub_event_type, `${group}: sub-event type`);
      assert.equal(new Set(event.source.split('; ')).size >= 3, true, `${group}: the outlets of all reports in ${event.source}`);
    }
    for (const distractor of manifest.articles.filter((a) => a.distractor)) {
      const holding = events.filter((e) => e.article_ids.some((id) => fileOf.get(id) === distractor.file));
      assert.equal(holding.length, 1, `${distractor.file}: one event`);
      assert.equal(holding[0].article_ids.length, 1, `${distractor.file} stays apart, not merged with ${holding[0].article_ids.map((id) => fileOf.get(id)).join(', ')}`);
    }
    assert.equal(events.length, Object.keys(manifest.groups).length + manifest.articles.filter((a) => a.distractor).length);
  });

  it('keeps the reported tolls as a range where the reports disagree', async () => {
    const store = await ingestInOrder(drafts, 'tolls');
    const events = await store.events({ limit: 10_000 });
    const disagreeing = events.filter((e) => e.fatalities_low != null && e.fatalities_high != null && e.fatalities_low < e.fatalities_high);
    assert.ok(disagreeing.length >= 1, 'at least one group reports different tolls');
    for (const e of disagreeing) assert.ok((e.fatalities ?? -1) >= (e.fatalities_low ?? 0) && (e.fatalities ?? 99) <= (e.fatalities_high ?? 0));
  });

  it('stores the same events whatever order the articles arrive in', async () => {
    const expected = await snapshot(await ingestInOrder(drafts, 'reference'));
    for (const seed of [7, 42, 1234, 98765, 31337]) {
      const got = await snapshot(await ingestInOrder(shuffle(drafts, seed), `shuffle-${seed}`));
      assert.equal(got, expected, `order of seed ${seed}`);
    }
    const reversed = await snapshot(await ingestInOrder([...drafts].reverse(), 'reversed'));
    assert.equal(reversed, expected);
  });

  it('gives the same events when the articles come in one batch', async () => {
    const expected = await snapshot(await ingestInOrder(drafts, 'one-by-one'));
    const store = openStore(join(work, 'batch.db'));
    stores.push(store);
    const counts: IngestCounts = { files: 0, added: 0, duplicates: 0, rejected: 0, events: 0 };
    await storeDrafts(shuffle(drafts, 5), store, counts, (message) => assert.fail(message));
    assert.equal(await snapshot(store), expected);
  });
});

describe('merging on PostgreSQL, concurrently', { skip: postgresUrl ? false : 'MARSAD_TEST_PG is not set' }, () => {
  it('ends with the same events as SQLite when four writers store reports of the same events at the same moment', async () => {
    const expected = await snapshot(await ingestInOrder(drafts, 'sqlite-reference'));
    const location = await freshPostgres('merge-concurrent');
    // Four stores, four connection pools: as four worker processes would write.
    const writers = [0, 1, 2, 3].map(() => openStore(location));
    stores.push(...writers);
    const order = shuffle(drafts, 11);
    const counts: IngestCounts = { files: 0, added: 0, duplicates: 0, rejected: 0, events: 0 };
    await Promise.all(
      writers.map(async (writer, w) => {
        for (let i = w; i < order.length; i += writers.length) await storeDrafts([order[i]], writer, counts, (message) => assert.fail(message));
      }),
    );
    assert.equal(counts.added, drafts.length);
    assert.equal(await snapshot(writers[0]), expected);
  });
});
