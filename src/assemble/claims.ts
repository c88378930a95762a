import type { ActorEntry, MatchOf } from '../lexicon/index.ts';
import type { Span } from '../contracts/record.ts';
import { hasBackgroundCue } from './discourse.ts';
import { type ArticleFacts, cuesOf, isDeniedClaim, isQuoted, type SentenceFacts, statisticCues } from './facts.ts';

/** A claim before it becomes a record: who said what, with the facts it rests on. */
export interface ClaimDraft {
  readonly kind: 'responsibility' | 'statistic' | 'statement';
  readonly sentence: number;
  readonly speaker: string | null;
  readonly speakerActor: ActorEntry | null;
  readonly value: number | null;
  readonly since: string | null;
  readonly date: string | null;
  /** The triggers the claim is about (the claimed attack, the counted attacks). */
  readonly about: MatchOf<'trigger'>[];
  readonly evidence: Span;
  readonly ids: string[];
  /** Said in the time of an earlier event ("وأعلنت وقتها"): not about today's news. */
  readonly anaphoric: boolean;
  /** The claimed act is pointed back at ("claimed that attack"): it may be a recalled event. */
  readonly pointsBack?: boolean;
  /** Told as past before the news («وكانت المقاومة قد تبنّت يوم الأحد الماضي هجوماً»): about a recalled event only. */
  readonly recalled?: boolean;
}

function speakerName(entry: ActorEntry, country: string | null): string {
  const name = entry.name ?? (entry.template ?? '').replaceAll('{country}', country ?? 'Unknown');
  return entry.affiliation ? `${name} (${entry.affiliation})` : name;
}

function span(article: ArticleFacts, from: number, to: number): Span {
  const start = article.text.tokens[from].start;
  const end = article.text.tokens[to - 1].end;
  return { start, end, text: article.text.text.slice(start, end) };
}

/** The end of the claim's own clause: before a quotation or the sentence's end. */
function clauseEnd(facts: SentenceFacts, after: number): number {
  const quote = facts.quoted.find(([a]) => a >= after);
  return quote ? quote[0] : facts.sentence.endToken;
}

function trimPunctuation(article: ArticleFacts, first: number, end: number): number {
  let e = end;
  while (e > first + 1 && article.text.tokens[e - 1].script === 'punct') e--;
  return e;
}

// Groups of people, not a body that speaks: "قال مدنيون" is testimony, attributed as a source.
const NOT_SPEAKERS = new Set(['civilians', 'protesters', 'rioters', 'unidentified']);

/**
 * "وأضاف أن الجيش ..." after "الجيش الإسرائيلي" was named: a generic force speaks for the named one
 * of its kind told before it in the article.
 */
function resolveGeneric(entry: ActorEntry, before: number, article: ArticleFacts): ActorEntry {
  if (!entry.template) return entry;
  let named: ActorEntry | undefined;
  for (const facts of article.sentences) {
    for (const a of facts.actors) {
      if (a.first < before && !a.item.entry.template && a.item.entry.kind === entry.kind) named = a.item.entry;
    }
  }
  return named ?? entry;
}

export function findClaims(article: ArticleFacts, country: string | null): ClaimDraft[] {
  const claims: ClaimDraft[] = [];
  for (const facts of article.sentences) {
    const { sentence } = facts;
    const anaphoric = cuesOf(facts, 'background').some((c) => c.item.entry.anaphoric);
    const actors = facts.actors.filter((a) => !isQuoted(facts, a.first));
    const responsibility = cuesOf(facts, 'responsibility').find((c) => !isDeniedClaim(facts, c, article.text.tokens));
    if (responsibility) {
      // The named group rather than the generic description beside it ("The Islamic Resistance in Iraq, an umbrella of Iran-backed factions, claimed").
      const before = actors.filter((a) => a.first < responsibility.first && !['person', 'organization', 'civilians'].includes(a.item.entry.kind));
      // «وتبنّى تنظيم «داعش» التفجير»: a claim verb told first has its claimant right after it.
      const verbSubject = responsibility.item.entry.verbFirst
        ? // («وتبنّت جماعة تطلق على نفسها «سرايا أولياء الدم» الهجوم»: a description may stand before the name.)
          actors.find((a) => a.first >= responsibility.end && a.first - responsibility.end <= 6 && !['person', 'organization', 'civilians'].includes(a.item.entry.kind) && !facts.triggers.some((t) => t.first >= responsibility.end && t.first < a.first))
        : undefined;
      // "The Islamic Resistance in Iraq, an umbrella group of Iran-backed factions": the group, not the umbrella described beside it.
      const specific = before.filter((a) => !before.some((o) => o.item.entry.parent === a.item.id));
      const claimant = verbSubject ?? specific.filter((a) => !a.item.entry.template).pop() ?? before.pop() ?? actors.find((a) => a.first >= responsibility.end);
      if (claimant) {
        const about = facts.triggers.filter((t) => t.first >= responsibility.first);
        const demonstratives = cuesOf(facts, 'demonstrative');
        const pointsBack = about.some((t) => demonstratives.some((d) => d.end === t.first || d.first === t.end));
        // The claim runs to the end of the claimed act's clause: the next comma, or the sentence's end.
        const comma = about.length ? article.text.tokens.slice(about[0].end, sentence.endToken).findIndex((t) => t.key === ',') : -1;
        const end = trimPunctuation(article, sentence.firstToken, about.length ? (comma >= 0 ? about[0].end + comma : sentence.endToken) : clauseEnd(facts, responsibility.end));
        claims.push({
          kind: 'responsibility',
          sentence: sentence.index,
          speaker: speakerName(claimant.item.entry, country),
          speakerActor: claimant.item.entry,
          value: null,
          since: null,
          date: null,
          about,
          evidence: span(article, sentence.firstToken, end),
          ids: [responsibility.item.id, claimant.item.id],
          anaphoric,
          pointsBack,
          recalled: hasBackgroundCue(facts, article.text).cue,
        });
      }
    }
    const statistic = statisticCues(facts)[0];
    if (statistic) {
      const count = facts.numbers.find((n) => n.first > statistic.first && !n.vague && !facts.times.some((t) => t.first <= n.first && n.first < t.end));
      const since = facts.times.find((t) => t.kind === 'since');
      const publisher = facts.sources.find((src) => src.item.entry.kind === 'research' || src.item.entry.kind === 'monitor');
      if (count) {
        const end = trimPunctuation(article, sentence.firstToken, Math.max(count.end, since?.end ?? 0));
        claims.push({
          kind: 'statistic',
          sentence: sentence.index,
          speaker: publisher?.item.entry.name ?? null,
          speakerActor: null,
          value: count.value,
          since: since?.since ?? null,
          date: null,
          about: facts.triggers.filter((t) => t.first > statistic.first),
          evidence: span(article, sentence.firstToken, end),
          ids: [statistic.item.id, ...count.ids, ...(publisher ? [publisher.item.id] : [])],
          anaphoric,
        });
      }
    }
    const speech = cuesOf(facts, 'speech').find((c) => !isQuoted(facts, c.first));
    if (speech && !responsibility) {
      // A statement needs a named speaker; "sources said" only attributes the report.
      const named = actors.filter((a) => a.first >= speech.end && a.first - speech.end <= 8 && !NOT_SPEAKERS.has(a.item.entry.kind));
      const person = named.find((a) => a.item.entry.kind === 'person');
      const found = person ?? named.find((a) => a.item.entry.kind === 'organization') ?? named[0];
      const speaker = found && { ...found, item: { ...found.item, entry: resolveGeneric(found.item.entry, found.first, article) } };
      if (speaker) {
        const date = facts.times.find((t) => t.kind === 'point' && !isQuoted(facts, t.first) && t.precision === 1);
        const end = trimPunctuation(article, sentence.firstToken, clauseEnd(facts, speech.end));
        claims.push({
          kind: 'statement',
          sentence: sentence.index,
          speaker: speakerName(speaker.item.entry, country),
          speakerActor: speaker.item.entry,
          value: null,
          since: null,
          date: date?.date ?? null,
          about: [],
          evidence: span(article, sentence.firstToken, end),
          ids: [speech.item.id, speaker.item.id, ...(date ? date.ids : [])],
          anaphoric,
        });
      }
    }
  }
  return claims;
}
