import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const BIN = join(import.meta.dirname, '..', 'bin', 'marsad.js');
const dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));

function marsad(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const ARTICLE = 'شنت طائرات حربية غارات على مواقع في ريف إدلب فجر اليوم، ما أسفر عن مقتل ثلاثة مدنيين.';

describe('marsad extract on bad input: one clear line, exit 1, no stack trace', () => {
  const cases: [string, () => string, RegExp][] = [
    ['an empty file', () => file('empty.txt', ''), /empty/],
    ['a file of white space', () => file('blank.txt', '  \n\n '), /no text/],
    ['a binary file', () => file('binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48])), /binary/],
    ['invalid UTF-8', () => file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe])), /not valid UTF-8/],
    ['a 50 MB file', () => file('huge.txt', Buffer.alloc(50 * 1024 * 1024, 0x61)), /over the 2 MB limit/],
    ['a missing file', () => join(dir, 'nope.txt'), /cannot be read \(ENOENT\)/],
    ['a folder', () => dir, /is a folder/],
  ];
  for (const [name, make, message] of cases) {
    it(name, () => {
      const r = marsad(['extract', make()]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });
  }
  it('a malformed --published date', () => {
    const r = marsad(['extract', file('ok.txt', ARTICLE), '--published', '2022-13-45']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /--published/);
  });
});

describe('marsad extract --jsonl: one line out per line in, in order; bad lines get an error object', () => {
  const lines = [
    JSON.stringify({ id: 'a', text: ARTICLE, published: '2024-05-02' }),
    '{not json',
    JSON.stringify({ id: 'b', published: '2024-05-02' }),
    '',
    JSON.stringify({ id: 'c', text: 'Protesters rallied peacefully in Baghdad on Friday.', published: '2024-05-04', lang: 'en' }),
    JSON.stringify({ id: 'd', text: 'x', published: 'yesterday' }),
  ].join('\n');
  it('keeps going after bad lines', () => {
    const r = marsad(['extract', '--jsonl', file('batch.jsonl', lines)]);
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(out.length, 5);
    assert.equal(out[0].id, 'a');
    assert.ok(out[0].events.length >= 1);
    assert.deepEqual(Object.keys(out[1]).sort(), ['error', 'line']);
    assert.match(out[1].error, /line 2: not valid JSON/);
    assert.equal(out[2].id, 'b');
    assert.match(out[2].error, /missing "text"/);
    assert.equal(out[3].id, 'c');
    assert.ok(Array.isArray(out[3].events));
    assert.equal(out[4].id, 'd');
    assert.match(out[4].error, /published/);
  });
  it('reads standard input', () => {
    const r = marsad(['extract', '--jsonl', '-'], `${JSON.stringify({ id: 'x', text: ARTICLE, published: '2024-05-02' })}\n`);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).id, 'x');
  });
  it('a line of broken UTF-8 is that line\'s error only', () => {
    const good = Buffer.from(`${JSON.stringify({ id: 'g', text: ARTICLE })}\n`);
    const bad = Buffer.concat([Buffer.from('{"id":"h","text":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]);
    const r = marsad(['extract', '--jsonl', file('mixed.jsonl', Buffer.concat([good, bad, good]))]);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(out.length, 3);
    assert.match(out[1].error, /UTF-8/);
    assert.equal(out[2].id, 'g');
  });
  it('a batch file that cannot be read at all exits non-zero', () => {
    const r = marsad(['extract', '--jsonl', join(dir, 'missing.jsonl')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cannot be read/);
  });
});

describe('other commands', () => {
  it('schema prints the JSON Schema of the record', () => {
    const r = marsad(['schema']);
    const schema = JSON.parse(r.stdout);
    assert.ok(schema.EventRecord.properties.sub_event_type.enum.includes('Armed clash'));
    assert.ok(schema.EventRecord.required.includes('event_date'));
  });
  it('extract --format table prints the events', () => {
    const r = marsad(['extract', file('table.txt', ARTICLE), '--published', '2024-05-02', '--format', 'table']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Air\/drone strike/);
  });
  it('dates prints each expression with its resolution', () => {
    const r = marsad(['dates', 'قتل شخصان أمس الثلاثاء', '--published', '2023-03-08']);
    assert.match(r.stdout, /2023-03-07/);
  });
});

describe('large and odd inputs', () => {
  it('a 1 MB text with no full stops is cut into bounded sentences and extracted', () => {
    const r = marsad(['extract', file('run-on.txt', 'قصف '.repeat(150_000)), '--published', '2024-01-01']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(Array.isArray(JSON.parse(r.stdout).events));
  });
  it('a text in another script yields nothing and no error', () => {
    const r = marsad(['extract', file('zh.txt', '这是中文新闻。没有事件。')]);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout).events, []);
  });
});

describe('store commands', () => {
  const db = join(dir, 'cli.db');
  it('ingest stores a folder, says what it added, and a second run skips every article', () => {
    const folder = join(dir, 'articles');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'one.txt'), ARTICLE);
    writeFileSync(join(folder, 'bad.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    const first = marsad(['ingest', folder, '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /2 files: 1 articles added .* 0 skipped as duplicates, 1 rejected/);
    assert.match(first.stderr, /bad\.txt: looks like a binary file/);
    assert.doesNotMatch(first.stderr, /\n\s+at /, 'no stack trace');
    const second = marsad(['ingest', folder, '--db', db]);
    assert.match(second.stdout, /0 articles added .* 1 skipped as duplicates/);
  });
  it('stats counts the stored events', () => {
    const r = marsad(['stats', '--db', db, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const stats = JSON.parse(r.stdout);
    assert.equal(stats.articles, 1);
    assert.ok(stats.byCountry.some((c: { key: string }) => c.key === 'Syria'));
  });
  it('feeds add refuses what is not an http(s) URL, and lists what it added', () => {
    const bad = marsad(['feeds', 'add', 'ftp://example.org/feed', '--db', db]);
    assert.equal(bad.code, 1);
    assert.equal(bad.stderr.trim(), 'marsad: ftp://example.org/feed: only http and https feeds can be watched');
    assert.equal(marsad(['feeds', 'add', 'https://example.org/rss', '--outlet', 'Example', '--db', db]).code, 0);
    assert.match(marsad(['feeds', 'list', '--db', db]).stdout, /https:\/\/example\.org\/rss\s+Example\s+0/);
  });
  it('a database that cannot be opened is one line, exit 1', () => {
    const r = marsad(['stats', '--db', join(dir, 'articles', 'one.txt', 'x.db')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^marsad: .*x\.db: cannot open the database/);
  });
});
