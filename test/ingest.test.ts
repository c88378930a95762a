import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { type IngestProgress, ingestPaths } from '../src/ingest/run.ts';
import { openStore, type Store } from '../src/store/index.ts';

const ROOT = join(import.meta.dirname, '..');
const SAMPLES = join(ROOT, 'corpus', 'samples');
const work = mkdtempSync(join(tmpdir(), 'marsad-ingest-'));
const stores: Store[] = [];
after(async () => {
  for (const s of stores) await s.close();
});

function quiet(): IngestProgress & { problems: string[] } {
  const problems: string[] = [];
  return { problems, start() {}, update() {}, problem: (m) => problems.push(m), stop() {} };
}

function freshStore(name: string): Store {
  const store = openStore(join(work, `${name}.db`));
  stores.push(store);
  return store;
}

const sampleTexts = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));

describe('ingest', () => {
  it('stores the sample articles once, and a second run adds nothing and changes nothing', async () => {
    const store = freshStore('idempotent');
    const first = await ingestPaths([SAMPLES], store, quiet());
    assert.equal(first.added, sampleTexts.length);
    // gold.jsonl carries the same texts: duplicates of the .txt files by their normalized text.
    assert.equal(first.duplicates, sampleTexts.length);
    const before = await store.stats();
    const eventsBefore = JSON.stringify(await store.events({ limit: 10_000 }));
    const second = await ingestPaths([SAMPLES], store, quiet());
    assert.equal(second.added, 0);
    assert.equal(second.duplicates, 2 * sampleTexts.length);
    assert.deepEqual(await store.stats(), before);
    assert.equal(JSON.stringify(await store.events({ limit: 10_000 })), eventsBefore);
    assert.ok(before.events > 10);
  });

  it('treats a copy that differs only in diacritics, spacing and alef forms as the same article', async () => {
    const store = freshStore('variants');
    const text = 'حلب - أفاد مراسلون بأن قصفاً مدفعياً استهدف بلدة الأتارب بريف حلب الغربي صباح اليوم، ما أدى إلى مقتل مدنيين اثنين.';
    const variant = `${text.replace('قصفاً', 'قصفا').replace('الأتارب', 'الاتارب').replace(/ /g, '  ')}\n`;
    writeFileSync(join(work, 'v1.txt'), text);
    writeFileSync(join(work, 'v2.txt'), variant);
    const summary = await ingestPaths([join(work, 'v1.txt'), join(work, 'v2.txt')], store, quiet());
    assert.equal(summary.added, 1);
    assert.equal(summary.duplicates, 1);
  });

  it('reports and skips the bad files of a folder, stores the good ones, and loses nothing already stored', async () => {
    const store = freshStore('corrupt');
    const folder = join(work, 'mixed');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    copyFileSync(join(SAMPLES, sampleTexts[0]), join(folder, 'good-1.txt'));
    await ingestPaths([folder], store, quiet());
    const stored = (await store.stats()).articles;
    copyFileSync(join(SAMPLES, sampleTexts[1]), join(folder, 'nested', 'good-2.txt'));
    writeFileSync(join(folder, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(join(folder, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]));
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'menu.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
    writeFileSync(
      join(folder, 'batch.jsonl'),
      [
        '{"id": "ok-1", "text": "BAGHDAD (Levant Wire) - Gunmen shot dead a shop owner in the Dora district of southern Baghdad on Tuesday night, police said.", "published": "2024-02-07"}',
        '{not json',
        '{"id": "no-text"}',
        '{"id": "bad-date", "text": "x", "published": "07/02/2024"}',
      ].join('\n'),
    );
    writeFileSync(join(folder, 'notes.md'), 'not an article');
    const log = quiet();
    const summary = await ingestPaths([folder, join(work, 'missing.txt')], store, log);
    assert.equal(summary.added, 2, 'good-2.txt and the good JSONL line');
    assert.equal(summary.duplicates, 1, 'good-1.txt, stored by the first run');
    assert.equal(summary.rejected, 8);
    assert.equal((await store.stats()).articles, stored + 2);
    for (const expected of [/binary\.txt: looks like a binary file/, /latin1\.txt: is not valid UTF-8/, /empty\.txt: the input is empty/, /menu\.html: no article text/, /line 2: not valid JSON/, /line 3: missing "text"/, /line 4: "published"/, /missing\.txt: cannot be read \(ENOENT\)/]) {
      assert.ok(log.problems.some((p) => expected.test(p)), `a problem matching ${expected} in ${log.problems.join(' | ')}`);
    }
    assert.ok(!log.problems.some((p) => p.includes('notes.md')), 'files of other kinds in a folder are passed over');
  });

  it('reads a news page: the article text, not its menus, with title, outlet, date and canonical URL', async () => {
    const store = freshStore('html');
    const page = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
      <title>قصف على بلدة في ريف درعا | شبكة حوران</title>
      <meta property="og:site_name" content="شبكة حوران">
      <meta property="article:published_time" content="2024-06-11T08:30:00+03:00">
      <link rel="canonical" href="https://horan.example/news/2024/06/11/shelling">
      </head><body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
      <article><h1>قصف على بلدة في ريف درعا</h1>
      <p>درعا - قُتل مدنيان وأصيب ثلاثة آخرون، مساء أمس الاثنين، جراء قصف مدفعي استهدف الأحياء السكنية في بلدة اليادودة غربي مدينة درعا، بحسب ما أفاد مراسل الشبكة.</p>
      <p>وقال مصدر محلي إن القذائف سقطت قرب مدرسة البلدة، ما تسبب بأضرار مادية في عدد من المنازل، فيما هرعت فرق الدفاع المدني إلى المكان لإسعاف المصابين ونقلهم إلى المشفى الوطني في المدينة.</p>
      <p>ولم تعلن أي جهة مسؤوليتها عن القصف حتى ساعة إعداد هذا التقرير.</p></article>
      <footer><p>جميع الحقوق محفوظة لشبكة حوران ٢٠٢٤</p></footer></body></html>`;
    writeFileSync(join(work, 'page.html'), page);
    const summary = await ingestPaths([join(work, 'page.html')], store, quiet());
    assert.equal(summary.added, 1);
    const [event] = await store.events();
    assert.ok(event, 'the shelling is extracted from the page');
    const article = await store.article(event.article_ids[0]);
    assert.equal(article?.url, 'https://horan.example/news/2024/06/11/shelling');
    assert.equal(article?.outlet, 'شبكة حوران');
    assert.equal(article?.published, '2024-06-11');
    assert.equal(article?.lang, 'ar');
    assert.match(article?.text ?? '', /^درعا - قُتل مدنيان/m);
    assert.doesNotMatch(article?.text ?? '', /الرئيسية|جميع الحقوق/);
    assert.equal(event.event_date, '2024-06-10');
    assert.equal(event.fatalities, 2);
  });

  it("reads a folder's manifest.json for its text files' dates and outlets, and reads JSONL batches before bare texts", async () => {
    const store = freshStore('manifest');
    const summary = await ingestPaths([join(ROOT, 'corpus', 'merge'), SAMPLES], store, quiet());
    assert.equal(summary.rejected, 0);
    const events = await store.events({ limit: 1000 });
    const merged = events.filter((e) => e.article_ids.length === 3);
    assert.equal(merged.length, 6, 'the six groups of corpus/merge, dated by the manifest, each merged');
    const outlets = new Set((await Promise.all(events.flatMap((e) => e.article_ids).map((id) => store.article(id)))).map((a) => a?.outlet));
    assert.ok(outlets.has('Levant Wire'));
    // The samples' gold.jsonl, with publication dates, is read before the bare .txt copies.
    const gaza = events.find((e) => e.location === 'Khan Younis');
    assert.equal(gaza?.event_date, '2023-08-17');
  });

  it('names an unreachable PostgreSQL server in its error, without the password', async () => {
    const store = openStore('postgres://user:secret@127.0.0.1:1/marsad');
    await assert.rejects(store.stats(), (e: Error) => e.message.startsWith('postgres://user:…@127.0.0.1:1/marsad: cannot open the database') && !e.message.includes('secret'));
    await store.close();
  });
});
