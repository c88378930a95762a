import { type NormalizedText, normalizeForMatching, toOriginalSpan } from './normalize.ts';
import { cliticStems } from './clitics.ts';

export type Script = 'ar' | 'latin' | 'digit' | 'punct';

export interface Token {
  readonly index: number;
  /** Normalized form (see normalize.ts). */
  readonly key: string;
  /** Original offsets [start, end). */
  readonly start: number;
  readonly end: number;
  readonly script: Script;
  /** Keys the matcher tries: the word itself and, for Arabic, its stems without proclitics. */
  readonly stems: readonly string[];
  /** Written with the passive's damma on its first letter («اُستهدف», «قُتل»): voweled text marks the voice. */
  readonly passiveMark?: boolean;
  sentence: number;
  paragraph: number;
}

export interface Sentence {
  readonly index: number;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  /** Token range [firstToken, endToken). */
  readonly firstToken: number;
  readonly endToken: number;
}

export interface TokenizedText {
  readonly text: string;
  readonly normalized: NormalizedText;
  readonly tokens: Token[];
  readonly sentences: Sentence[];
}

// Dotted acronyms (u.s., u.n.) are one word; hyphens and apostrophes inside names split words on
// both sides of the match, so "al-Omar" and "al Omar" meet.
const TOKEN_PATTERN = /(?:[a-z]\.){2,}|[\p{L}\p{M}]+|\d+(?:[.,:/-]\d+)*|(?<=^|\s)-+(?=\s|$)|[^\s\p{L}\p{M}\p{N}'-]/gu;
const LETTER = /\p{L}/u;

function scriptOf(key: string): Script {
  const c = key.charCodeAt(0);
  if (c >= 0x0600 && c <= 0x06ff) return 'ar';
  if (c >= 0x30 && c <= 0x39) return 'digit';
  if ((c >= 0x61 && c <= 0x7a) || LETTER.test(key[0])) return 'latin';
  return 'punct';
}

/**
 * The dateline that opens a wire report ("BAGHDAD, March 3 (Reuters) -", "دمشق - 9 كانون الثاني
 * (الأناضول) -"): its date is the report's, its city the newsroom's, neither the event's.
 * Returns the index of the first token after it, or 0 when the text has none.
 */
export function datelineEnd(text: TokenizedText): number {
  const { tokens } = text;
  // The dateline opens the body: the first sentence, or the second when a headline stands above it.
  const start = headlineEnd(text);
  const sentence = tokens[start]?.sentence;
  const limit = Math.min(tokens.length, start + 16);
  let end = 0;
  for (let i = start; i < limit; i++) {
    if (tokens[i].sentence !== sentence) break;
    if (tokens[i].key === '-') end = i + 1;
  }
  // A dateline alone on its line ("بيروت – «الأرز نيوز»") ends with its line.
  if (end === 0 && start < tokens.length) {
    const s = text.sentences[sentence];
    const line = tokens.slice(s.firstToken, s.endToken);
    if (line.length <= 8 && line.some((t) => t.key === '-') && s.endToken < tokens.length && tokens[s.endToken].paragraph !== tokens[s.firstToken].paragraph) end = s.endToken;
  }
  return end;
}

/**
 * A headline: a short first line with no full stop, above a body of more lines. It repeats the
 * story in telegraphic form, so it is read for context but tells no event of its own.
 * Returns the index of the first token after it, or 0.
 */
export function headlineEnd(text: TokenizedText): number {
  const first = text.sentences[0];
  const second = text.sentences[1];
  if (!first || !second || second.paragraph === first.paragraph) return 0;
  const last = text.tokens[first.endToken - 1];
  const length = first.endToken - first.firstToken;
  return length <= 16 && !['.', '!', '?', ':'].includes(last.key) ? first.endToken : 0;
}

export function tokenize(text: string): TokenizedText {
  const normalized = normalizeForMatching(text);
  const tokens: Token[] = [];
  for (const match of normalized.key.matchAll(TOKEN_PATTERN)) {
    const keyStart = match.index ?? 0;
    const raw = match[0];
    const key = raw.includes('.') && /[a-z]/.test(raw) ? raw.replaceAll('.', '') : raw;
    const [start, end] = toOriginalSpan(normalized, keyStart, keyStart + raw.length);
    const script = scriptOf(key);
    tokens.push({
      index: tokens.length,
      key,
      start,
      end,
      script,
      stems: script === 'ar' ? cliticStems(key) : [key],
      ...(script === 'ar' && text[start + 1] === '\u064F' ? { passiveMark: true } : {}),
      sentence: 0,
      paragraph: 0,
    });
  }
  const sentences = segmentSentences(text, tokens);
  return { text, normalized, tokens, sentences };
}

const SENTENCE_END = new Set(['.', '!', '?']);
const MAX_SENTENCE_TOKENS = 300;
// An English full stop after these is an abbreviation, not the end of a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'col', 'lt', 'sgt', 'maj', 'capt', 'brig', 'st', 'no', 'vs', 'etc',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'co', 'corp', 'approx',
]);

function isAbbreviation(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev?.script !== 'latin') return false;
  return prev.key.length === 1 || ABBREVIATIONS.has(prev.key);
}

/**
 * Sentences end at . ! ? (Arabic ؟ is folded to ?) and at every line break; a line break also starts a
 * new paragraph. Quoted speech is not split out: a quote is part of the sentence that reports it.
 */
export function segmentSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let first = 0;
  const close = (endToken: number) => {
    if (endToken <= first) return;
    const index = sentences.length;
    for (let t = first; t < endToken; t++) {
      tokens[t].sentence = index;
      tokens[t].paragraph = paragraph;
    }
    sentences.push({ index, paragraph, start: tokens[first].start, end: tokens[endToken - 1].end, firstToken: first, endToken });
    first = endToken;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // Text with no stops at all (a transcript, a pasted table) is cut into bounded pieces: no sentence
    // of news runs this long, and assembly looks at pairs of words within a sentence.
    if (i - first >= MAX_SENTENCE_TOKENS) close(i);
    if (i > 0 && text.slice(tokens[i - 1].end, token.start).includes('\n')) {
      close(i);
      paragraph++;
    }
    if (SENTENCE_END.has(token.key) && !isAbbreviation(tokens, i)) {
      // A closing quote or bracket right after the stop stays with the sentence it ends; an opening
      // quote there (an even count so far) starts the next sentence.
      let quotes = 0;
      for (let t = first; t <= i; t++) if (tokens[t].key === '"') quotes++;
      let end = i + 1;
      while (end < tokens.length && /^["')\]]$/.test(tokens[end].key) && !text.slice(tokens[end - 1].end, tokens[end].start).includes('\n')) {
        if (tokens[end].key === '"') {
          if (quotes % 2 === 0) break;
          quotes++;
        }
        end++;
      }
      close(end);
      i = end - 1;
    }
  }
  close(tokens.length);
  return sentences;
}

/** "«الفرات اليوم»", "“Daraa 24”": a few words in quotation marks are a name (an outlet, a group), not prose. */
export function insideShortQuote(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  const after = text.slice(end, end + 24);
  const close = after.search(/[»”"]/);
  return /[«“"]/.test(before) && close >= 0 && !/[.،,؛:]/.test(after.slice(0, close));
}
