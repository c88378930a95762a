import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getLexicon } from '../lexicon/index.ts';
import { tokenize } from '../text/index.ts';
import { findNumbers } from './numbers.ts';

function numbersIn(text: string) {
  const t = tokenize(text);
  return findNumbers(t.tokens, getLexicon().match(t)).map((n) => ({ value: n.value, bound: n.bound, vague: n.vague }));
}

describe('number expressions', () => {
  const cases: [string, { value: number; bound?: string; vague?: boolean }][] = [
    ['15 هجوماً', { value: 15 }],
    ['١٥ هجوماً', { value: 15 }],
    ['أكثر من 20 صاروخاً', { value: 20, bound: 'lower' }],
    ['ما لا يقل عن 7 قتلى', { value: 7, bound: 'lower' }],
    ['نحو 15 هجوماً', { value: 15, bound: 'about' }],
    ['عدد من الصواريخ', { value: 3, vague: true }],
    ['عشرات المتظاهرين', { value: 12, vague: true }],
    ['مئات المحتجين', { value: 100, vague: true }],
    ['ثلاثة مدنيين', { value: 3 }],
    ['خمسة عشر شخصاً', { value: 15 }],
    ['ثلاثة وعشرين عنصراً', { value: 23 }],
    ['ثلاثة آلاف نازح', { value: 3000 }],
    ['at least five soldiers', { value: 5, bound: 'lower' }],
    ['twenty five people', { value: 25 }],
    ['dozens of protesters', { value: 12, vague: true }],
    ['1,200 families', { value: 1200 }],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const [first] = numbersIn(text);
      assert.ok(first, `no number in ${text}`);
      assert.equal(first.value, expected.value);
      if (expected.bound) assert.equal(first.bound, expected.bound);
      if (expected.vague !== undefined) assert.equal(first.vague, expected.vague);
    });
  }
  it('reads two units in a row as two numbers, not their sum', () => {
    assert.deepEqual(numbersIn('جثث القتلى الثلاثة وخمسة جرحى').map((n) => n.value), [3, 5]);
  });
  it('composes tens and units in each language\'s order only', () => {
    assert.deepEqual(numbersIn('خمسة وعشرون قتيلاً').map((n) => n.value), [25]);
    assert.deepEqual(numbersIn('twenty three soldiers').map((n) => n.value), [23]);
    assert.deepEqual(numbersIn('عشرون خمسة').map((n) => n.value), [20, 5]);
  });
  it('counts the dual of a noun for people as two', () => {
    assert.deepEqual(numbersIn('قتل مدنيان').map((n) => n.value), [2]);
    assert.deepEqual(numbersIn('إصابة طفلين').map((n) => n.value), [2]);
  });
  it('finds nothing in a text without numbers', () => assert.deepEqual(numbersIn('سقطت الصواريخ قرب القاعدة'), []));
});
