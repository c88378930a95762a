import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { type IngestProgress, ingestPaths } from '../src/ingest/run.ts';
import { buildApp } from '../src/serve/app.ts';
import { openStore, type Store } from '../src/store/index.ts';

const ROOT = join(import.meta.dirname, '..');
const TOKEN = 'test-token-0123456789';
const silent: IngestProgress = { start() {}, update() {}, problem() {}, stop() {} };
let store: Store;
let app: FastifyInstance;

before(async () => {
  store = openStore(join(mkdtempSync(join(tmpdir(), 'marsad-serve-')), 'serve.db'));
  await ingestPaths([join(ROOT, 'corpus', 'samples'), join(ROOT, 'corpus', 'merge')], store, silent);
  app = await buildApp({ store, token: TOKEN, bodyLimit: 64 * 1024, writesPerMinute: 1000, readsPerMinute: 100_000 });
});
after(async () => {
  await app.close();
  await store.close();
});

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, json: () => response.json(), body: response.body, headers: response.headers };
}

describe('GET /api/events', () => {
  it('pages the events newest first, in ACLED field names, with a cursor to the next page', async () => {
    const first = await get('/api/events?limit=5');
    assert.equal(first.status, 200);
    const page = first.json();
    assert.equal(page.count, 5);
    assert.ok(page.data[0].event_id && page.data[0].sub_event_type && typeof page.data[0].timestamp === 'number');
    const dates = page.data.map((e: { event_date: string }) => e.event_date);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const next = (await get(`/api/events?limit=5&cursor=${page.next_cursor}`)).json();
    const byPage = (await get('/api/events?limit=5&page=2')).json();
    assert.deepEqual(next.data.map((e: { event_id: string }) => e.event_id), byPage.data.map((e: { event_id: string }) => e.event_id));
  });

  it('filters by country, type, sub-type, several values with |, admin1 and precision', async () => {
    const yemen = (await get('/api/events?country=Yemen&limit=1000')).json();
    assert.ok(yemen.count > 0 && yemen.data.every((e: { country: string }) => e.country === 'Yemen'));
    const two = (await get('/api/events?country=Yemen|Libya&limit=1000')).json();
    assert.ok(two.count > yemen.count);
    const strikes = (await get(`/api/events?sub_event_type=${encodeURIComponent('Air/drone strike')}&limit=1000`)).json();
    assert.ok(strikes.count > 0 && strikes.data.every((e: { sub_event_type: string }) => e.sub_event_type === 'Air/drone strike'));
    const idleb = (await get('/api/events?admin1=Idleb&geo_precision=1&time_precision=1')).json();
    assert.ok(idleb.count >= 1 && idleb.data.every((e: { admin1: string; geo_precision: number }) => e.admin1 === 'Idleb' && e.geo_precision === 1));
  });

  it('filters by date range and comparison, bbox, actor (prefix too) and minimum sources', async () => {
    const range = (await get('/api/events?event_date=2024-03-01|2024-05-31&event_date_where=BETWEEN&limit=1000')).json();
    assert.ok(range.count > 0 && range.data.every((e: { event_date: string }) => e.event_date >= '2024-03-01' && e.event_date <= '2024-05-31'));
    const later = (await get('/api/events?event_date=2024-10-01&event_date_where=>&limit=1000')).json();
    assert.ok(later.data.every((e: { event_date: string }) => e.event_date > '2024-10-01'));
    // Syria and its neighbours' corner: 35.5-42.5 E, 32-37.5 N.
    const box = (await get('/api/events?bbox=35.5,32,42.5,37.5&limit=1000')).json();
    assert.ok(box.count > 0 && box.data.every((e: { latitude: number; longitude: number }) => e.longitude >= 35.5 && e.longitude <= 42.5 && e.latitude >= 32 && e.latitude <= 37.5));
    const houthi = (await get(`/api/events?actor=${encodeURIComponent('military forces of yemen houthi')}`)).json();
    assert.ok(houthi.count > 0);
    assert.ok(houthi.data.every((e: { actor1: string; actor2: string; assoc_actor_1: string; assoc_actor_2: string }) => [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2].join('|').includes('Houthi')));
    const prefix = (await get(`/api/events?actor=${encodeURIComponent('Military Forces of Yemen*')}`)).json();
    assert.ok(prefix.count >= houthi.count);
    const multi = (await get('/api/events?min_sources=3')).json();
    assert.equal(multi.count, 6, 'the six groups of corpus/merge');
  });

  it('searches the evidence in Arabic whatever the diacritics, alef form or clitics', async () => {
    const plain = (await get(`/api/events?q=${encodeURIComponent('مسيرة')}`)).json();
    assert.ok(plain.count > 0, 'a drone ("مسيرة") in the evidence');
    const withClitic = (await get(`/api/events?q=${encodeURIComponent('بالطائرة المسيّرة')}`)).json();
    assert.ok(withClitic.count > 0);
    const english = (await get('/api/events?q=car%20bomb')).json();
    const none = (await get('/api/events?q=zzzqqq')).json();
    assert.equal(none.count, 0);
    assert.ok(english.count >= 0);
  });

  it('chooses fields, and answers in ACLED CSV and GeoJSON', async () => {
    const chosen = (await get('/api/events?fields=event_id_cnty|event_date|fatalities&limit=3')).json();
    assert.deepEqual(Object.keys(chosen.data[0]), ['event_id_cnty', 'event_date', 'fatalities']);
    const csv = await get('/api/events?format=csv&limit=10');
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.equal(csv.body.split('\n')[0].split(',').length, 31);
    const geo = await get('/api/events?format=geojson&limit=10');
    const fc = JSON.parse(geo.body);
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.features.length, 10);
    assert.equal(fc.features[0].geometry.type, 'Point');
  });

  const bad: [string, string, RegExp][] = [
    ['an unknown parameter', '/api/events?colour=red', /colour: unknown parameter/],
    ['a malformed date', '/api/events?event_date=2024-02-30', /event_date: "2024-02-30" is not a date/],
    ['a reversed range', '/api/events?event_date=2024-05-01|2024-01-01&event_date_where=BETWEEN', /event_date: 2024-05-01 is after 2024-01-01/],
    ['an unknown comparison', '/api/events?event_date=2024-05-01&event_date_where=LIKE', /event_date_where: must be one of/],
    ['a huge limit', '/api/events?limit=10000000', /limit: must be a whole number from 1 to 5000/],
    ['a negative page', '/api/events?page=-1', /page: must be a whole number/],
    ['SQL in a filter', `/api/events?country=${encodeURIComponent("Syria' OR 1=1 --")}`, /^$/],
    ['SQL in an event type', `/api/events?event_type=${encodeURIComponent("Battles'; DROP TABLE events; --")}`, /event_type: "Battles'; DROP TABLE events; --" is not one of/],
    ['a very long q', `/api/events?q=${'قصف%20'.repeat(300)}`, /q: longer than 200 characters/],
    ['query syntax in q', `/api/events?q=${encodeURIComponent('"قصف" OR * NEAR(')}`, /^$/],
    ['an unknown field', '/api/events?fields=event_date|password', /fields: "password" is not a field/],
    ['a bad bbox', '/api/events?bbox=10,20,30', /bbox: must be four numbers/],
    ['a bad precision', '/api/events?geo_precision=4', /geo_precision: "4" is not one of: 1, 2, 3/],
    ['a forged cursor', '/api/events?cursor=abc', /cursor: is not a cursor this API gave/],
    ['a repeated parameter', '/api/events?country=Syria&country=Iraq', /country: given more than once/],
    ['an unknown format', '/api/events?format=xml', /format: must be json, csv or geojson/],
    ['since with a filter', '/api/events?since=0&country=Syria', /country: cannot be combined with since/],
  ];
  for (const [what, url, message] of bad) {
    it(`answers ${what} with ${message.source === '^$' ? '200 and no harm' : '400 naming the parameter'}`, async () => {
      const r = await get(url);
      if (message.source === '^$') {
        assert.equal(r.status, 200, r.body);
        return;
      }
      assert.equal(r.status, 400, r.body);
      const body = r.json();
      assert.match(body.message, message);
      assert.ok(body.parameter);
      assert.doesNotMatch(r.body, /sqlite|SELECT|at \/|node_modules/i);
    });
  }

  it('still has every event after the SQL attempts', async () => {
    assert.ok((await get('/api/events?limit=1000')).json().count > 20);
  });
});

describe('GET /api/events/:id, /api/articles/:id, /api/stats', () => {
  it('returns an event with every source and its evidence, and each source article with its spans', async () => {
    const [merged] = (await get('/api/events?min_sources=3&limit=1')).json().data;
    const event = (await get(`/api/events/${merged.event_id}`)).json();
    assert.equal(event.sources.length, 3);
    for (const source of event.sources) assert.ok(source.evidence.length > 0 && source.outlet);
    const article = (await get(`/api/articles/${event.sources[0].article_id}`)).json();
    const span = article.events[0].evidence[0];
    assert.equal(article.text.slice(span.start, span.end), span.text);
    assert.equal((await get('/api/events/NOPE-1')).status, 404);
    assert.equal((await get('/api/articles/nope')).status, 404);
  });

  it('counts by country, type, month and actor pair, under filters', async () => {
    const stats = (await get('/api/stats')).json();
    assert.ok(stats.events > 20 && stats.byCountry.length > 3 && stats.byMonth.length > 3 && stats.byActorPair.length > 3);
    const yemen = (await get('/api/stats?country=Yemen')).json();
    assert.deepEqual(yemen.byCountry.map((c: { key: string }) => c.key), ['Yemen']);
    assert.equal((await get('/api/stats?limit=5')).status, 400);
  });

  it('publishes the OpenAPI document and a docs page', async () => {
    const doc = (await get('/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/events'].get.parameters.some((p: { name: string }) => p.name === 'event_date_where'));
    assert.ok(doc.components.schemas.EventRecord.properties.sub_event_type);
    const page = await get('/docs');
    assert.match(page.body, /<h1>Marsad API<\/h1>/);
    assert.equal((await get('/nowhere')).status, 404);
  });
});

describe('POST /api/articles and sync', () => {
  const article = {
    text: 'الموصل - قتل مدنيان وأصيب ثلاثة آخرون، مساء أمس الأحد، بانفجار عبوة ناسفة استهدفت سيارة مدنية على طريق قرب قضاء تلعفر غربي محافظة نينوى، وفق مصدر أمني.',
    published: '2024-11-18',
    outlet: 'Nineveh Now',
    url: 'https://nineveh.example/news/1',
  };
  const post = (payload: unknown, headers: Record<string, string> = {}, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/api/articles', payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'content-type': contentType, ...headers } });

  it('refuses writes without the token (401), with a wrong one (401), and oversized bodies (413)', async () => {
    assert.equal((await post(article)).statusCode, 401);
    assert.equal((await post(article, { authorization: 'Bearer wrong' })).statusCode, 401);
    const big = await post({ ...article, text: 'قصف '.repeat(40_000) }, { authorization: `Bearer ${TOKEN}` });
    assert.equal(big.statusCode, 413);
    assert.match(big.json().message, /over the 64 KB limit/);
  });

  it('refuses writes on a server started without a token (403), reads stay open', async () => {
    const readOnly = await buildApp({ store });
    const r = await readOnly.inject({ method: 'POST', url: '/api/articles', payload: article });
    assert.equal(r.statusCode, 403);
    assert.equal((await readOnly.inject({ method: 'GET', url: '/api/events?limit=1' })).statusCode, 200);
    await readOnly.close();
  });

  it('limits the rate of requests per client, writes more tightly than reads', async () => {
    const limited = await buildApp({ store, token: TOKEN, writesPerMinute: 2, readsPerMinute: 5 });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      codes.push((await limited.inject({ method: 'POST', url: '/api/articles', payload: { text: '' }, headers: { authorization: `Bearer ${TOKEN}` } })).statusCode);
    }
    assert.deepEqual(codes, [400, 400, 429]);
    const reads: number[] = [];
    for (let i = 0; i < 6; i++) reads.push((await limited.inject({ method: 'GET', url: '/api/stats', remoteAddress: '10.0.0.9' })).statusCode);
    assert.deepEqual(reads, [200, 200, 200, 200, 200, 429]);
    assert.equal((await limited.inject({ method: 'GET', url: '/api/stats', remoteAddress: '10.0.0.10' })).statusCode, 200, 'another client is not limited');
    await limited.close();
  });

  it('rejects a malformed article naming the field', async () => {
    const r = await post({ ...article, published: '18/11/2024' }, { authorization: `Bearer ${TOKEN}` });
    assert.equal(r.statusCode, 400);
    assert.match(r.json().message, /article 1: published: expected YYYY-MM-DD/);
  });

  it('stores an article, shows it in a sync from the previous token, and a JSONL batch repeat is a duplicate', async () => {
    const before = (await get('/api/events?since=0&limit=5000')).json();
    const token = before.sync_token;
    const r = await post(article, { authorization: `Bearer ${TOKEN}` });
    assert.equal(r.statusCode, 201, r.body);
    const body = r.json();
    assert.equal(body.added, 1);
    assert.equal(body.articles[0].events.length, 1);
    const changes = (await get(`/api/events?since=${token}`)).json();
    assert.deepEqual(changes.data.map((e: { event_id: string }) => e.event_id), body.articles[0].events);
    assert.equal(changes.data[0].admin1, 'Ninewa');
    const again = await post(`${JSON.stringify(article)}\n`, { authorization: `Bearer ${TOKEN}` }, 'application/x-ndjson');
    assert.equal(again.json().duplicates, 1);
    assert.equal((await get(`/api/events?since=${changes.sync_token}`)).json().count, 0);
  });

  it('tells a client that an event merged into another is gone (410) and lists it as deleted', async () => {
    const other = { ...article, text: article.text.replace('وفق مصدر أمني', 'بحسب ما أفاد شهود عيان'), outlet: 'Tal Afar Today', url: 'https://talafar.example/2' };
    const token = (await get('/api/events?since=0&limit=5000')).json().sync_token;
    const r = (await post(other, { authorization: `Bearer ${TOKEN}` })).json();
    const changes = (await get(`/api/events?since=${token}`)).json();
    const merged = changes.data.find((e: { event_id: string }) => e.event_id === r.articles[0].events[0]);
    assert.ok(merged, 'the merged event changed');
    assert.equal(merged.article_ids.length, 2);
    for (const gone of changes.deleted) {
      const lookup = await get(`/api/events/${gone.event_id}`);
      assert.equal(lookup.status, 410);
      assert.equal(lookup.json().merged_into, merged.event_id);
    }
  });
});

describe('GET /api/export: ACLED CSV that ACLED tools read', () => {
  it('has exactly ACLED\'s 31 columns in order, and every field in ACLED\'s format', async () => {
    const r = await get('/api/export?format=acled-csv');
    assert.equal(r.status, 200);
    const rows = parse(r.body, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const header = parse(r.body, { to_line: 1 })[0] as string[];
    assert.deepEqual(header, [
      'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1',
      'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location',
      'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
    ]);
    assert.ok(rows.length > 20);
    for (const row of rows) {
      assert.match(row.event_id_cnty, /^[A-Z]{3}-[0-9a-f]+$/);
      if (row.event_date) {
        assert.match(row.event_date, /^\d{4}-\d{2}-\d{2}$/);
        assert.equal(row.year, row.event_date.slice(0, 4));
      }
      assert.match(row.time_precision, /^[123]$/);
      assert.match(row.inter1, /^[0-8]$/);
      assert.match(row.inter2, /^[0-8]$/);
      assert.match(row.interaction, /^\d{1,2}$/);
      if (row.iso) assert.match(row.iso, /^\d{1,3}$/);
      if (row.latitude) {
        assert.ok(Math.abs(Number(row.latitude)) <= 90 && Math.abs(Number(row.longitude)) <= 180);
        assert.match(row.latitude, /^-?\d+(\.\d{1,4})?$/);
      }
      if (row.geo_precision) assert.match(row.geo_precision, /^[123]$/);
      assert.match(row.fatalities, /^\d+$/);
      assert.match(row.timestamp, /^\d{10}$/);
      assert.ok(['', 'Civilian targeting'].includes(row.civilian_targeting));
    }
  });

  it('adds the HXL hashtag row for HDX, and streams GeoJSON and JSONL', async () => {
    const hxl = (await get('/api/export?format=hxl-csv&country=Syria')).body.split('\n');
    assert.match(hxl[1], /^#event\+code,#date\+occurred,#date\+year,/);
    const geo = JSON.parse((await get('/api/export?format=geojson')).body);
    assert.ok(geo.features.length > 20);
    const lines = (await get('/api/export?format=jsonl&fields=event_id_cnty|fatalities')).body.trim().split('\n');
    assert.deepEqual(Object.keys(JSON.parse(lines[0])), ['event_id_cnty', 'fatalities']);
    assert.equal((await get('/api/export?format=xlsx')).status, 400);
  });
});
