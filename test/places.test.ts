import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readPlaceCases, scorePlaceCase } from '../src/evaluate/places.ts';

const CASES = join(import.meta.dirname, 'fixtures', 'places', 'mentions.jsonl');

describe('the geocoding test set (test/fixtures/places)', () => {
  const cases = readPlaceCases(CASES);
  const outcomes = cases.map(scorePlaceCase);
  const share = (f: (o: (typeof outcomes)[number]) => boolean, of = outcomes) => of.filter(f).length / of.length;

  it('holds at least 200 Arabic and 100 English mentions', () => {
    assert.ok(cases.filter((c) => c.lang === 'ar').length >= 200);
    assert.ok(cases.filter((c) => c.lang === 'en').length >= 100);
  });

  // The aims are 95% at admin1 and 90% within 10 km; these floors catch regressions.
  it('places at least 95% in the right admin1 and 90% within 10 km', () => {
    assert.ok(share((o) => o.admin1) >= 0.95, `admin1 ${share((o) => o.admin1)}`);
    assert.ok(share((o) => o.within10km) >= 0.9, `within 10 km ${share((o) => o.within10km)}`);
  });

  it('leaves a place the gazetteer lacks at its governorate, precision 3, never at a random town', () => {
    const missing = outcomes.filter((o) => o.gold.expect === 'admin1-only');
    assert.ok(missing.length >= 10);
    const wrongTown = missing.filter((o) => o.choice && o.choice.precision < 3 && !o.admin1);
    assert.deepEqual(wrongTown.map((o) => `${o.gold.sentence} → ${o.choice?.location}`), []);
    assert.ok(share((o) => o.choice?.precision === 3, missing) >= 0.8);
  });
});
