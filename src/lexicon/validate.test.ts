import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from '../text/index.ts';
import { getLexicon } from './index.ts';
import { formKeys, Matcher } from './matcher.ts';

const lexicon = getLexicon();
const { data } = lexicon;

describe('data/ is valid', () => {
  it('loads and compiles every file', () => {
    assert.ok(data.triggers.length > 50 && data.actors.length > 200 && data.places.length > 1000);
  });

  it('a wildcard keeps at least three letters before its *', () => {
    const bad: string[] = [];
    const all = [...data.triggers, ...data.actors, ...data.places, ...data.means, ...data.sources, ...data.time, ...[...data.cues.values()].flat()];
    for (const entry of all) {
      for (const form of [...entry.ar, ...entry.en]) {
        for (const key of formKeys(form)) if (key.prefix && key.key.length < 3) bad.push(`${entry.id}: "${form}"`);
      }
    }
    assert.deepEqual(bad, [], 'shorten nothing below three letters; write the inflected forms out instead');
  });

  it('every trigger example is matched by its own entry', () => {
    const misses: string[] = [];
    for (const entry of data.triggers) {
      // Alone, so that a longer form of another entry cannot hide it.
      const own = new Matcher();
      own.add({ kind: 'trigger', id: entry.id }, [...entry.ar, ...entry.en]);
      for (const example of entry.examples) {
        if (own.matchAll(tokenize(example.text).tokens).length === 0) misses.push(`${entry.id}: ${example.text}`);
      }
    }
    assert.deepEqual(misses, []);
  });

  it('no alias belongs to two named actors', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const actor of data.actors.filter((a) => !a.template)) {
      for (const form of [...actor.ar, ...actor.en]) {
        const key = formKeys(form).map((k) => k.key).join(' ');
        const other = owner.get(key);
        if (other && other !== actor.id) clashes.push(`"${form}": ${other} and ${actor.id}`);
        owner.set(key, actor.id);
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('every place lies in an admin1 unit its country has', () => {
    const admin1 = new Set(data.places.filter((p) => p.kind === 'admin1').map((p) => `${p.country}/${p.name}`));
    const countries = new Set(data.places.filter((p) => p.kind === 'country').map((p) => p.name));
    const bad = data.places
      .filter((p) => p.kind !== 'country' && p.admin1 && countries.has(p.country) && [...admin1].some((a) => a.startsWith(`${p.country}/`)))
      .filter((p) => !admin1.has(`${p.country}/${p.admin1}`))
      .map((p) => `${p.id}: admin1 "${p.admin1}"`);
    assert.deepEqual(bad, []);
  });
});
