import type { MatchOf } from '../lexicon/index.ts';
import { cuesOf, type SentenceFacts } from './facts.ts';
import type { NumberExpression } from './numbers.ts';

export interface CasualtyCount {
  killed: number | null;
  injured: number | null;
  /** Entry ids and rule ids that produced the counts, for `marsad explain`. */
  ids: string[];
  spans: [number, number][];
}

const NUMBER_WINDOW = 3;

/**
 * The number a casualty cue counts. A number with another casualty cue between it and this one is
 * that cue's ("مقتل مدني وإصابة ستة": the six are the injured).
 */
function nearestNumber(cue: MatchOf<'cue'>, numbers: readonly NumberExpression[], used: Set<NumberExpression>, cues: readonly MatchOf<'cue'>[]): NumberExpression | undefined {
  let best: NumberExpression | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const n of numbers) {
    if (used.has(n)) continue;
    const [from, to] = n.first >= cue.end ? [cue.end, n.first] : [n.end, cue.first];
    if (cues.some((other) => other !== cue && other.first >= from && other.end <= to)) continue;
    const distance = n.end <= cue.first ? cue.first - n.end : n.first >= cue.end ? n.first - cue.end : -1;
    // A number after the cue reads first in Arabic ("مقتل 3"), so it wins a tie.
    const score = distance < 0 ? 0 : distance + (n.end <= cue.first ? 0.5 : 0);
    if (distance <= NUMBER_WINDOW && score < bestDistance) {
      best = n;
      bestDistance = score;
    }
  }
  return best;
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
): CasualtyCount {
  let killed: number | null = null;
  let injured: number | null = null;
  let killedDenied = false;
  let injuredDenied = false;
  const ids: string[] = [];
  const spans: [number, number][] = [];
  for (const facts of sentences) {
    // "أحصى الفريق مقتل 37 شخصاً منذ مطلع العام": a running tally is not this event's toll.
    if (cuesOf(facts, 'statistic').length > 0 || facts.times.some((t) => t.kind === 'since')) continue;
    const negations = cuesOf(facts, 'negation');
    const persons = cuesOf(facts, 'persons');
    const numbers = facts.numbers.filter((n) => !timeTokens.has(n.first) && !isMeasure(n));
    const used = new Set<NumberExpression>();
    // Two entries may read the same words ("قتل" and "قتل*"): one cue per span.
    const cues = cuesOf(facts, 'casualties').filter((c, i, all) => all.findIndex((o) => o.first === c.first && o.end === c.end) === i && inClause(c.first));
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
      if (count === undefined) {
        const number = nearestNumber(cue, numbers, used, cues);
        if (number) {
          used.add(number);
          count = number.value;
          ids.push(...number.ids);
        } else {
          // "مقتل مدني", "shooting dead a 23-year-old man": one named person is one death.
          const person = persons.find((p) => p.first >= cue.end && p.first - cue.end <= 5) ?? persons.find((p) => p.end <= cue.first && cue.first - p.end <= 2);
          if (person) {
            count = (person.item.entry.count as number | undefined) ?? 1;
            ids.push(person.item.id);
          }
        }
      }
      if (count === undefined) continue;
      ids.push(cue.item.id);
      spans.push([cue.first, cue.end]);
      if (role === 'killed') killed = Math.max(killed ?? 0, count);
      else if (role === 'injured') injured = Math.max(injured ?? 0, count);
    }
  }
  if (killed === null && killedDenied) killed = 0;
  if (injured === null && injuredDenied) injured = 0;
  if (killed === null && injured !== null && injured > 0) {
    killed = 0;
    ids.push('rule.acled.injuries-only-no-deaths');
  }
  return { killed, injured, ids, spans };
}
