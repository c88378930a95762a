import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type IngestProgress, ingestPaths } from '../src/ingest/run.ts';
import { buildApp } from '../src/serve/app.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { SqliteStore } from '../src/store/sqlite/store.ts';
import { syntheticRecord } from '../scripts/store/synthetic.ts';

/**
 * The web map in Debian's Chromium (installed by .ci/run; never a downloaded browser), against the
 * demo corpus and against 10,000 synthetic events. Screenshots go to artifacts/ (not committed).
 */
const ROOT = join(import.meta.dirname, '..');
const WEB = join(ROOT, 'web', 'dist');
const ARTIFACTS = join(ROOT, 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const silent: IngestProgress = { start() {}, update() {}, problem() {}, stop() {} };
const work = mkdtempSync(join(tmpdir(), 'marsad-browser-'));

let browser: Browser;
let demo: { store: Store; app: FastifyInstance; url: string };

async function serve(store: Store) {
  const app = await buildApp({ store, webRoot: WEB, readsPerMinute: 100_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { store, app, url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

async function loaded(page: Page, times = 1): Promise<void> {
  await page.waitForFunction((n) => Number(document.body.dataset.loaded ?? 0) >= n, times, { timeout: 30_000 });
}

const count = (page: Page) => page.$eval('#count', (el) => Number((el as HTMLElement).dataset.count));

before(async () => {
  assert.ok(existsSync(join(WEB, 'index.html')), 'web/dist is built by `npm install` (npm run build:web)');
  assert.ok(existsSync(CHROMIUM), `Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const store = openStore(join(work, 'demo.db'));
  await ingestPaths([join(ROOT, 'corpus', 'samples'), join(ROOT, 'corpus', 'merge')], store, silent);
  demo = await serve(store);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // Playwright gives the browser a fresh, empty profile of its own (it refuses --user-data-dir here).
  });
});

after(async () => {
  await browser?.close();
  await demo?.app.close();
  await demo?.store.close();
});

describe('the web map', () => {
  it('shows the demo events as markers, a legend, a timeline and the list', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(demo.url);
    await loaded(page);
    const events = await count(page);
    assert.ok(events > 20, `${events} events`);
    const markers = await page.$$eval('.leaflet-overlay-pane path.leaflet-interactive, .marker-cluster', (els) => els.length);
    assert.ok(markers > 3, `${markers} markers or clusters`);
    assert.ok(await page.isVisible('#legend .legend-types'));
    assert.ok(await page.isVisible('#timeline .uplot'));
    assert.equal(await page.$$eval('#events button[data-id]', (els) => els.length), Math.min(events, 300));
    await page.screenshot({ path: join(ARTIFACTS, 'map-1280.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('filters by type, keeps the filter in the URL, and the count follows', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(demo.url);
    await loaded(page);
    const all = await count(page);
    await page.getByLabel('Event type', { exact: true }).selectOption('Protests');
    await loaded(page, 2);
    const protests = await count(page);
    assert.ok(protests > 0 && protests < all, `${protests} protests of ${all}`);
    assert.match(page.url(), /event_type=Protests/);
    const types = await page.$$eval('#events .what', (els) => els.map((e) => e.textContent));
    assert.ok(types.every((t) => /protest/i.test(t ?? '')), types.join(', '));
    await page.close();
  });

  it('sets the date filter by dragging across the timeline', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(demo.url);
    await loaded(page);
    const all = await count(page);
    const box = await page.locator('#timeline .u-over').boundingBox();
    assert.ok(box, 'the timeline plot area');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, y, { steps: 8 });
    await page.mouse.up();
    await loaded(page, 2);
    const url = new URL(page.url());
    assert.match(url.searchParams.get('from') ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.match(url.searchParams.get('to') ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), url.searchParams.get('from'));
    assert.ok((await count(page)) < all);
    await page.close();
  });

  it('opens an event card with the Arabic evidence highlighted right to left, then its article with every coded span', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${demo.url}/?min_sources=3&event_type=Protests`);
    await loaded(page);
    await page.click('#events button[data-id]');
    await page.waitForSelector('.card');
    const rtl = page.locator('.card blockquote.evidence[dir="rtl"]');
    assert.ok((await rtl.count()) >= 1, 'Arabic evidence laid out right to left');
    assert.ok((await rtl.first().locator('mark.span').count()) >= 1, 'spans highlighted in the Arabic');
    assert.equal(await rtl.first().getAttribute('lang'), 'ar');
    assert.ok(await page.isVisible('.card .certainty .badge'));
    assert.ok(await page.isVisible('.card .note[lang="en"]'));
    assert.equal(await page.locator('.card .sources > li').count(), 3);
    await page.screenshot({ path: join(ARTIFACTS, 'event-card.png') });
    await page.locator('.card a[href^="#article/"]').first().click();
    await page.waitForSelector('.article-text');
    const kinds = await page.$$eval('.article-text mark.span', (els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.kind))]);
    assert.ok(kinds.includes('trigger') && kinds.includes('place') && kinds.length >= 3, kinds.join(', '));
    await page.screenshot({ path: join(ARTIFACTS, 'article-view.png') });
    await page.close();
  });

  it('follows a shared link to the same filters and the same open card', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${demo.url}/?country=Yemen`);
    await loaded(page);
    const id = await page.getAttribute('#events button[data-id]', 'data-id');
    const shared = `${demo.url}/?country=Yemen#event/${id}`;
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await other.goto(shared);
    await loaded(other);
    await other.waitForSelector('.card');
    assert.equal(await other.getByLabel('Country').inputValue(), 'Yemen');
    assert.match((await other.textContent('.card table')) ?? '', new RegExp(id as string));
    assert.equal(await count(other), await count(page));
    await page.close();
    await other.close();
  });

  it('works from the keyboard with labelled controls', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(demo.url);
    await loaded(page);
    for (const label of ['Country', 'Region (admin1)', 'Event type', 'Sub-event type', 'Actor', 'From', 'To', 'At least this many sources', 'Place precision', 'Words in the evidence']) {
      assert.equal(await page.getByLabel(label, { exact: true }).count(), 1, `a control labelled "${label}"`);
    }
    await page.focus('#events button[data-id]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.card');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'detail', 'focus moves to the card');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (document.getElementById('detail') as HTMLElement).hidden);
    await page.close();
  });

  it('is usable at phone width: no sideways scrolling, the map and the list on screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(demo.url);
    await loaded(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 391, `page is ${width}px wide`);
    assert.ok(await page.isVisible('#map'));
    assert.ok(await page.isVisible('#events button[data-id]'));
    await page.screenshot({ path: join(ARTIFACTS, 'map-390.png'), fullPage: true });
    await page.close();
  });

  it('draws the escalation between two actors per month', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${demo.url}/#escalation?a=${encodeURIComponent('Military Forces of Yemen Houthi')}&b=${encodeURIComponent('Military Forces of Yemen Presidential Leadership Council')}`);
    await page.waitForSelector('.escalation-table');
    assert.match((await page.textContent('.escalation')) ?? '', /\d+ events between them/);
    assert.ok((await page.locator('.escalation-table tbody tr').count()) >= 1);
    await page.close();
  });

  it('loads and renders 10,000 events and stays responsive', async (t) => {
    const store = openStore(join(work, 'ten-thousand.db'));
    assert.ok(store instanceof SqliteStore);
    store.bulkLoadEvents(Array.from({ length: 10_000 }, (_, i) => ({ ...syntheticRecord(i, 0, 11), event_id: `SYN-${i}` })));
    const big = await serve(store);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const started = Date.now();
      await page.goto(big.url);
      await loaded(page);
      const wall = Date.now() - started;
      assert.equal(await count(page), 10_000);
      const metrics = (await page.evaluate(() => (window as unknown as { marsadMetrics: Record<string, number> }).marsadMetrics)) as Record<string, number>;
      // The page still answers: a filter change goes through while 10,000 markers are on the map.
      await page.getByLabel('Event type', { exact: true }).selectOption('Battles');
      await loaded(page, 2);
      assert.ok((await count(page)) < 10_000);
      t.diagnostic(`10,000 events: data loaded and first markers drawn in ${metrics.firstRenderMs.toFixed(0)} ms, interactive in ${metrics.interactiveMs.toFixed(0)} ms (page load to interactive ${wall} ms)`);
      await page.screenshot({ path: join(ARTIFACTS, 'map-10000.png') });
      await page.close();
    } finally {
      await big.app.close();
      await store.close();
    }
  });
});
