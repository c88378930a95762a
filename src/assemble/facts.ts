import type { ActorEntry, LexMatch, MatchOf, PlaceEntry } from '../lexicon/index.ts';
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

/** The words that open a reported clause («أن», «إن», «بأن», "that"), as folded keys. */
export const COMPLEMENTIZERS: ReadonlySet<string> = new Set(['ان', 'بان', 'that']);

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

/** Named armed groups an anaphoric mention («التنظيم», 'the group') may stand for. */
const ANTECEDENT_KINDS = new Set(['rebel', 'militia', 'identity']);
/** The nouns a group's Arabic name is built on, which its anaphor repeats with the article. */
const ANAPHOR_NOUNS = ['تنظيم', 'حركة', 'حركه', 'جماعة', 'جماعه'];
const nounsOfEntry = new WeakMap<object, string[]>();

function namingNouns(entry: { ar?: readonly string[] }): string[] {
  let nouns = nounsOfEntry.get(entry);
  if (!nouns) {
    const words = new Set((entry.ar ?? []).flatMap((alias) => alias.split(/\s+/)).map((w) => w.replace(/^ال/, '')));
    nouns = ANAPHOR_NOUNS.filter((n) => words.has(n));
    nounsOfEntry.set(entry, nouns);
  }
  return nouns;
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
  let lastGroup: MatchOf<'actor'>['item'] | undefined;
  const lastByNoun = new Map<string, MatchOf<'actor'>['item']>();
  for (const m of [...matches].sort((a, b) => a.first - b.first)) {
    if (m.first < datelineEnd && m.item.kind !== 'source') continue;
    const facts = sentenceOf(m.first);
    const item = m.item;
    switch (item.kind) {
      case 'trigger':
        facts.triggers.push(m as MatchOf<'trigger'>);
        break;
      case 'actor': {
        const actor = m as MatchOf<'actor'>;
        if (actor.item.entry.kind === 'anaphor') {
          // «التنظيم», «الحركة», "the group": the armed group last named before it, or no actor at all.
          // Not "تنظيم «داعش»": a bare noun, or one followed by a name, is that name's descriptor.
          const head = text.tokens[actor.end - 1];
          // «التنظيم», «للتنظيم», «وبالتنظيم»: the article, after any proclitic.
          const article = /^[وف]?(?:[بك]?ال|لل)/;
          const definite = head.script === 'latin' || article.test(head.key);
          const named = matches.some(
            (o) => o.item.kind === 'actor' && o.item.entry.kind !== 'anaphor' && (o.first === actor.end || (o.first === actor.end + 1 && text.tokens[actor.end].script === 'punct')),
          );
          // «التنظيم» is the last group whose own name says "تنظيم" («تنظيم الدولة»), «الحركة» a «حركة»...
          const noun = ANAPHOR_NOUNS.find((n) => head.key.replace(article, '') === n);
          const antecedent = noun ? lastByNoun.get(noun) : lastGroup;
          if (antecedent && definite && !named) facts.actors.push({ ...actor, item: antecedent });
          break;
        }
        if (ANTECEDENT_KINDS.has(actor.item.entry.kind)) {
          lastGroup = actor.item;
          for (const noun of namingNouns(actor.item.entry)) lastByNoun.set(noun, actor.item);
        }
        facts.actors.push(actor);
        break;
      }
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
  for (const facts of sentences) facts.actors.push(...communalMilitias(facts, text));
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
  const overTime = facts.times.some((t) => t.kind === 'since');
  // «وثّقت تعرّض أربع نساء للاغتصاب ... قبل يومين»: documenting one act on a given day reports it, it does not count acts.
  const oneDay = !overTime && facts.times.some((t) => t.kind === 'point' && t.date !== null && t.precision === 1);
  const aggregate = cues.some((c) => !c.item.entry.eventToll && !(oneDay && c.item.entry.oneDayIsIncident));
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

/** Inside quoted speech, not a name set in quotation marks («اللواء طارق بن زياد المعزز», «داعش»). */
export function inQuotedSpeech(facts: SentenceFacts, token: number): boolean {
  return facts.quoted.some(([a, b]) => token >= a && token < b && b - a > 6);
}

const SETTLEMENTS = new Set(['city', 'town', 'village']);
const communalEntries = new Map<string, ActorEntry>();

/** The communal militia of a town, as ACLED names it ("Zawiyah Communal Militia (Libya)"): one entry per town. */
function communalMilitia(place: PlaceEntry, id: string): ActorEntry {
  let entry = communalEntries.get(id);
  if (!entry) {
    // ACLED drops the Arabic article: "Zawiyah Communal Militia", not "Az Zawiyah".
    const town = place.name.replace(/^(?:Al|El|Az|Ar|As|Ash|Ad|At|An|Adh|Ath)[ -](?=\p{Lu})/u, '');
    entry = { id: `actor.communal.${id}`, name: `${town} Communal Militia (${place.country})`, inter: 4, country: place.country, parent: null, kind: 'identity', ar: [], en: [] };
    communalEntries.set(id, entry);
  }
  return entry;
}

/**
 * «مجموعة مسلحة من أبناء مدينة الزاوية», "local Zawiyah armed groups": armed men named by their town are
 * its communal militia, unless the catalogue already names them.
 */
function communalMilitias(facts: SentenceFacts, text: TokenizedText): MatchOf<'actor'>[] {
  const out: MatchOf<'actor'>[] = [];
  const town = (first: number, end: number) =>
    facts.places.find((p) => SETTLEMENTS.has(p.item.entry.kind) && p.first >= first && p.first <= end && p.item.entry.country);
  for (const cue of cuesOf(facts, 'communal')) {
    // «من أبناء مدينة الزاوية»: a town word may stand between.
    const place = cue.item.entry.placeBefore
      ? facts.places.find((p) => SETTLEMENTS.has(p.item.entry.kind) && p.end === cue.first && p.item.entry.country)
      : town(cue.end, cue.end + 1);
    if (!place) continue;
    const [first, end] = cue.item.entry.placeBefore ? [place.first, cue.end] : [cue.first, place.end];
    if (facts.actors.some((a) => a.first <= first && a.end >= end)) continue;
    const entry = communalMilitia(place.item.entry, place.item.id);
    out.push({ item: { kind: 'actor', id: entry.id, entry }, form: text.text.slice(text.tokens[first].start, text.tokens[end - 1].end), first, end });
  }
  return out;
}
