import type { LexMatch, MatchOf } from '../lexicon/index.ts';
import type { TimeExpression } from '../resolve/time/index.ts';
import { insideShortQuote, type Sentence, type Token, type TokenizedText } from '../text/index.ts';
import type { NumberExpression } from './numbers.ts';

/** Everything the lexicon found in one sentence, grouped by kind: the unit event assembly reads. */
export interface SentenceFacts {
  readonly sentence: Sentence;
  readonly triggers: MatchOf<'trigger'>[];
  readonly actors: MatchOf<'actor'>[];
  readonly places: MatchOf<'place'>[];
  readonly adjectives: MatchOf<'country-adjective'>[];
  readonly means: MatchOf<'means'>[];
  readonly sources: MatchOf<'source'>[];
  readonly cues: Map<string, MatchOf<'cue'>[]>;
  readonly times: TimeExpression[];
  readonly numbers: NumberExpression[];
  /** Token ranges inside quotation marks: quoted speech, not the reporter's own account. */
  readonly quoted: [number, number][];
}

export interface ArticleFacts {
  readonly text: TokenizedText;
  /** Tokens before this index are the wire dateline. */
  readonly datelineEnd: number;
  readonly sentences: SentenceFacts[];
}

export function cuesOf(facts: SentenceFacts, family: string): MatchOf<'cue'>[] {
  return facts.cues.get(family) ?? [];
}

function quotedRanges(text: TokenizedText, sentence: Sentence): [number, number][] {
  const ranges: [number, number][] = [];
  let open = -1;
  for (let t = sentence.firstToken; t < sentence.endToken; t++) {
    if (text.tokens[t].key !== '"') continue;
    if (open < 0) open = t;
    else {
      ranges.push([open, t + 1]);
      open = -1;
    }
  }
  // A quote opened and not closed in the sentence runs to its end (the closing mark may follow a full stop).
  if (open >= 0 && sentence.endToken - open > 3) ranges.push([open, sentence.endToken]);
  // A short quote ("“الأناضول”", "“كتائب سيد الشهداء”") names an outlet or a group; speech is longer.
  return ranges.filter(([a, b]) => b - a > 7);
}

export function gatherFacts(
  text: TokenizedText,
  matches: readonly LexMatch[],
  times: readonly TimeExpression[],
  numbers: readonly NumberExpression[],
  datelineEnd = 0,
): ArticleFacts {
  const sentences: SentenceFacts[] = text.sentences.map((sentence) => ({
    sentence,
    triggers: [],
    actors: [],
    places: [],
    adjectives: [],
    means: [],
    sources: [],
    cues: new Map(),
    times: [],
    numbers: [],
    quoted: quotedRanges(text, sentence),
  }));
  const sentenceOf = (token: number) => sentences[text.tokens[token].sentence];
  for (const m of matches) {
    if (m.first < datelineEnd && m.item.kind !== 'source') continue;
    const facts = sentenceOf(m.first);
    const item = m.item;
    switch (item.kind) {
      case 'trigger':
        facts.triggers.push(m as MatchOf<'trigger'>);
        break;
      case 'actor':
        facts.actors.push(m as MatchOf<'actor'>);
        break;
      case 'place':
        facts.places.push(m as MatchOf<'place'>);
        break;
      case 'country-adjective':
        facts.adjectives.push(m as MatchOf<'country-adjective'>);
        break;
      case 'means':
        facts.means.push(m as MatchOf<'means'>);
        break;
      case 'source':
        facts.sources.push(m as MatchOf<'source'>);
        break;
      case 'cue': {
        const list = facts.cues.get(item.family);
        if (list) list.push(m as MatchOf<'cue'>);
        else facts.cues.set(item.family, [m as MatchOf<'cue'>]);
        break;
      }
      default:
        break;
    }
  }
  for (const t of times) {
    // "«الفرات اليوم»" is an outlet, not today.
    if (t.first >= datelineEnd && !insideShortQuote(text.text, t.start, t.endOffset)) sentenceOf(t.first).times.push(t);
  }
  for (const n of numbers) sentenceOf(n.first).numbers.push(n);
  return { text, sentences, datelineEnd };
}

/**
 * The cues that make a sentence a count over time, not an event. A toll ("ارتفعت حصيلة الضحايا إلى
 * خمسة") is the event's own unless the sentence also counts since a date or with an aggregate word.
 */
export function statisticCues(facts: SentenceFacts): MatchOf<'cue'>[] {
  const cues = cuesOf(facts, 'statistic');
  const aggregate = cues.some((c) => !c.item.entry.eventToll);
  const overTime = facts.times.some((t) => t.kind === 'since');
  return aggregate || overTime ? cues : [];
}

/**
 * A responsibility cue that is denied or turned into blame: "لم تعلن أي جهة مسؤوليتها",
 * "no group claimed the attack", "يحمّل حماس المسؤولية".
 */
export function isDeniedClaim(facts: SentenceFacts, cue: { first: number }, tokens: readonly Token[]): boolean {
  const denials = [...cuesOf(facts, 'negation'), ...cuesOf(facts, 'hedging')];
  if (denials.some((d) => d.end <= cue.first && cue.first - d.end <= 4)) return true;
  return negatedBefore(tokens, cue.first, cue.first - Math.max(facts.sentence.firstToken, cue.first - 6), CLAIM_NEGATORS);
}

const CLAIM_NEGATORS = new Set(['لم', 'لن', 'no', 'not', 'never', 'nobody', 'none']);

/**
 * Whether one of `words` stands within `window` tokens before `first`. "ولم تعلن", "فلم يعلن", "وبدون":
 * the conjunction clings to the negator.
 */
export function negatedBefore(tokens: readonly Token[], first: number, window: number, words: ReadonlySet<string>): boolean {
  return tokens.slice(Math.max(0, first - window), first).some((t) => words.has(t.key) || words.has(t.key.replace(/^[وف]/, '')));
}

export function isQuoted(facts: SentenceFacts, token: number): boolean {
  return facts.quoted.some(([a, b]) => token >= a && token < b);
}
