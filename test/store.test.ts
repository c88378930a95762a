import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { EventRecord } from '../src/contracts/record.ts';
import { openStore, type NewArticle, type Store } from '../src/store/index.ts';
import { syntheticRecord } from '../scripts/store/synthetic.ts';

const work = mkdtempSync(join(tmpdir(), 'marsad-store-'));
const stores: Store[] = [];
after(async () => {
  for (const s of stores) await s.close();
});

/** An article of one report: an air strike in Idlib governorate on 2024-03-04 at the given point. */
function article(id: string, longitude: number, fields: Partial<EventRecord> = {}): NewArticle {
  const record: EventRecord = {
    ...syntheticRecord(1, 0),
    event_id: `SYR-${id}`,
    event_date: '2024-03-04',
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    actor1: 'Military Forces of Russia',
    actor2: '',
    country: 'Syria',
    admin1: 'Idleb',
    location: id,
    latitude: 35.93,
    longitude,
    geo_precision: 1,
    fatalities: 2,
    ...fields,
  };
  return {
    article: { id, url: `https://example.org/${id}`, externalId: null, outlet: `Outlet ${id}`, published: '2024-03-05', lang: 'en', title: null, text: `Report ${id}`, origin: 'test' },
    extraction: { id, events: [{ ...record, article_ids: [id] }], claims: [] },
  };
}

function fresh(name: string): Store {
  const store = openStore(join(work, `${name}.db`));
  stores.push(store);
  return store;
}

describe('SQLite store', () => {
  it('runs its migrations once, in WAL mode', async () => {
    const path = join(work, 'migrations.db');
    await openStore(path).close();
    await openStore(path).close();
    const db = new Database(path, { readonly: true });
    assert.deepEqual(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), [1, 2]);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
  });

  it('joins two events into one when a report between them links both, and leaves a tombstone for the one that went', async () => {
    const store = fresh('bridge');
    // a at 36.63 and b at 36.81 lie 16 km apart: two events. c, 8 km from each, is a report of both.
    await store.addArticles([article('a', 36.63), article('b', 36.81)]);
    assert.equal((await store.events()).length, 2);
    await store.addArticles([article('c', 36.72)]);
    const events = await store.events();
    assert.equal(events.length, 1);
    assert.equal(events[0].event_id, 'SYR-a', 'named after its smallest report');
    assert.deepEqual(events[0].article_ids, ['a', 'b', 'c']);
    const stored = await store.event('SYR-a');
    assert.equal(stored?.sources.length, 3);
    assert.equal(await store.event('SYR-b'), null);
    const db = new Database(join(work, 'bridge.db'), { readonly: true });
    assert.deepEqual(db.prepare('SELECT id, merged_into FROM event_tombstones').all(), [{ id: 'SYR-b', merged_into: 'SYR-a' }]);
    db.close();
  });

  it('detaches a governorate-level report when a second event makes it ambiguous', async () => {
    const store = fresh('ambiguous');
    await store.addArticles([article('a', 36.63), article('v', 36.7, { geo_precision: 3, location: 'Idleb' })]);
    assert.deepEqual((await store.events()).map((e) => e.article_ids), [['a', 'v']]);
    // Another strike 60 km away in the same governorate: v could be either.
    await store.addArticles([article('d', 37.3)]);
    const events = await store.events();
    assert.deepEqual(events.map((e) => e.article_ids).sort(), [['a'], ['d'], ['v']]);
  });

  it('merges a later article\'s recollection of an event (background, dated to the month) with the original report', async () => {
    const store = fresh('background');
    await store.addArticles([article('a', 36.63, { fatalities: 2 })]);
    const recap = article('r', 36.64, { background: true, time_precision: 3, event_date: '2024-03-15', fatalities: null });
    await store.addArticles([{ ...recap, article: { ...recap.article, published: '2024-04-20' } }]);
    const events = await store.events();
    assert.equal(events.length, 1);
    assert.deepEqual(events[0].article_ids, ['a', 'r']);
    assert.equal(events[0].background, false, 'the original report makes it news');
    assert.equal(events[0].event_date, '2024-03-04', 'the day-precise date wins over the month');
    assert.equal(events[0].fatalities, 2);
  });

  it('keeps a duplicate article (same id or same URL) out, inside one batch too', async () => {
    const store = fresh('duplicates');
    const first = article('a', 36.63);
    const sameUrl: NewArticle = { ...article('z', 36.63), article: { ...article('z', 36.63).article, url: first.article.url } };
    const outcomes = await store.addArticles([first, first, sameUrl]);
    assert.deepEqual(outcomes.map((o) => o.status), ['added', 'duplicate', 'duplicate']);
    assert.equal((await store.stats()).articles, 1);
    assert.deepEqual([...(await store.knownArticles([{ id: 'a', url: null }, { id: 'q', url: first.article.url }]))].sort(), ['a', 'https://example.org/a']);
  });

  it('keeps feeds with their state and the items seen', async () => {
    const store = fresh('feeds');
    assert.equal(await store.addFeed('https://example.org/rss', 'Example'), true);
    assert.equal(await store.addFeed('https://example.org/rss', 'Example'), false);
    await store.updateFeed('https://example.org/rss', { etag: '"x"', failures: 2, lastError: 'HTTP 500 after 3 tries' });
    await store.markFeedItems('https://example.org/rss', [{ key: 'i1', articleId: null }, { key: 'i2', articleId: null }]);
    const [feed] = await store.feeds();
    assert.equal(feed.etag, '"x"');
    assert.equal(feed.failures, 2);
    assert.equal(feed.itemsSeen, 2);
    assert.deepEqual([...(await store.seenFeedItems('https://example.org/rss', ['i1', 'i3']))], ['i1']);
  });
});
