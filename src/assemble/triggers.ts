import { classifySubEventType } from '../contracts/acled.ts';
import type { MatchOf } from '../lexicon/index.ts';
import type { Token } from '../text/index.ts';
import { cuesOf, isDeniedClaim, isQuoted, type SentenceFacts, statisticCues } from './facts.ts';

export type TriggerGroup = 'main' | 'response' | 'answered' | 'claimed' | 'reference';

export interface LiveTrigger {
  readonly match: MatchOf<'trigger'>;
  readonly group: TriggerGroup;
}

export interface TriggerVerdict {
  readonly live: LiveTrigger[];
  /** Triggers that are not events, with the rule that set them aside. */
  readonly setAside: { match: MatchOf<'trigger'>; rule: string }[];
}

const within = (cue: { end: number }, first: number, window: number) => cue.end <= first && first - cue.end <= window;

/** Keeps one trigger per span: where two entries read the same words, the more specific one. */
function distinctTriggers(triggers: readonly MatchOf<'trigger'>[]): MatchOf<'trigger'>[] {
  const kept: MatchOf<'trigger'>[] = [];
  for (const t of [...triggers].sort((a, b) => b.item.entry.weight - a.item.entry.weight || b.end - b.first - (a.end - a.first))) {
    if (kept.some((k) => k.first < t.end && t.first < k.end)) continue;
    kept.push(t);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/**
 * Which triggers in a sentence report a real event of this article, and which role each plays:
 * the event itself, a reply to it ("والرد بقصف"), or an earlier attack being answered ("رداً على").
 */
const ARTICLE = 'ال';
const ENGLISH_DETERMINERS = new Set(['the', 'this', 'that', 'these']);

function isDefinite(t: MatchOf<'trigger'>, tokens: readonly Token[]): boolean {
  const first = tokens[t.first];
  if (first.script === 'latin') return ENGLISH_DETERMINERS.has(tokens[t.first - 1]?.key ?? '');
  // The stem list runs from the whole word to the bare stem; an article shows as a stem that keeps ال.
  const hasArticle = (token: Token | undefined) => token !== undefined && token.stems.some((stem) => stem.startsWith(ARTICLE) && token.stems.includes(stem.slice(ARTICLE.length)));
  // «غارة العدو الإسرائيلي»: a one-word noun before a definite noun is definite by annexation.
  // («افتتاح المقر»: a phrase whose annexed noun is definite is definite.)
  const annexedDefinite = t.end - t.first > 1 ? tokens.slice(t.first + 1, t.end).some(hasArticle) : tokens[t.end]?.script === 'ar' && tokens[t.end].sentence === first.sentence && hasArticle(tokens[t.end]);
  return hasArticle(first) || annexedDefinite;
}

/** Actor kinds that hold no ground: their comings and goings are no transfer of territory. */
const UNARMED = new Set(['protesters', 'civilians', 'rioters', 'person', 'organization']);

const PROJECTILES = new Set(['rockets', 'missiles', 'shells', 'mortars', 'drone']);

export function judgeTriggers(facts: SentenceFacts, tokens: readonly Token[]): TriggerVerdict {
  const live: LiveTrigger[] = [];
  const setAside: TriggerVerdict['setAside'] = [];
  // "In May, clashes ...": a word read as a date is not also a modal verb.
  const modality = cuesOf(facts, 'modality').filter((c) => !facts.times.some((t) => t.first <= c.first && c.first < t.end));
  const generic = cuesOf(facts, 'generic');
  const anniversary = cuesOf(facts, 'background').filter((c) => c.item.entry.generic);
  const responsibility = cuesOf(facts, 'responsibility').filter((c) => !isDeniedClaim(facts, c, tokens));
  const statistic = statisticCues(facts);
  const retaliation = cuesOf(facts, 'retaliation');
  const reference = cuesOf(facts, 'reference');
  const involvement = cuesOf(facts, 'involvement');
  const possession = cuesOf(facts, 'possession');
  const negation = cuesOf(facts, 'negation');
  const nature = cuesOf(facts, 'natural-cause');
  const metaphor = cuesOf(facts, 'non-violent-context');
  const ending = cuesOf(facts, 'ending');
  const tollWords = cuesOf(facts, 'statistic').filter((c) => c.item.entry.eventToll);
  const hasGrievance = cuesOf(facts, 'protest-purpose').length > 0 || facts.actors.some((a) => a.item.entry.kind === 'protesters');
  const numbers = facts.numbers;
  // "rocket-propelled grenades" names a weapon (RPG), not a grenade attack: a longer weapon name wins.
  const triggers = distinctTriggers(facts.triggers).filter(
    (t) => !facts.means.some((m) => m.first <= t.first && m.end >= t.end && m.end - m.first > t.end - t.first && m.item.entry.suggests !== t.item.entry.subEventType),
  );
  for (const t of triggers) {
    const reason = (() => {
      if (isQuoted(facts, t.first)) return 'rule.trigger.quoted-speech';
      // "camps ... because of unexploded ordnance": a device named with nothing done with it (no blast, no
      // victim, nothing found or defused) is a hazard, not an event.
      if (t.item.id === 'trigger.ied.device' && facts.triggers.every((o) => o === t || o.item.id === 'trigger.ied.device') && cuesOf(facts, 'casualties').length === 0 && cuesOf(facts, 'foiled').length === 0 && cuesOf(facts, 'possession').length === 0) {
        return 'rule.trigger.device-without-act';
      }
      const objects = t.item.entry.needsWords;
      if (objects && !tokens.slice(t.end, facts.sentence.endToken).some((k) => k.stems.some((x) => objects.includes(x)))) return 'rule.trigger.needs-its-object';
      const needs = t.item.entry.needsMeans;
      if (needs && !facts.means.some((m) => m.first >= t.end && needs.includes(m.item.entry.label))) {
        return 'rule.trigger.needs-its-weapon';
      }
      // "#خطف #حوران": a hashtag files the report under a word, it tells nothing.
      if (tokens[t.first - 1]?.key === '#' || tokens[t.first].key.startsWith('#')) return 'rule.trigger.hashtag';
      const modal = modality.find((c) => within(c, t.first, (c.item.entry.window as number) ?? 4));
      if (modal) return `rule.trigger.unreal:${modal.item.id}`;
      if (anniversary.some((c) => within(c, t.first, 4))) return 'rule.trigger.anniversary';
      // "no arrests were reported", "لم تسجل أي اعتقالات": an event said not to have happened.
      if (negation.some((c) => within(c, t.first, 2))) return 'rule.trigger.negated';
      if (t.item.entry.form === 'noun' && possession.some((c) => within(c, t.first, 4))) return 'rule.trigger.weapon-held-not-used';
      if (nature.some((c) => within(c, t.first, 3))) return 'rule.trigger.natural-cause';
      const window = (c: MatchOf<'cue'>) => (c.item.entry.window as number | undefined) ?? 4;
      const applies = (c: MatchOf<'cue'>) =>
        (c.item.entry.appliesTo === undefined || c.item.entry.appliesTo === t.item.entry.subEventType) && (c.item.entry.appliesToForm === undefined || c.item.entry.appliesToForm === t.item.entry.form);
      if (metaphor.some((c) => applies(c) && (within(c, t.first, window(c)) || (c.first >= t.end && c.first - t.end <= window(c))))) return 'rule.trigger.metaphor';
      // "احتشد ذوو الأسرى لاستقبالهم": a crowd is a protest only with a grievance or named protesters.
      if (t.item.entry.weight === 1 && classifySubEventType(t.item.entry.subEventType).eventType === 'Protests' && !hasGrievance) return 'rule.trigger.gathering-without-grievance';
      // "انسحب المحتجون من الساحة": a crowd leaving a square hands over no territory; only armed forces do.
      if (t.item.entry.subEventType === 'Non-violent transfer of territory' && t.item.entry.weight === 1) {
        const mover = facts.actors.find((a) => a.first >= t.end && a.first - t.end <= 1) ?? facts.actors.filter((a) => a.end <= t.first && t.first - a.end <= 1).pop();
        if (mover && UNARMED.has(mover.item.entry.kind)) return 'rule.trigger.unarmed-withdrawal';
      }
      // «استمرت الاشتباكات ثلاث ساعات قبل أن يتوصل الأعيان إلى وقف لإطلاق النار»: the truce that ends the fighting just told.
      // (Anything told before "before" is what the truce ended: «وأُغلق على إثرها الطريق لساعات، قبل أن ...».)
      if (t.item.entry.subEventType === 'Agreement' && ending.some((c) => within(c, t.first, 5) && c.first - facts.sentence.firstToken >= 3)) {
        return 'rule.trigger.truce-ends-the-fighting';
      }
      // (A cue may also hold the trigger itself: «الهجمات المتكررة», «عدد الهجمات».)
      const holds = (c: MatchOf<'cue'>) => c.first <= t.first && c.end >= t.end;
      // («تشهد الجبهات تبادلاً شبه يومي للقصف منذ أسابيع»: a span running to now is no day of its own.)
      // (Nor a month or a year: "a number of attacks in the past year".)
      if (facts.times.every((x) => x.kind !== 'point' || !x.date || x.ids.includes('anchor.since') || x.precision === 3) && generic.some((c) => holds(c) || within(c, t.first, 4) || (c.first >= t.end && c.first - t.end <= ((c.item.entry.window as number) ?? 4)))) {
        return 'rule.trigger.generic-series';
      }
      if (statistic.some((c) => c.first < t.first)) return 'rule.trigger.statistic';
      // "have come under attack at least 12 times since July": a tally, not one event.
      if (facts.times.some((x) => x.kind === 'since') && facts.numbers.some((n) => n.value > 1 && !facts.times.some((x) => x.first <= n.first && n.first < x.end))) {
        return 'rule.trigger.tally-since';
      }
      // "التهدئة التي تشهدها الجبهات منذ أكثر من عامين": a generic cue word with only a vague span of time is a state of affairs.
      if (t.item.entry.weight === 1 && facts.times.length > 0 && facts.times.every((x) => !x.date)) return 'rule.trigger.vague-time-generic';
      // "15 هجوماً", "dozens of attacks": a count of events is a statistic, not one event.
      // ("two rockets were fired" counts munitions of one event; only generic attack words count events.)
      if (t.item.entry.form === 'noun' && t.item.entry.weight === 1 && numbers.some((n) => n.end === t.first && (n.value > 1 || n.vague))) return 'rule.trigger.counted';
      return null;
    })();
    if (reason) {
      setAside.push({ match: t, rule: reason });
      continue;
    }
    const overlapsOrFollows = (c: MatchOf<'cue'>, window: number) => (c.first <= t.first && c.end > t.first) || within(c, t.first, window);
    let group: TriggerGroup = 'main';
    const definite = t.item.entry.form === 'noun' && isDefinite(t, tokens);
    // «تلقّت عائلة المخطوف اتصالاً من الخاطفين»: the people of an act point back at it.
    if (t.item.entry.participant) group = 'reference';
    // "The death toll from fighting ... has risen to five": a toll's update is about an act told as known.
    else if (tollWords.some((c) => c.end <= t.first && t.first - c.end <= 4)) group = 'reference';
    // «الصواريخ انفجرت في الجو»: an explosion of a weapon already named is that weapon's act, not a bomb.
    else if (t.item.entry.id === 'trigger.ied.explosion' && facts.means.some((m) => PROJECTILES.has(m.item.entry.label) && (within(m, t.first, 2) || (m.first >= t.end && m.first - t.end <= 1)))) group = 'reference';
    // "تبنى داعش الهجوم": a claim of the attack already told adds its claimant to that event.
    else if (responsibility.some((c) => c.end <= t.first) && definite) group = 'reference';
    // "أعلنت ... مسؤوليتها عن قصف": the claimed act; discourse decides if it is news or recalled.
    else if (responsibility.some((c) => c.end <= t.first)) group = 'claimed';
    else if (retaliation.some((c) => c.item.entry.points === 'answered' && overlapsOrFollows(c, 4))) group = 'answered';
    else if (retaliation.some((c) => c.item.entry.points === 'response' && overlapsOrFollows(c, 2))) group = 'response';
    else if (reference.some((c) => within(c, t.first, 1))) group = 'reference';
    // "يشتبه بتورطهم في أعمال شغب شهدتها المدينة أمس": what an arrest is for happened before it.
    else if (involvement.some((c) => within(c, t.first, 3))) group = 'reference';
    // "the attack", "الهجوم" with no date of its own: the event already being told.
    // ("ويأتي افتتاح المقر بعد أسابيع من توترات": a span of weeks is no day of its own.)
    else if (definite && !facts.times.some((x) => x.kind === 'point' && x.date && x.precision === 1)) group = 'reference';
    live.push({ match: t, group });
  }
  return { live, setAside };
}
