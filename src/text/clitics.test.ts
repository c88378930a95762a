import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Matcher } from '../lexicon/matcher.ts';
import { cliticStems } from './clitics.ts';
import { foldKey } from './normalize.ts';
import { tokenize } from './tokenize.ts';

describe('cliticStems', () => {
  const cases: [string, string[]][] = [
    ['والقوات', ['قوات', 'القوات']],
    ['بالقوات', ['قوات']],
    ['للقوات', ['قوات']],
    ['فبالصواريخ', ['صواريخ']],
    ['وكالمدنيين', ['مدنيين']],
    ['صاروخاً', ['صاروخ']],
  ];
  for (const [word, expected] of cases) {
    it(word, () => {
      const stems = cliticStems(foldKey(word));
      for (const e of expected) assert.ok(stems.includes(foldKey(e)), `${word} → ${stems.join(' ')}`);
    });
  }
  it('keeps a short word whole: بلد is not ب + لد alone', () => {
    assert.equal(cliticStems(foldKey('بلد'))[0], 'بلد');
  });
});

describe('clitic-aware matching with a toy lexicon', () => {
  const matcher = new Matcher<{ kind: string; id: string }>();
  matcher.add({ kind: 'actor', id: 'actor.us' }, ['القوات الأمريكية', 'US forces']);
  matcher.add({ kind: 'trigger', id: 'trigger.target' }, ['استهدف*']);
  const find = (text: string) => matcher.matchAll(tokenize(text).tokens).map((m) => m.item.id);
  const cases: [string, string[]][] = [
    ['والقوات الأميركية', ['actor.us']],
    ['بالقوات الأمريكية', ['actor.us']],
    ['للقوات الأميركيّة', ['actor.us']],
    ['وقالت القوات الامريكية', ['actor.us']],
    ['U.S. forces', ['actor.us']],
    ['استهدفت طائرة', ['trigger.target']],
    ['واستهدفوا', ['trigger.target']],
    ['القوات الروسية', []],
  ];
  for (const [text, ids] of cases) it(text, () => assert.deepEqual(find(text), ids));
});

describe('gapped forms', () => {
  const matcher = new Matcher<{ kind: string; id: string }>();
  matcher.add({ kind: 'trigger', id: 'trigger.arrest' }, ['ألقت … القبض']);
  const find = (text: string) => matcher.matchAll(tokenize(text).tokens).map((m) => m.item.id);
  const cases: [string, string[]][] = [
    ['ألقت القبض على مطلوب', ['trigger.arrest']],
    ['ألقت الأجهزة الأمنية القبض على مطلوب', ['trigger.arrest']],
    ['ألقت قوات الأمن العراقية في كركوك القبض', []],
    ['ألقت الشرطة، القبض', []],
  ];
  for (const [text, ids] of cases) it(text, () => assert.deepEqual(find(text), ids));
});
