import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FetchPolicy } from '../src/feeds/http.ts';
import { pollFeed } from '../src/feeds/poll.ts';
import { pollDueFeeds } from '../src/feeds/watch.ts';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { openStore, type Store } from '../src/store/index.ts';
import { dropDatabase, freshDatabase, postgresUrl } from './support/databases.ts';

const FULL_ITEM = `<p>الحديدة - قُتل ثلاثة صيادين، فجر اليوم الثلاثاء، جراء قصف مدفعي استهدف قاربهم قبالة سواحل مديرية الخوخة جنوبي محافظة الحديدة غربي اليمن، وفق ما أفادت مصادر محلية.</p>
<p>وأوضحت المصادر أن القذائف أطلقت من مواقع تتمركز فيها جماعة الحوثي شرقي المديرية، فيما لم يصدر أي تعليق من الجماعة على الحادثة حتى الآن.</p>`;
const PAGE = `<!doctype html><html lang="en"><head><title>Car bomb kills four in Mogadishu market | Horn Dispatch</title>
<meta property="og:site_name" content="Horn Dispatch"><meta property="article:published_time" content="2024-09-03T10:00:00Z">
<link rel="canonical" href="/news/mogadishu-car-bomb"></head><body><header><a href="/">Horn Dispatch</a> <a href="/sport">Sport</a></header>
<article><h1>Car bomb kills four in Mogadishu market</h1>
<p>MOGADISHU (Horn Dispatch) - A car bomb exploded near the Bakara market in central Mogadishu on Tuesday morning, killing four people and wounding at least nine others, police said.</p>
<p>No group immediately claimed responsibility for the blast, but the al-Shabaab militant group has carried out similar attacks in the capital in the past, officials said.</p></article>
<footer>Copyright Horn Dispatch</footer></body></html>`;

const rss = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Tihama News</title><link>${base}/</link>
<item><title>قصف يقتل صيادين في الخوخة</title><link>${base}/news/khokha</link><guid>khokha-1</guid><pubDate>Tue, 03 Sep 2024 07:00:00 GMT</pubDate>
<description>قتلى بقصف في الخوخة</description><content:encoded><![CDATA[${FULL_ITEM}]]></content:encoded></item>
<item><title>Car bomb kills four in Mogadishu market</title><link>${base}/page/bakara.html</link><guid>bakara-1</guid><pubDate>Tue, 03 Sep 2024 10:00:00 GMT</pubDate>
<description>A car bomb exploded near the Bakara market...</description></item>
</channel></rss>`;

const hits = new Map<string, number>();
let base = '';
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const path = req.url ?? '/';
  hits.set(path, (hits.get(path) ?? 0) + 1);
  const send = (status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, headers);
    res.end(body);
  };
  switch (path) {
    case '/feed.xml':
      if (req.headers['if-none-match'] === '"v1"') return send(304, '');
      return send(200, rss(base), { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' });
    case '/page/bakara.html':
      return send(200, PAGE, { 'content-type': 'text/html; charset=utf-8' });
    case '/slow.xml':
      setTimeout(() => send(200, rss(base)), 1500).unref();
      return;
    case '/broken.xml':
      return send(500, 'Internal Server Error');
    case '/flaky.xml':
      return hits.get(path) === 1 ? send(503, 'busy') : send(200, rss(base), { 'content-type': 'application/rss+xml' });
    case '/malformed.xml':
      return send(200, '<rss><channel><title>Broken</title><item><title>unclosed', { 'content-type': 'application/rss+xml' });
    case '/loop.xml':
      return send(302, '', { location: '/loop.xml' });
    case '/gone.xml':
      return send(404, 'Not Found');
    default:
      return send(404, 'Not Found');
  }
});

const policy: FetchPolicy = { timeoutMs: 400, retries: 2, backoffMs: 20, maxBytes: 1024 * 1024, userAgent: 'marsad-test' };
let store: Store;

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = openStore(join(mkdtempSync(join(tmpdir(), 'marsad-feeds-')), 'feeds.db'));
});
after(async () => {
  await store.close();
  server.closeAllConnections();
  server.close();
});

async function feed(path: string) {
  await store.addFeed(`${base}${path}`, null);
  return (await store.feeds()).find((f) => f.url === `${base}${path}`) as Awaited<ReturnType<Store['feeds']>>[number];
}

describe('feeds', () => {
  it('ingests full items from the feed and fetches the page of a summary-only item; a second poll is a 304', async () => {
    const result = await pollFeed(await feed('/feed.xml'), store, { intervalSeconds: 300, policy });
    assert.equal(result.status, 'ok');
    assert.equal(result.items, 2);
    assert.equal(result.added, 2);
    assert.equal(hits.get('/page/bakara.html'), 1);
    const events = await store.events();
    const bomb = events.find((e) => e.location === 'Mogadishu');
    assert.ok(bomb, `the Mogadishu car bomb in ${events.map((e) => e.location).join(', ')}`);
    const article = await store.article(bomb.article_ids[0]);
    assert.equal(article?.url, `${base}/news/mogadishu-car-bomb`);
    assert.equal(article?.outlet, 'Tihama News', 'the feed names the outlet');
    assert.equal(article?.published, '2024-09-03');
    assert.ok(events.some((e) => e.admin1 === 'Al Hudaydah' || e.country === 'Yemen'), 'the Khokha shelling from the full item');

    const state = (await store.feeds()).find((f) => f.url === `${base}/feed.xml`);
    assert.equal(state?.etag, '"v1"');
    assert.equal(state?.itemsSeen, 2);
    const again = await pollFeed(state as NonNullable<typeof state>, store, { intervalSeconds: 300, policy });
    assert.equal(again.status, 'not-modified');
    assert.equal(hits.get('/page/bakara.html'), 1, 'nothing fetched again');
  });

  it('records each failure in the feed state, retries what may pass, backs off, and never stops the other feeds', async () => {
    for (const path of ['/slow.xml', '/broken.xml', '/malformed.xml', '/loop.xml', '/gone.xml', '/flaky.xml']) await feed(path);
    const now = new Date('2030-01-01T00:00:00Z');
    const results = await pollDueFeeds(store, { intervalSeconds: 300, policy, now: () => now, concurrency: 3 });
    const by = (path: string) => results.find((r) => r.feed === `${base}${path}`);
    assert.match(by('/slow.xml')?.error ?? '', /no answer within 0.4 s after 3 tries/);
    assert.match(by('/broken.xml')?.error ?? '', /HTTP 500 after 3 tries/);
    assert.equal(hits.get('/broken.xml'), 3);
    assert.match(by('/malformed.xml')?.error ?? '', /./);
    assert.equal(by('/malformed.xml')?.status, 'failed');
    assert.match(by('/loop.xml')?.error ?? '', /too many redirects/);
    assert.equal(by('/gone.xml')?.error, 'HTTP 404');
    assert.equal(hits.get('/gone.xml'), 1, 'a 404 is not retried');
    assert.equal(by('/flaky.xml')?.status, 'ok', 'a 503 once, then served');

    const states = await store.feeds();
    const broken = states.find((f) => f.url === `${base}/broken.xml`);
    assert.equal(broken?.failures, 1);
    assert.equal(broken?.nextPollAt, new Date(now.getTime() + 600_000).toISOString(), 'the interval doubles after a failure');
    // The failing feeds are not due again yet; the healthy one polled earlier is not either.
    const nothingDue = await pollDueFeeds(store, { intervalSeconds: 300, policy, now: () => new Date(now.getTime() + 60_000) });
    assert.equal(nothingDue.length, 0);
  });
});

describe('feeds on PostgreSQL', { skip: postgresUrl ? false : 'MARSAD_TEST_PG is not set' }, () => {
  it('watch fetches the new items and queues them for the workers, storing none itself', async () => {
    const url = await freshDatabase('watch_queue');
    const marsad = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'marsad.js'), ...args, '--db', url]);
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    try {
      assert.equal((await marsad('feeds', 'add', `${base}/feed.xml`)).code, 0);
      const watched = await marsad('watch', '--once');
      assert.equal(watched.code, 0, watched.stderr);
      assert.match(watched.stderr, /2 new items, 2 queued for the workers/);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const jobs = (await client.query("SELECT data->>'text' AS text, state FROM pgboss.job WHERE name = 'marsad-articles' ORDER BY 1")).rows;
      const articles = (await client.query('SELECT count(*)::int AS n FROM articles')).rows[0].n;
      await client.end();
      assert.deepEqual(jobs.map((j) => j.state), ['created', 'created']);
      assert.ok(jobs.some((j) => j.text.includes('police said')), 'the page of a summary-only item was fetched');
      assert.equal(articles, 0);
      const again = await marsad('watch', '--once');
      assert.match(again.stderr, /not modified/);
    } finally {
      await dropDatabase(url);
    }
  });
});
