import type { MatchOf } from '../lexicon/index.ts';
import { cuesOf, type SentenceFacts, statisticCues } from './facts.ts';
import type { NumberExpression } from './numbers.ts';
import type { Token } from '../text/index.ts';

const AND = new Set(['and', 'و']);

/**
 * "killing four soldiers and two civilians", «مقتل أربعة جنود ومدنيين اثنين»: the groups listed beside the
 * counted one, joined by "and" and claimed by no other casualty word, add to it. The list runs on after a
 * count that follows its word, and back before one that precedes it ("six fighters and two soldiers were
 * killed").
 */
function listedWith(
  key: object,
  cue: MatchOf<'cue'>,
  numbers: readonly NumberExpression[],
  counts: ReadonlyMap<MatchOf<'cue'>, { key: object }>,
  cues: readonly MatchOf<'cue'>[],
  tokens: readonly Token[],
): number {
  const first = numbers.find((n) => n === key);
  if (!first || tokens.length === 0) return 0;
  const backwards = first.end <= cue.first;
  const taken = new Set([...counts.values()].map((c) => c.key));
  const free = (n: NumberExpression) => !taken.has(n) && !n.vague;
  let total = 0;
  let last = first;
  for (;;) {
    const next = backwards
      ? [...numbers].reverse().find((n) => n.end <= last.first && last.first - n.end <= 4 && free(n))
      : numbers.find((n) => n.first > last.end && n.first - last.end <= 4 && free(n));
    if (!next) return total;
    // The later of the two numbers carries the «و» of the list, or "and" stands between them.
    const [earlier, later] = backwards ? [next, last] : [last, next];
    const joined = tokens.slice(earlier.end, later.first + 1).some((t) => AND.has(t.key) || (t.script === 'ar' && t.key.startsWith('و') && t.index >= later.first - 1));
    if (!joined || cues.some((c) => c.first >= earlier.end && c.first < later.first)) return total;
    total += next.value;
    taken.add(next);
    last = next;
  }
}

export interface CasualtyCount {
  killed: number | null;
  injured: number | null;
  /** Entry ids and rule ids that produced the counts, for `marsad explain`. */
  ids: string[];
  spans: [number, number][];
}

const NUMBER_WINDOW = 3;

/** How far a count stands from a cue; a count after the cue reads first in Arabic ("مقتل 3") and wins a tie. */
function distanceScore(cue: { first: number; end: number }, count: { first: number; end: number }): number {
  if (count.first >= cue.end) return count.first - cue.end;
  if (count.end <= cue.first) return cue.first - count.end + 0.5;
  return 0;
}

/**
 * Which count each casualty cue takes: the closest pairs first, each number and each person noun
 * counted once, and never across another casualty cue ("مقتل مدني وإصابة ستة": the six are the
 * injured; "ارتفعت حصيلة الضحايا إلى خمسة قتلى": the five are the dead of "قتلى", its neighbour).
 * A number beats a person noun ("مقتل مدني" counts one only when no number is there).
 */
function pairCounts(
  cues: readonly MatchOf<'cue'>[],
  numbers: readonly NumberExpression[],
  persons: readonly MatchOf<'cue'>[],
  passives: readonly MatchOf<'cue'>[] = [],
  tokens: readonly Token[] = [],
): Map<MatchOf<'cue'>, { value: number; ids: string[]; key: object }> {
  const pairs: { cue: MatchOf<'cue'>; key: object; score: number; value: number; ids: string[] }[] = [];
  const across = (cue: MatchOf<'cue'>, count: { first: number; end: number }) => {
    const [from, to] = count.first >= cue.end ? [cue.end, count.first] : [count.end, cue.first];
    return cues.some((other) => other !== cue && other.first >= from && other.end <= to);
  };
  for (const cue of cues) {
    if (cue.item.entry.count !== undefined) continue;
    // "Two protesters were killed and nine others were wounded": a passive verb's count comes before it.
    const passive = passives.some((p) => p.end === cue.first || (p.end === cue.first - 1 && passives.some((q) => q.end === p.first)));
    for (const n of numbers) {
      // ("... was among those killed, and nine others were wounded": past "and" a number opens the next clause.)
      const opensClause = tokens.length > 0 && n.first >= cue.end && tokens.slice(cue.end, n.first).some((t) => t.key === 'and' || t.key === ',');
      const score = distanceScore(cue, n) + (passive && n.first >= cue.end ? 2 : 0) + (opensClause ? 2 : 0);
      // «أقدم العشرات من أقارب رجل قُتل»: a person noun between them, not the number's own noun, is who died.
      const [from, to] = n.first >= cue.end ? [cue.end, n.first] : [n.end, cue.first];
      const otherNoun = persons.some((p) => p.first >= from && p.end <= to && p.first !== n.end);
      if (score <= NUMBER_WINDOW + 0.5 && !across(cue, n) && !otherNoun) pairs.push({ cue, key: n, score, value: n.value, ids: n.ids });
      // "Four soldiers of the Security Belt forces, which are loyal to the STC, were killed": an English
      // passive's subject may carry a long modifier; its count is the nearest number before the verb
      // when nothing that counts lies between.
      else if (passive && n.end <= cue.first && !across(cue, n) && !numbers.some((o) => o !== n && o.first >= n.end && o.end <= cue.first)) {
        pairs.push({ cue, key: n, score: NUMBER_WINDOW + 1, value: n.value, ids: n.ids });
      }
    }
    for (const p of persons) {
      const after = p.first >= cue.end && p.first - cue.end <= 5;
      // «وكان راعٍ في الخمسين من عمره قد قُتل»: the subject may stand a few words before its verb.
      const before = p.end <= cue.first && cue.first - p.end <= 5;
      if ((after || before) && !across(cue, p)) pairs.push({ cue, key: p, score: 100 + distanceScore(cue, p), value: (p.item.entry.count as number | undefined) ?? 1, ids: [p.item.id] });
    }
  }
  pairs.sort((a, b) => a.score - b.score);
  const taken = new Set<object>();
  const out = new Map<MatchOf<'cue'>, { value: number; ids: string[]; key: object }>();
  for (const pair of pairs) {
    if (out.has(pair.cue) || taken.has(pair.key)) continue;
    // A person noun may stand by two cues ("قُتل مدني وأصيب" is one man killed, not also one injured).
    taken.add(pair.key);
    out.set(pair.cue, { value: pair.value, ids: pair.ids, key: pair.key });
  }
  return out;
}

function isNegated(cue: MatchOf<'cue'>, negations: readonly MatchOf<'cue'>[]): MatchOf<'cue'> | undefined {
  return negations.find((n) => n.end <= cue.first && cue.first - n.end <= ((n.item.entry.window as number | undefined) ?? 3));
}

/**
 * Deaths and injuries stated in a set of sentences. Within one report the highest stated figure
 * stands (tolls rise as a report goes on); a denial gives 0; injuries alone give 0 deaths (ACLED).
 */
export function countCasualties(
  sentences: readonly SentenceFacts[],
  timeTokens: Set<number>,
  isMeasure: (n: NumberExpression) => boolean = () => false,
  inClause: (token: number) => boolean = () => true,
  tokens: readonly Token[] = [],
): CasualtyCount {
  let killed: number | null = null;
  let injured: number | null = null;
  let killedDenied = false;
  let injuredDenied = false;
  const ids: string[] = [];
  const spans: [number, number][] = [];
  for (const facts of sentences) {
    // "أحصى الفريق مقتل 37 شخصاً منذ مطلع العام": a running tally is not this event's toll.
    if (statisticCues(facts).length > 0 || facts.times.some((t) => t.kind === 'since')) continue;
    const negations = cuesOf(facts, 'negation');
    const persons = cuesOf(facts, 'persons');
    const numbers = facts.numbers.filter((n) => !timeTokens.has(n.first) && !isMeasure(n));
    // Two entries may read the same words ("قتل" and "قتل*"): one cue per span.
    const aboutToll = cuesOf(facts, 'statistic').some((c) => c.item.entry.eventToll);
    const cues = cuesOf(facts, 'casualties').filter(
      (c, i, all) => all.findIndex((o) => o.first === c.first && o.end === c.end) === i && inClause(c.first) && (!c.item.entry.needsToll || aboutToll),
    );
    const counts = pairCounts(cues.filter((c) => !isNegated(c, negations)), numbers, persons, cuesOf(facts, 'passive'), tokens);
    for (const cue of cues) {
      const role = cue.item.entry.role as 'killed' | 'injured' | 'casualties';
      const negation = isNegated(cue, negations);
      if (negation) {
        ids.push(negation.item.id, cue.item.id);
        spans.push([negation.first, cue.end]);
        if (role !== 'injured') killedDenied = true;
        if (role !== 'killed') injuredDenied = true;
        if (cue.item.entry.deniedMeansNone) killedDenied = true; // "دون وقوع إصابات": no casualties at all
        continue;
      }
      let count = cue.item.entry.count as number | undefined;
      const paired = counts.get(cue);
      if (count === undefined && paired) {
        count = paired.value + listedWith(paired.key, cue, numbers, counts, cues, tokens);
        ids.push(...paired.ids);
      }
      // «سقوط قتيل»: a singular noun with no number by it is one.
      if (count === undefined && cue.item.entry.singular) count = 1;
      if (count === undefined) continue;
      ids.push(cue.item.id);
      spans.push([cue.first, cue.end]);
      if (role === 'killed') killed = Math.max(killed ?? 0, count);
      else if (role === 'injured') injured = Math.max(injured ?? 0, count);
    }
  }
  // "No injuries were reported": where no one was hurt, no one died.
  if (killed === null && (killedDenied || injuredDenied)) killed = 0;
  if (injured === null && injuredDenied) injured = 0;
  if (killed === null && injured !== null && injured > 0) {
    killed = 0;
    ids.push('rule.acled.injuries-only-no-deaths');
  }
  return { killed, injured, ids, spans };
}
