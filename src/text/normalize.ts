/**
 * Arabic and English normalization for matching. Every fold is its own named function over one
 * character; `normalizeForMatching` composes them into a lookup table and keeps, for each character
 * of the match key, the offset of the character it came from, so spans always point back into the
 * original text (house rule: folds apply to match keys, never to the text spans point into).
 */

/** A fold maps one UTF-16 code unit to its replacement ('' deletes it) or undefined to keep it. */
export type CharFold = (ch: string) => string | undefined;

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/;
export const stripDiacritics: CharFold = (ch) => (DIACRITICS.test(ch) ? '' : undefined);

export const stripTatweel: CharFold = (ch) => (ch === '\u0640' ? '' : undefined);

/** Bidi marks and zero-width joiners are invisible in news text but split words for a matcher. */
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/;
export const stripInvisibles: CharFold = (ch) => (INVISIBLES.test(ch) ? '' : undefined);

const ALEF_FORMS: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا' };
export const unifyAlef: CharFold = (ch) => ALEF_FORMS[ch];

/** Hamza on a carrier is written inconsistently across outlets (مسؤول/مسئول). */
const HAMZA_CARRIERS: Record<string, string> = { 'ؤ': 'و', 'ئ': 'ي', 'ء': '' };
export const foldHamzaCarriers: CharFold = (ch) => HAMZA_CARRIERS[ch];

/** Final yaa is often written as alef maqsura and vice versa (على/علي), and Persian yeh/kaf appear in pasted text. */
const YAA_FORMS: Record<string, string> = { 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ک': 'ك' };
export const foldAlefMaqsura: CharFold = (ch) => YAA_FORMS[ch];

export const foldTaMarbuta: CharFold = (ch) => (ch === 'ة' ? 'ه' : undefined);

export const foldDigits: CharFold = (ch) => {
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return undefined;
};

const PUNCTUATION: Record<string, string> = {
  '،': ',', '؛': ';', '؟': '?', '٪': '%', '٫': '.', '٬': ',', '۔': '.',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\u2013': '-', '\u2014': '-', '\u2212': '-',
};
export const foldPunctuation: CharFold = (ch) => PUNCTUATION[ch];

const QUOTES: Record<string, string> = {
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"', '\u2033': '"',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u2032': "'",
};
export const foldQuotes: CharFold = (ch) => QUOTES[ch];

export const lowerLatin: CharFold = (ch) => (ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : undefined);

/** The folds in the order they apply; each sees the output of the one before. */
export const MATCHING_FOLDS: readonly CharFold[] = [
  stripInvisibles,
  stripDiacritics,
  stripTatweel,
  unifyAlef,
  foldHamzaCarriers,
  foldAlefMaqsura,
  foldTaMarbuta,
  foldDigits,
  foldPunctuation,
  foldQuotes,
  lowerLatin,
];

export function composeFolds(folds: readonly CharFold[]): (ch: string) => string {
  return (ch) => {
    let out = ch;
    for (const fold of folds) {
      let next = '';
      for (const c of out) next += fold(c) ?? c;
      out = next;
      if (out === '') break;
    }
    return out;
  };
}

// Only these blocks hold characters that any fold changes; every other code unit folds to itself.
const FOLDED_RANGES: [number, number][] = [
  [0x0000, 0x00ff], // Latin letters, NBSP, soft hyphen, guillemets
  [0x0600, 0x06ff], // Arabic
  [0x0750, 0x077f], // Arabic supplement
  [0x08a0, 0x08ff], // Arabic extended
  [0x2000, 0x206f], // spaces, dashes, quotes, bidi marks
  [0x2212, 0x2212], // minus
  [0xfe70, 0xfeff], // presentation forms, BOM
];

/** Folding every code unit of the folded blocks once makes normalization a table lookup per character. */
function buildTable(folds: readonly CharFold[]): string[] {
  const fold = composeFolds(folds);
  const table: string[] = new Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = String.fromCharCode(code);
  for (const [from, to] of FOLDED_RANGES) {
    for (let code = from; code <= to; code++) table[code] = fold(String.fromCharCode(code));
  }
  return table;
}

const MATCHING_TABLE = buildTable(MATCHING_FOLDS);

export interface NormalizedText {
  readonly original: string;
  /** The match key: the original with every fold applied. */
  readonly key: string;
  /** offsets[i] is the original offset of key[i]; offsets[key.length] is original.length. */
  readonly offsets: Int32Array;
}

export function normalizeForMatching(original: string): NormalizedText {
  const parts: string[] = [];
  const offsets = new Int32Array(original.length + 1);
  let keyLength = 0;
  for (let i = 0; i < original.length; i++) {
    const out = MATCHING_TABLE[original.charCodeAt(i)];
    if (out.length === 0) continue;
    parts.push(out);
    for (let k = 0; k < out.length; k++) offsets[keyLength++] = i;
  }
  offsets[keyLength] = original.length;
  return { original, key: parts.join(''), offsets: offsets.subarray(0, keyLength + 1) };
}

/** Original [start, end) of the key range [keyStart, keyEnd). */
export function toOriginalSpan(text: NormalizedText, keyStart: number, keyEnd: number): [number, number] {
  const start = text.offsets[keyStart];
  let end = text.offsets[keyEnd - 1] + 1;
  // Marks folded away after the last letter (a shadda, a tanween, a final hamza) belong to the word.
  while (end < text.original.length && MATCHING_TABLE[text.original.charCodeAt(end)] === '') end++;
  return [start, end];
}

/** Normalizes a lexicon form or a short phrase where no offsets are needed. */
export function foldKey(phrase: string): string {
  let out = '';
  for (let i = 0; i < phrase.length; i++) out += MATCHING_TABLE[phrase.charCodeAt(i)];
  return out;
}
