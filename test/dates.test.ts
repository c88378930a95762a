import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readDateCases, scoreDateCase, summarize } from '../src/evaluate/dates.ts';

const CASES = join(import.meta.dirname, 'fixtures', 'time', 'expressions.jsonl');

describe('the date expression test set (test/fixtures/time)', () => {
  const cases = readDateCases(CASES);
  const outcomes = cases.map(scoreDateCase);

  it('holds at least 200 Arabic and 100 English expressions', () => {
    assert.ok(cases.filter((c) => c.lang === 'ar').length >= 200);
    assert.ok(cases.filter((c) => c.lang === 'en').length >= 100);
  });

  // The aim is 97% exact; the floor catches a regression without pinning today's figure.
  it('resolves at least 97% to the exact day and 97% to the right precision', () => {
    const s = summarize(outcomes);
    assert.ok(s.exactDay / s.total >= 0.97, `exact day ${s.exactDay}/${s.total}`);
    assert.ok(s.precision / s.total >= 0.97, `precision ${s.precision}/${s.total}`);
  });

  it('never gives a date where the gold has none (nonsense dates, no publication date)', () => {
    const wrong = outcomes.filter((o) => o.gold.date === null && o.gold.kind === 'point' && o.found?.date);
    assert.deepEqual(wrong.map((o) => o.gold.sentence), []);
  });
});
