import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runEvaluation } from '../src/evaluate/run.ts';
import { extractArticle } from '../src/pipeline.ts';

// The seed lives in ../shared (read-only, not ours to copy); CI lays it beside the clone.
const SEED = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'seed', 'gold.jsonl');

describe('the seed article, through the scorer', { skip: !existsSync(SEED) && 'no ../shared/corpus/seed' }, () => {
  it('finds the 4 gold events and nothing else, all fields agreeing', () => {
    const { totals } = runEvaluation(SEED);
    assert.equal(totals.events.gold, 4);
    assert.equal(totals.events.extracted, 4);
    assert.equal(totals.events.matched, 4);
    assert.equal(totals.newsEvents.matched, 1);
    for (const [field, share] of Object.entries(totals.fields)) assert.equal(share, 1, `${field} agrees on every pair`);
  });

  const gold = JSON.parse(readFileSync(SEED, 'utf8').split('\n')[0]) as {
    text: string;
    published: string;
    claims: { kind: "responsibility" | "statistic" | "statement"; evidence: { start: number; end: number }[] }[];
  };
  const result = extractArticle({ id: 'omar-oilfield', text: gold.text, published: gold.published });
  const news = result.events.find((e) => !e.background)!;

  it('codes the exchange of fire as one Armed clash with a suspected attacker', () => {
    assert.equal(news.sub_event_type, 'Armed clash');
    assert.equal(news.event_date, '2022-01-09');
    assert.equal(news.actor1, 'Unidentified Armed Group (Syria)');
    assert.equal(news.actor1_certainty, 'suspected');
    assert.equal(news.actor1_suspected, 'Iran-backed militias');
    assert.equal(news.actor2, 'Military Forces of the United States');
    assert.equal(news.fatalities, 0);
    assert.deepEqual(news.means, ['rockets']);
    assert.equal(news.location, 'Al-Omar oil field');
    assert.equal(news.geo_precision, 1);
  });

  it('keeps the three recalled events as background with their own dates', () => {
    const recalled = result.events.filter((e) => e.background).map((e) => [e.event_date, e.time_precision, e.sub_event_type]);
    assert.deepEqual(recalled, [
      ['2021-12-20', 3, 'Air/drone strike'],
      ['2021-12-15', 3, 'Shelling/artillery/missile attack'],
      ['2021-06-15', 3, 'Shelling/artillery/missile attack'],
    ]);
  });

  it('finds the responsibility claim, the statistic and the quoted statement, with the gold spans', () => {
    const byKind = new Map(result.claims.map((c) => [c.kind, c]));
    assert.equal(byKind.get('responsibility')?.speaker, 'Kataib Sayyid al-Shuhada');
    assert.equal(byKind.get('statistic')?.value, 15);
    assert.equal(byKind.get('statistic')?.since, '2017-05');
    assert.equal(byKind.get('statement')?.speaker, 'Jen Psaki (White House)');
    assert.equal(byKind.get('statement')?.date, '2022-01-06');
    for (const goldClaim of gold.claims) {
      const ours = byKind.get(goldClaim.kind);
      assert.deepEqual(
        ours?.evidence.map((s) => [s.start, s.end]),
        goldClaim.evidence.map((s) => [s.start, s.end]),
        `${goldClaim.kind} evidence`,
      );
    }
  });

  it('every evidence span is a slice of the original text', () => {
    for (const e of result.events) for (const span of e.evidence) assert.equal(gold.text.slice(span.start, span.end), span.text);
  });

  it('gives the same event ids when run twice', () => {
    const again = extractArticle({ id: 'omar-oilfield', text: gold.text, published: gold.published });
    assert.deepEqual(again.events.map((e) => e.event_id), result.events.map((e) => e.event_id));
  });
});
