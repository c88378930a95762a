import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { EventRecord } from '../src/contracts/record.ts';
import { openStore, type NewArticle, type Store } from '../src/store/index.ts';
import { syntheticRecord } from '../scripts/store/synthetic.ts';
import { backends } from './support/databases.ts';

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


for (const backend of backends) {
describe(`${backend.name} store`, { skip: backend.skip }, () => {
  const fresh = async (name: string): Promise<Store> => {
    const store = openStore(await backend.fresh(name));
    stores.push(store);
    return store;
  };

  it('runs its migrations once, also when two processes open a new database together', async () => {
    const location = await backend.fresh('migrations');
    const both = [openStore(location), openStore(location)];
    await Promise.all(both.map((store) => store.stats()));
    await Promise.all(both.map((store) => store.close()));
    if (backend.name === 'SQLite') {
      const db = new Database(location, { readonly: true });
      assert.deepEqual(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), [1, 2]);
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      db.close();
    } else {
      const client = new pg.Client({ connectionString: location });
      await client.connect();
      assert.deepEqual((await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version), [1, 2]);
      await client.end();
    }
  });

  it('joins two events into one when a report between them links both, and leaves a tombstone for the one that went', async () => {
    const store = await fresh('bridge');
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
    assert.equal((await store.removedEvent('SYR-b'))?.merged_into, 'SYR-a');
    const changes = await store.changes(0, 100);
    assert.deepEqual(changes.removed.map((r) => [r.event_id, r.merged_into]), [['SYR-b', 'SYR-a']]);
    assert.deepEqual(changes.events.map((e) => e.event_id), ['SYR-a']);
  });

  it('detaches a governorate-level report when a second event makes it ambiguous', async () => {
    const store = await fresh('ambiguous');
    await store.addArticles([article('a', 36.63), article('v', 36.7, { geo_precision: 3, location: 'Idleb' })]);
    assert.deepEqual((await store.events()).map((e) => e.article_ids), [['a', 'v']]);
    // Another strike 60 km away in the same governorate: v could be either.
    await store.addArticles([article('d', 37.3)]);
    const events = await store.events();
    assert.deepEqual(events.map((e) => e.article_ids).sort(), [['a'], ['d'], ['v']]);
  });

  it('merges a later article\'s recollection of an event (background, dated to the month) with the original report', async () => {
    const store = await fresh('background');
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
    const store = await fresh('duplicates');
    const first = article('a', 36.63);
    const sameUrl: NewArticle = { ...article('z', 36.63), article: { ...article('z', 36.63).article, url: first.article.url } };
    const outcomes = await store.addArticles([first, first, sameUrl]);
    assert.deepEqual(outcomes.map((o) => o.status), ['added', 'duplicate', 'duplicate']);
    assert.equal((await store.stats()).articles, 1);
    assert.deepEqual([...(await store.knownArticles([{ id: 'a', url: null }, { id: 'q', url: first.article.url }]))].sort(), ['a', 'https://example.org/a']);
  });

  it('keeps feeds with their state and the items seen', async () => {
    const store = await fresh('feeds');
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

  it('answers every filter of the API the same way: country, type, date, actor, bbox, words, sources, background, and pages by cursor', async () => {
    const store = await fresh('filters');
    const evidence = (text: string) => [{ field: 'event', text, start: 0, end: text.length }];
    await store.addArticles([
      article('f1', 36.63, { event_date: '2024-03-04', actor1: 'Military Forces of Russia', evidence: evidence('غارات جوية روسية على مدينة إدلب') }),
      article('f2', 36.63, { event_date: '2024-03-20', country: 'Syria', admin1: 'Aleppo', latitude: 36.2, longitude: 37.16, actor1: 'Hayat Tahrir al-Sham', event_type: 'Battles', sub_event_type: 'Armed clash', evidence: evidence('اشتباكات عنيفة في ريف حلب') }),
      article('f3', 36.63, { event_date: '2024-02-10', country: 'Iraq', admin1: 'Anbar', latitude: 33.42, longitude: 43.3, actor1: 'Islamic State (Iraq)', background: true, evidence: evidence('هجوم بعبوة ناسفة في الأنبار') }),
      article('f4', 36.63, { event_date: null, time_precision: 3, country: 'Yemen', admin1: 'Marib', latitude: 15.46, longitude: 45.32, actor1: 'Houthis', evidence: evidence('قصف حوثي على مأرب') }),
    ]);
    const ids = async (filter: Parameters<Store['queryEvents']>[0], limit = 10) => (await store.queryEvents(filter, { limit })).map((e) => e.event_id);
    assert.deepEqual(await ids({}), ['SYR-f2', 'SYR-f1', 'SYR-f3', 'SYR-f4'], 'newest first, the undated last');
    assert.deepEqual(await ids({ country: ['Syria'] }), ['SYR-f2', 'SYR-f1']);
    assert.deepEqual(await ids({ eventType: ['Battles'] }), ['SYR-f2']);
    assert.deepEqual(await ids({ date: { op: 'BETWEEN', from: '2024-03-01', to: '2024-03-10' } }), ['SYR-f1']);
    assert.deepEqual(await ids({ date: { op: '<', value: '2024-03-10' } }), ['SYR-f1', 'SYR-f3'], 'no undated event in a comparison');
    assert.deepEqual(await ids({ actor: ['military forces of russia'] }), ['SYR-f1'], 'actor without case');
    assert.deepEqual(await ids({ actor: ['Hayat*', 'Houthis'] }), ['SYR-f2', 'SYR-f4']);
    assert.deepEqual(await ids({ bbox: { west: 35, south: 35, east: 38, north: 37 } }), ['SYR-f2', 'SYR-f1']);
    assert.deepEqual(await ids({ q: 'الغارات' }), ['SYR-f1'], 'a clitic-bearing word finds its stem');
    assert.deepEqual(await ids({ q: 'إشتباكات حلب' }), ['SYR-f2'], 'every word, any alef');
    assert.deepEqual(await ids({ q: '...' }), [], 'no word, no match');
    assert.deepEqual(await ids({ background: 'only' }), ['SYR-f3']);
    assert.deepEqual(await ids({ minSources: 2 }), []);
    const first = await store.queryEvents({}, { limit: 2 });
    const last = first[first.length - 1];
    assert.deepEqual((await store.queryEvents({}, { limit: 5, after: { date: last.event_date, id: last.event_id } })).map((e) => e.event_id), ['SYR-f3', 'SYR-f4']);
    const streamed: string[] = [];
    for await (const e of store.streamEvents({ country: ['Syria', 'Yemen'] })) streamed.push(e.event_id);
    assert.deepEqual(streamed, ['SYR-f2', 'SYR-f1', 'SYR-f4']);
    const stats = await store.eventStats({ background: 'exclude' });
    assert.equal(stats.events, 3);
    assert.deepEqual(stats.byCountry.map((c) => [c.key, c.count]), [['Syria', 2], ['Yemen', 1]]);
    assert.deepEqual(stats.byMonth.map((c) => c.key), ['2024-03', 'undated']);
  });
});
}
