import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ExtractionResult } from '../src/contracts/record.ts';
import { runEvaluation } from '../src/evaluate/run.ts';
import { extractArticle } from '../src/pipeline.ts';

const GOLD = join(import.meta.dirname, '..', 'corpus', 'samples', 'gold.jsonl');
const articles = readFileSync(GOLD, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string; published: string });

describe('the project\'s own sample articles', () => {
  // Floors, not targets: they catch a regression; the closing note reports the figures.
  it('scores at least F1 0.85 on events and agrees on sub-event types', () => {
    const { totals } = runEvaluation(GOLD);
    assert.ok(totals.events.f1 >= 0.85, `event F1 ${totals.events.f1.toFixed(3)}`);
    assert.ok(totals.newsEvents.f1 >= 0.8, `news event F1 ${totals.newsEvents.f1.toFixed(3)}`);
    assert.ok(totals.fields.subEventType >= 0.9, `sub-event type agreement ${totals.fields.subEventType}`);
    assert.ok(totals.fields.fatalities >= 0.8, `fatalities agreement ${totals.fields.fatalities}`);
  });

  it('yields no event from the economy story', () => {
    const economy = articles.find((a) => a.id === 'aden-rial')!;
    assert.deepEqual(extractArticle(economy).events, []);
  });

  it('links a strike to the separate, earlier attack it answers (related: retaliation_for)', () => {
    for (const id of ['gaza-airstrike', 'albukamal-strikes']) {
      const a = articles.find((x) => x.id === id)!;
      const { events } = extractArticle(a);
      const reply = events.find((e) => e.related.length > 0);
      assert.ok(reply, `${id}: a retaliation`);
      const answered = events.find((e) => e.event_id === reply.related[0].event_id);
      assert.ok(answered, `${id}: the answered attack is one of the article's events`);
      assert.equal(reply.related[0].relation, 'retaliation_for');
      assert.ok(answered.event_date! < reply.event_date!, `${id}: the answered attack is earlier`);
    }
  });

  it('every result validates against the record schema', () => {
    for (const a of articles) ExtractionResult.parse(extractArticle(a));
  });
});
