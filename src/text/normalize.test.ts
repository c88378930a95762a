import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  foldAlefMaqsura,
  foldDigits,
  foldHamzaCarriers,
  foldKey,
  foldPunctuation,
  foldQuotes,
  foldTaMarbuta,
  normalizeForMatching,
  stripDiacritics,
  stripTatweel,
  toOriginalSpan,
  unifyAlef,
} from './normalize.ts';
import { tokenize } from './tokenize.ts';

const applyFold = (fold: (ch: string) => string | undefined, text: string) => [...text].map((c) => fold(c) ?? c).join('');

describe('character folds', () => {
  const cases: [string, (ch: string) => string | undefined, string, string][] = [
    ['stripDiacritics', stripDiacritics, 'حلّقت طائراتُها', 'حلقت طائراتها'],
    ['stripDiacritics (tanween)', stripDiacritics, 'هجوماً', 'هجوما'],
    ['stripTatweel', stripTatweel, 'الصـــواريخ', 'الصواريخ'],
    ['unifyAlef', unifyAlef, 'أإآٱ', 'اااا'],
    ['foldHamzaCarriers', foldHamzaCarriers, 'مسؤول كتائب', 'مسوول كتايب'],
    ['foldAlefMaqsura', foldAlefMaqsura, 'على مستشفى', 'علي مستشفي'],
    ['foldTaMarbuta', foldTaMarbuta, 'مدينة', 'مدينه'],
    ['foldDigits (Arabic-Indic)', foldDigits, '١٥ هجوماً', '15 هجوماً'],
    ['foldDigits (Persian)', foldDigits, '۲۰۲۲', '2022'],
    ['foldPunctuation', foldPunctuation, 'الأحد، ماذا؟ ؛', 'الأحد, ماذا? ;'],
    ['foldQuotes', foldQuotes, '“الأناضول” «سانا» ‘x’', '"الأناضول" "سانا" \'x\''],
  ];
  for (const [name, fold, input, expected] of cases) {
    it(`${name}: ${input}`, () => assert.equal(applyFold(fold, input), expected));
  }
});

describe('normalizeForMatching keeps a map back to the original', () => {
  const texts = [
    'استهدف قصفٌ صاروخيّ الليلةَ الماضية، حقلَ العمر النفطي',
    'الصـــواريخ ١٥ “الأناضول”',
    'U.S. forces said on Tuesday: “No casualties”.',
    'سماء القرية',
  ];
  for (const text of texts) {
    it(`round-trips every token of: ${text}`, () => {
      const normalized = normalizeForMatching(text);
      assert.equal(normalized.offsets.length, normalized.key.length + 1);
      for (const token of tokenize(text).tokens) {
        const original = text.slice(token.start, token.end);
        // The original span folds back to exactly the token's key (dotted acronyms lose their dots).
        assert.equal(foldKey(original).replaceAll('.', ''), token.key.replaceAll('.', ''), `token ${token.key}`);
      }
    });
  }
  it('extends a span over trailing diacritics so evidence keeps the whole word', () => {
    const text = 'حلّقت طائراتُها';
    const n = normalizeForMatching(text);
    const [start, end] = toOriginalSpan(n, n.key.indexOf('ط'), n.key.length);
    assert.equal(text.slice(start, end), 'طائراتُها');
  });
});

describe('sentences', () => {
  it('splits at full stops and line breaks, not inside U.S. or Jan.', () => {
    const t = tokenize('U.S. forces struck on Jan. 9. Two died.\nسقطت صواريخ. لا إصابات؟');
    assert.deepEqual(
      t.sentences.map((s) => t.text.slice(s.start, s.end)),
      ['U.S. forces struck on Jan. 9.', 'Two died.', 'سقطت صواريخ.', 'لا إصابات؟'],
    );
    assert.deepEqual(t.sentences.map((s) => s.paragraph), [0, 0, 1, 1]);
  });
});
