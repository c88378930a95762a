import { classifySubEventType } from '../contracts/acled.ts';
import type { Lexicon, MatchOf } from '../lexicon/index.ts';
import { type Day, parseDay, type TimeExpression } from '../resolve/time/index.ts';
import { headlineEnd, type Token } from '../text/index.ts';
import { type ArticleFacts, COMPLEMENTIZERS, cuesOf, isQuoted, type SentenceFacts, statisticCues } from './facts.ts';
import { type ActorMention, assignRoles } from './roles.ts';
import { judgeTriggers, type LiveTrigger } from './triggers.ts';

/** An event under construction: which sentences report it and what they say, before resolution. */
export interface Draft {
  readonly index: number;
  /** Sentences whose triggers report this event; the first is where it is introduced. */
  readonly sentences: number[];
  /** Sentences without triggers that add casualties, sources, suspects ("رجحت المصادر ..."). */
  readonly support: number[];
  /** Sentences that only give this event's toll ("No one was hurt."): read for the toll, not for its place. */
  readonly tollOnly: number[];
  readonly triggers: MatchOf<'trigger'>[];
  /** Token ranges [from, to) of a sentence that belong to this event when the sentence tells two ("X struck ... in retaliation for Y"). */
  readonly clauses: Map<number, [number, number]>;
  /** "في الحي ذاته": the event's place is that of the draft told before it. */
  samePlaceAs?: Draft;
  /** The kind of place the anaphora names ("المطار" → airport), when it names one. */
  samePlaceKind?: string;
  /** Told first as a toll's update ("The death toll from fighting has risen to five"): its day is told after. */
  tollUpdate?: boolean;
  /** Every projectile was stopped ("both were intercepted"): ACLED codes the attack as Disrupted weapons use. */
  interceptedAll?: boolean;
  /** Return fire folded into this event (ACLED: an exchange of fire is one Armed clash). */
  readonly responses: MatchOf<'trigger'>[];
  background: boolean;
  time: TimeExpression | null;
  readonly related: { relation: 'retaliation_for'; target: Draft }[];
  readonly rules: string[];
  readonly setAside: { match: MatchOf<'trigger'>; rule: string }[];
}

export interface Discourse {
  readonly drafts: Draft[];
  /** The day the report's news happened on: its lead's own date, else publication. */
  readonly referenceDay: string | null;
}

const MAX_GAP = 3;
const PROTEST_TYPES = new Set(['Peaceful protest', 'Violent demonstration', 'Mob violence']);
const DISPERSAL_TYPES = new Set(['Protest with intervention', 'Excessive force against protesters']);
const TERRITORY_CHANGE = new Set(['Non-state actor overtakes territory', 'Government regains territory']);
/** Dates taken only because the day a statement was made was the one date given: a later sentence may correct them. */
const announcedOnly = new WeakSet<TimeExpression>();
const LIVE_BLOG_STAMP = /^\d{1,2}:\d{2}$/;

function eventFamily(subEventType: string): string {
  const { eventType } = classifySubEventType(subEventType);
  // Violence of any remote or direct kind can be one event described twice; protests and
  // strategic developments cannot merge with fighting.
  return eventType === 'Battles' || eventType === 'Explosions/Remote violence' || eventType === 'Violence against civilians' ? 'violence' : eventType;
}

function pointTimes(facts: SentenceFacts): TimeExpression[] {
  return facts.times.filter((t) => t.kind === 'point' && !isQuoted(facts, t.first) && !t.future);
}

/**
 * The date that governs a trigger: the nearest point expression in its sentence, leaving out the
 * day a statement was made ("أعلنت الخلية، اليوم الاثنين، اعتقال ... أمس الأحد": the arrest was Sunday).
 */

function governingTime(facts: SentenceFacts, trigger: MatchOf<'trigger'>, tokens: readonly Token[], after = -1): TimeExpression | null {
  const speech = [...cuesOf(facts, 'speech'), ...cuesOf(facts, 'attribution')];
  // "... in retaliation for a drone attack on Sunday": the answered attack's date follows its cue.
  const all = pointTimes(facts).filter((t) => t.first >= after);
  // The announcement's own time sits between its verb and the "أن/إن/that" that opens what it reports.
  const complementizer = (from: number) => {
    for (let i = from; i < facts.sentence.endToken; i++) if (COMPLEMENTIZERS.has(tokens[i].key)) return i;
    return facts.sentence.endToken;
  };
  const announcedBefore = (t: TimeExpression) => speech.some((c) => c.end <= t.first && t.end <= trigger.first && t.first < complementizer(c.end));
  // «توقيف تسعة أشخاص يُشتبه بتورطهم في أعمال شغب شهدتها المدينة مساء أمس»: a time told after another act
  // that follows the trigger is that act's.
  // (Not an act of the same family: «استعادة السيطرة على المدينة بعد معارك استمرت أمس» is one event.)
  const family = eventFamily(trigger.item.entry.subEventType);
  const ofLaterAct = (t: TimeExpression) =>
    t.first > trigger.end && facts.triggers.some((o) => o.first >= trigger.end && o.end <= t.first && eventFamily(o.item.entry.subEventType) !== family);
  const ofEvent = all.filter((t) => !announcedBefore(t) && !ofLaterAct(t));
  const times = ofEvent.length ? ofEvent : all;
  if (!ofEvent.length && all.length) announcedOnly.add(all[0]);
  if (times.length === 0) return null;
  return times.reduce((best, t) => (Math.abs(t.first - trigger.first) < Math.abs(best.first - trigger.first) ? t : best));
}

export function hasBackgroundCue(facts: SentenceFacts, text: ArticleFacts['text']): { cue: boolean; anaphoric: boolean; id?: string } {
  let anaphoric = false;
  for (const c of cuesOf(facts, 'background')) {
    const entry = c.item.entry;
    if (entry.generic) continue;
    if (entry.anaphoric) {
      anaphoric = true;
      continue;
    }
    if (entry.requires) {
      const required = String(entry.requires);
      const found = text.tokens.slice(c.end, facts.sentence.endToken).some((t) => t.stems.includes(required));
      if (!found) continue;
    }
    return { cue: true, anaphoric, id: c.item.id };
  }
  return { cue: false, anaphoric };
}

function isBeforeNews(time: TimeExpression | null, reference: Day | null): boolean {
  if (!time?.date || !reference) return false;
  const day = parseDay(time.date);
  if (!day) return false;
  const days = (Date.UTC(reference.year, reference.month - 1, reference.day) - Date.UTC(day.year, day.month - 1, day.day)) / 86_400_000;
  // A report's news is its last day or two; anything a week or more before is recalled.
  return time.precision === 3 ? days > 10 : days >= 7;
}

function referenceDayOf(article: ArticleFacts, published: string | null): string | null {
  for (const facts of article.sentences.slice(0, 2)) {
    const lead = pointTimes(facts).find((t) => t.precision === 1 && t.date);
    if (lead) return lead.date;
  }
  return published;
}

const SPECIFIC_PLACE = new Set(['city', 'town', 'village', 'neighbourhood', 'oil_field', 'gas_field', 'base', 'airport', 'crossing', 'dam', 'camp', 'prison', 'port']);

/** The admin1 units of the specific places (towns, sites) a sentence names. */
function placeAreas(facts: SentenceFacts, clause?: [number, number], withProvinces = false): Set<string> {
  // "from the direction of Al Bayda", "المتمركزة في الميادين": where attackers came from is not where it
  // happened; nor are the ends of a road it closed ("the highway linking Tripoli with the border").
  const origins = cuesOf(facts, 'roles').filter((c) => c.item.entry.role === 'origin' || c.item.entry.role === 'route');
  // ("توفي في مستشفى مرجعيون الحكومي": a place in an institution's name is no place of the act.)
  const institutions = cuesOf(facts, 'institution').filter((c) => !c.item.entry.after);
  return new Set(
    facts.places
      .filter((p) => !institutions.some((c) => c.end === p.first))
      .filter((p) => (SPECIFIC_PLACE.has(p.item.entry.kind) || (withProvinces && p.item.entry.kind === 'admin1')) && !origins.some((c) => c.end <= p.first && p.first - c.end <= 6))
      .filter((p) => !clause || (p.first >= clause[0] && p.first < clause[1]))
      .map((p) => `${p.item.entry.country}/${p.item.entry.admin1 ?? p.item.entry.name}`),
  );
}

/**
 * Two reports joined in one sentence by "فيما", "بينما", "while": triggers on both sides of the joiner,
 * and places on both sides that share no governorate. Null when the sentence tells one event.
 */
function joinedClauses(facts: SentenceFacts, main: LiveTrigger[]): { before: LiveTrigger[]; after: LiveTrigger[]; joiner: { first: number; end: number } } | null {
  for (const joiner of cuesOf(facts, 'joiner')) {
    const before = main.filter((t) => t.match.end <= joiner.first);
    const after = main.filter((t) => t.match.first >= joiner.end);
    if (before.length === 0 || after.length === 0 || before.length + after.length !== main.length) continue;
    // ("... في حين قُتل أربعة جنود في مواجهات بمحافظة مأرب": a province names the other side's area too.)
    const first = placeAreas(facts, [facts.sentence.firstToken, joiner.first], true);
    const second = placeAreas(facts, [joiner.end, facts.sentence.endToken], true);
    if (first.size > 0 && second.size > 0 && ![...second].some((a) => first.has(a))) return { before, after, joiner };
  }
  return null;
}

function areasConflict(draft: Draft, facts: SentenceFacts, article: ArticleFacts): boolean {
  const theirs = new Set(draft.sentences.flatMap((i) => [...placeAreas(article.sentences[i], draft.clauses.get(i))]));
  const ours = placeAreas(facts);
  return theirs.size > 0 && ours.size > 0 && ![...ours].some((a) => theirs.has(a));
}

/** A statistic, a claim or a generic remark adds nothing to the event told before it; a statement may (its toll). */
function skipsAttachment(facts: SentenceFacts): boolean {
  return statisticCues(facts).length > 0 || ['responsibility', 'generic'].some((f) => cuesOf(facts, f).length > 0) ||
    cuesOf(facts, 'background').some((c) => c.item.entry.generic);
}

/** "أعلنت الخلية اليوم الأحد مقتل ..." then the statement: "... أمس السبت": the event's own day wins. */
function correctAnnouncedDate(draft: Draft, facts: SentenceFacts): void {
  if (!draft.time || !announcedOnly.has(draft.time)) return;
  const announced = draft.time.date ?? '';
  // (A date weeks before the announcement, "The RSF had seized the town in June 2023", recalls another event.)
  const day = parseDay(announced);
  const recent = (t: TimeExpression) => day !== null && !isBeforeNews(t, day);
  const own = facts.times.find((t) => t.kind === 'point' && t.date && !t.future && t.date < announced && recent(t));
  if (own) {
    draft.time = own;
    draft.rules.push('rule.time.event-day-over-announcement-day');
  }
}

/** "في الحي ذاته", "over the airport": the draft's place is that of an event told before it. */
function pointBackToPlace(draft: Draft, facts: SentenceFacts, drafts: readonly Draft[]): void {
  const cue = cuesOf(facts, 'same-place')[0];
  if (!cue || draft.index === 0) return;
  draft.samePlaceAs = drafts[draft.index - 1];
  draft.samePlaceKind = cue.item.entry.kind as string | undefined;
}

export function buildDiscourse(article: ArticleFacts, published: string | null, lexicon: Lexicon): Discourse {
  const referenceDay = referenceDayOf(article, published);
  const reference = referenceDay ? parseDay(referenceDay) : null;
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let lastSentenceOfCurrent = -1;

  const newDraft = (sentence: number, triggers: LiveTrigger[], time: TimeExpression | null, background: boolean, rule: string): Draft => {
    const draft: Draft = {
      index: drafts.length,
      sentences: [sentence],
      support: [],
      tollOnly: [],
      triggers: triggers.map((t) => t.match),
      responses: [],
      background,
      time,
      related: [],
      rules: [rule],
      setAside: [],
      clauses: new Map(),
    };
    drafts.push(draft);
    return draft;
  };

  // Who did what in a draft, by named actor: a sentence whose doer is the side the event told before hit
  // ("... killed two SDF fighters. Hours later, the SDF shelled SNA positions") tells the other side's answer.
  // (Read once per draft as it stands, not again for every sentence that is weighed against it.)
  const sidesSeen = new WeakMap<Draft, { size: string; sides: { agents: Set<string>; targets: Set<string>; agentKinds: Set<string> } }>();
  const sidesOf = (d: Draft) => {
    const size = `${d.sentences.length}/${d.triggers.length}`;
    const seen = sidesSeen.get(d);
    if (seen?.size === size) return seen.sides;
    const roles = d.sentences.flatMap((i) =>
      assignRoles(article.sentences[i], d.triggers.filter((t) => article.text.tokens[t.first].sentence === i), article.text.tokens, lexicon),
    );
    const named = (role: string) => new Set(roles.filter((r) => r.role === role && !r.entry.template).map((r) => r.entry.id));
    const agentKinds = new Set(roles.filter((r) => r.role === 'agent' && !r.entry.template).map((r) => r.entry.kind));
    const sides = { agents: named('agent'), targets: named('target'), agentKinds };
    sidesSeen.set(d, { size, sides });
    return sides;
  };
  // Only a doer that is the grammatical subject of the act («قصفت قسد», "the SDF shelled"), not a side named
  // in passing ("an officer in the Somali army said the bomber ...").
  const subjectsOf = (facts: SentenceFacts, main: readonly LiveTrigger[]) => {
    const subject = (r: { rule: string; end: number }) =>
      r.rule === 'rule.role.subject-after-verb' || (r.rule === 'rule.role.before-trigger' && main.some((t) => t.match.item.entry.form === 'verb' && t.match.first >= r.end && t.match.first - r.end <= 2));
    return assignRoles(facts, main.map((t) => t.match), article.text.tokens, lexicon).filter((r) => r.role === 'agent' && subject(r));
  };
  const answersBack = (d: Draft, agents: readonly ActorMention[]): boolean => {
    if (agents.length === 0) return false;
    const sides = sidesOf(d);
    // The side hit, named; or the other kind of force ("the Houthis shelled ... government artillery shelled
    // Houthi positions"): a state's forces, even unnamed, are not the rebel group told before.
    return agents.some(
      (a) =>
        (!a.entry.template && sides.targets.has(a.entry.id) && !sides.agents.has(a.entry.id)) ||
        (sides.agentKinds.size > 0 && !sides.agents.has(a.entry.id) && !sides.agentKinds.has(a.entry.kind) && (a.entry.kind === 'state' || sides.agentKinds.has('state'))),
    );
  };

  // Tear gas, stun grenades and rubber bullets are a protest's dispersal only in a report about a protest.
  const protestStory = article.sentences.some(
    (f) => f.actors.some((a) => a.item.entry.kind === 'protesters' || a.item.entry.kind === 'rioters') || f.triggers.some((t) => PROTEST_TYPES.has(t.item.entry.subEventType)),
  );

  const headline = headlineEnd(article.text);
  for (const facts of article.sentences) {
    const s = facts.sentence.index;
    if (facts.sentence.endToken <= headline) continue;
    // A live blog's next item ("08:30 - Parliament to resume ...") starts a new story, and its title line
    // is a headline: the item's body tells the event.
    if (LIVE_BLOG_STAMP.test(article.text.tokens[facts.sentence.firstToken].key)) {
      current = null;
      // (A short item that ends with a full stop is a report of its own: "12:30 – فجّرت قوة ... ثلاثة منازل.")
      const closed = ['.', '!', '?'].includes(article.text.tokens[facts.sentence.endToken - 1]?.key ?? '');
      if (facts.sentence.endToken - facts.sentence.firstToken <= 16 && !closed) continue;
    }
    const judged = judgeTriggers(facts, article.text.tokens);
    const dispersal = protestStory ? [] : judged.live.filter((t) => DISPERSAL_TYPES.has(t.match.item.entry.subEventType));
    const verdict = {
      live: judged.live.filter((t) => !dispersal.includes(t)),
      setAside: [...judged.setAside, ...dispersal.map((t) => ({ match: t.match, rule: 'rule.trigger.dispersal-without-protest' }))],
    };
    const claimed = verdict.live.filter((t) => t.group === 'claimed');
    const bgEarly = hasBackgroundCue(facts, article.text);
    // A claim said "at the time" of a recalled event is about that event, not new news.
    const claimIsNews = claimed.length > 0 && !bgEarly.anaphoric && !bgEarly.cue;
    if (claimed.length > 0 && !claimIsNews) verdict.setAside.push(...claimed.map((t) => ({ match: t.match, rule: 'rule.trigger.claimed-earlier-act' })));
    // "بعد القصف", "جراء القصف": a reference adds to the event being told; it starts one only when none is.
    const referenceOnly = verdict.live.filter((t) => t.group === 'reference');
    const refersToCurrent: boolean = current !== null && s - lastSentenceOfCurrent <= MAX_GAP && referenceOnly.length > 0;
    let main: LiveTrigger[] = verdict.live.filter((t) => t.group === 'main' || (t.group === 'claimed' && claimIsNews) || (t.group === 'reference' && !refersToCurrent && !verdict.live.some((o) => o.group === 'main')));
    const split = joinedClauses(facts, main);
    if (split) main = split.before;
    const responses = verdict.live.filter((t) => t.group === 'response');
    const answered = verdict.live.filter((t) => t.group === 'answered');
    const bg = bgEarly;
    const inheritsBackground: boolean = bg.anaphoric && current?.background === true;

    let mainDraft: Draft | null = null;
    // After a sentence that told two events, the next one continues the event of its own kind
    // ("أصيب ثلاثة مدنيين بقذائف ... في حين قُتل أربعة جنود في مواجهات. واتهم ... الحوثيين بقصف الحي").
    const splitAt: number = current && current.clauses.size > 0 ? Math.max(...current.sentences) : -1;
    if (main.length > 0 && current?.clauses.has(splitAt) && s - splitAt <= MAX_GAP) {
      const kind = main[0].match.item.entry.subEventType;
      const sibling: Draft | undefined = drafts.find((d) => d !== current && d.clauses.has(splitAt) && d.triggers.some((t) => t.item.entry.subEventType === kind));
      if (sibling && !current.triggers.some((t) => t.item.entry.subEventType === kind)) current = sibling;
    }
    // A live blog's later item that names the event again («الجيش الإسرائيلي يزعم أن الغارة ...», «غارة العدو
    // على طريق يارون أدت إلى ...»): a reference with no day of its own, told with nothing current, belongs to
    // the last event of its kind.
    const liveRetold: Draft | undefined =
      current === null && main.length > 0 && main.every((t) => t.group === 'reference') && !pointTimes(facts).some((t) => t.date) && !bg.cue
        ? [...drafts].reverse().find((d) => !d.background && d.triggers.some((t) => eventFamily(t.item.entry.subEventType) === eventFamily(main[0].match.item.entry.subEventType)))
        : undefined;
    if (liveRetold) {
      liveRetold.support.push(s);
      liveRetold.rules.push('rule.discourse.live-item-retells');
      current = liveRetold;
      lastSentenceOfCurrent = s;
    } else if (main.length > 0) {
      const told = governingTime(facts, main[0].match, article.text.tokens);
      // «في ساعة متأخرة من الليلة ذاتها», "later that same day": the day of the event just told.
      const sameDayAsBefore: boolean = told !== null && current?.time != null && cuesOf(facts, 'demonstrative').some((c) => c.first === told.end || c.end === told.first);
      const time: TimeExpression | null = sameDayAsBefore ? (current?.time ?? told) : told;
      // «وكانت المسيرة قد انطلقت بمشاركة عشرات الأهالي ورددوا هتافات»: a pluperfect with only generic words,
      // no day of its own and the event just told of its kind goes back over that event, it recalls no other.
      const flashback: boolean =
        bg.cue && !time && current !== null && !current.background && s - lastSentenceOfCurrent <= MAX_GAP &&
        main.every((t) => t.match.item.entry.weight === 1) &&
        eventFamily(current.triggers[0].item.entry.subEventType) === eventFamily(main[0].match.item.entry.subEventType);
      const background: boolean = (bg.cue && !flashback) || inheritsBackground || isBeforeNews(time, reference);
      // Another town of the same governorate is still the same story ("north of Baghdad ... near
      // Tarmiyah"); a town in another governorate is another event.
      const newAreas = placeAreas(facts);
      const currentAreas: Set<string> = current ? new Set(current.sentences.flatMap((i) => [...placeAreas(article.sentences[i])])) : new Set<string>();
      const conflictingPlace: boolean = currentAreas.size > 0 && newAreas.size > 0 && ![...newAreas].some((p) => currentAreas.has(p));
      // "the settlers ... threw stones and firebombs at homes": riot-like acts of the armed group already
      // told are part of its attack, not a riot of their own.
      const sameActor = (facts2: SentenceFacts) =>
        facts.actors.some((a) => a.item.entry.kind !== 'civilians' && !a.item.entry.template && facts2.actors.some((b) => b.item.entry === a.item.entry));
      const riotByAttacker: boolean =
        current !== null &&
        eventFamily(current.triggers[0].item.entry.subEventType) === 'violence' &&
        main.every((t) => classifySubEventType(t.match.item.entry.subEventType).eventType === 'Riots') &&
        current.sentences.some((i) => sameActor(article.sentences[i]));
      // (Any of the event's words counts: an abduction first told by "detainees" is still an abduction.)
      const sameFamily: boolean = current ? riotByAttacker || current.triggers.some((t) => eventFamily(t.item.entry.subEventType) === eventFamily(main[0].match.item.entry.subEventType)) : false;
      const sameTime: boolean = !time || !current?.time || time.date === current.time.date;
      const withinGap: boolean = current !== null && s - lastSentenceOfCurrent <= MAX_GAP;
      // "about 15 rockets crossed ... some were intercepted": interception inside an attack report is part of it.
      const partOfAttack: boolean =
        withinGap && !time?.date && current !== null && classifySubEventType(current.triggers[0].item.entry.subEventType).eventType === 'Explosions/Remote violence' &&
        main.every((t) => t.match.item.entry.subEventType === 'Disrupted weapons use');
      // A generic word ("فدية", "attack") near an event of its family adds to it, whatever date its sentence carries.
      const weakOnly: boolean = main.every((t) => t.match.item.entry.weight === 1);
      // ... but not when both carry days of their own and the days differ ("On Thursday, the base came under fire").
      const eitherUndated: boolean = !current?.time?.date || !time?.date || !time.ids.some((id) => !id.startsWith('rule.'));
      // "In Sunday's attack ...": an event told earlier on the same day, in the same area, is the one meant.
      const separate = cuesOf(facts, 'new-story').length > 0;
      // ("... في حين قُتل أربعة جنود في مواجهات بمحافظة مأرب. وفي مأرب، قال مصدر إن مسلحين شنوا أمس هجوماً ...":
      // the second clause of a lead, told without a day, is the same kind of event told next with its day.)
      const undatedClause = (d: Draft) =>
        !d.time?.date && !d.background && d.clauses.size > 0 && s - Math.max(...d.sentences) <= MAX_GAP && d.triggers.some((t) => main.some((m) => t.item.entry.subEventType === m.match.item.entry.subEventType));
      const subjects = subjectsOf(facts, main);
      const sameDay: Draft | undefined = time?.date && !separate
        ? drafts.find(
            (d) =>
              (d.time?.date === time.date || undatedClause(d) || (d.tollUpdate === true && !d.time?.date && s - Math.max(...d.sentences) <= MAX_GAP)) &&
              !answersBack(d, subjects) &&
              eventFamily(d.triggers[0].item.entry.subEventType) === eventFamily(main[0].match.item.entry.subEventType) &&
              !areasConflict(d, facts, article),
          )
        : undefined;
      const answer: boolean = current !== null && answersBack(current, subjects);
      const continues: boolean =
        !sameDay &&
        !separate &&
        !answer &&
        (partOfAttack || (current !== null && withinGap && sameFamily && (!bg.cue || flashback) && ((current.background === background && sameTime && !conflictingPlace) || (weakOnly && !background && (sameTime || eitherUndated)))));
      if (partOfAttack && current && cuesOf(facts, 'interception-extent').some((c) => c.item.entry.extent === 'all')) {
        current.interceptedAll = true;
        current.rules.push('rule.acled.all-intercepted');
      }
      // «وقالت سرايا القدس في بيان إن مقاتليها أطلقوا الصواريخ»: a group reporting, right after the event, its
      // own act with the event's weapon tells the same event again; it names the author, not a new attack.
      const weaponsOf = (f: SentenceFacts) => new Set(f.means.map((m) => m.item.entry.label));
      const currentWeapons: Set<string> = current ? new Set(current.sentences.flatMap((i) => [...weaponsOf(article.sentences[i])])) : new Set<string>();
      const ownReport = cuesOf(facts, 'self-report').find((p) => main.every((t) => t.match.first >= p.end));
      const retold: boolean =
        current !== null && withinGap && !time?.date && ownReport !== undefined && cuesOf(facts, 'speech').some((c) => c.end <= ownReport.first) && [...weaponsOf(facts)].some((w) => currentWeapons.has(w));
      // «قالت القوة المشتركة إن مقاتليها انسحبوا تكتيكياً من المدينة» after the city's capture was told: the losing
      // side's account of the same change of hands, not a handover of its own.
      const losersAccount: boolean =
        current !== null && withinGap && !conflictingPlace && !current.background &&
        current.triggers.some((t) => TERRITORY_CHANGE.has(t.item.entry.subEventType)) &&
        main.every((t) => t.match.item.entry.subEventType === 'Non-violent transfer of territory');
      if ((retold || losersAccount) && current) {
        current.support.push(s);
        current.rules.push(retold ? 'rule.discourse.own-report-retells' : 'rule.discourse.losers-account');
        mainDraft = current;
      } else if (partOfAttack && current && !sameDay && !current.interceptedAll) {
        // Part of the attack just told: its sentence adds to it, its interception word does not retype it.
        current.support.push(s);
        mainDraft = current;
      } else if (sameDay) {
        sameDay.sentences.push(s);
        sameDay.triggers.push(...main.map((t) => t.match));
        sameDay.rules.push('rule.discourse.same-day-same-event');
        sameDay.time ??= time;
        mainDraft = sameDay;
      } else if (continues && current) {
        // "rockets fell ... the shelling ... the attack": one event told in several sentences.
        current.sentences.push(s);
        current.triggers.push(...main.map((t) => t.match));
        current.time ??= time;
        correctAnnouncedDate(current, facts);
        current.rules.push('rule.discourse.same-event-continues');
        mainDraft = current;
      } else {
        const answered: Draft | null = answer ? current : null;
        // ("The death toll from fighting ... has risen to five after two wounded men died overnight": the day
        // told is the deaths', the fighting's is told next.)
        const tollUpdate = main.every((t) => t.group === 'reference') && cuesOf(facts, 'statistic').some((c) => c.item.entry.eventToll);
        // (The update's own day, "after two wounded men died overnight", is the deaths'; a day told with the
        // act itself, «القصف الذي طال المخيم قبل يومين», is the act's.)
        const afterCue = cuesOf(facts, 'reference').find((c) => c.first > main[0].match.end);
        const ownTime = tollUpdate && time && (!afterCue || time.first < afterCue.first) ? time : null;
        mainDraft = newDraft(s, main, tollUpdate ? ownTime : time, background, background ? (bg.id ?? 'rule.discourse.recalled-by-date') : answered ? 'rule.discourse.the-other-side-answers' : 'rule.discourse.new-event');
        if (tollUpdate) mainDraft.tollUpdate = true;
        if (answered && cuesOf(facts, 'retaliation').length > 0) mainDraft.related.push({ relation: 'retaliation_for', target: answered });
        // «وأوقفت ثلاثة من المعتدين في الليلة نفسها»: told on "the same night" with no place, it was where the event was.
        if (sameDayAsBefore && facts.places.length === 0 && current) mainDraft.samePlaceAs = current;
        if (inheritsBackground) mainDraft.rules.push('rule.discourse.anaphoric-time');
      }
      current = mainDraft;
      lastSentenceOfCurrent = s;
    }
    if (split && mainDraft) {
      // "... غارة على النصيرات، فيما أصيب شابان في هجوم للمستوطنين على ترمسعيا": the second clause is its own event.
      const time = governingTime(facts, split.after[0].match, article.text.tokens, split.joiner.end);
      const second = newDraft(s, split.after, time, bg.cue || isBeforeNews(time, reference), 'rule.discourse.joined-clause');
      mainDraft.clauses.set(s, [facts.sentence.firstToken, split.joiner.first]);
      second.clauses.set(s, [split.joiner.end, facts.sentence.endToken]);
      current = second;
      lastSentenceOfCurrent = s;
    }

    // "... was shot down, the military said. No one was hurt.": a toll told right after an event, in a
    // sentence with no act of its own, is that event's.
    // (Not after a sentence that told two events: whose toll it is, is not known.)
    if (main.length === 0 && responses.length === 0 && answered.length === 0 && current && !current.background && s === lastSentenceOfCurrent + 1 && !bg.cue && !current.clauses.has(lastSentenceOfCurrent)) {
      // (Not a claimant's figure: "Al Shabaab claimed ..., saying 20 soldiers had died".)
      const claimed = cuesOf(facts, 'responsibility').length > 0;
      if (!claimed && cuesOf(facts, 'casualties').length > 0 && statisticCues(facts).length === 0 && !facts.times.some((t) => t.kind === 'since')) current.tollOnly.push(s);
    }

    // (The answer just told as an event of its own: "in what it called a response to Turkish attacks" names
    // what it answers, not a return of fire.)
    if (responses.length > 0 && !mainDraft?.rules.includes('rule.discourse.the-other-side-answers')) {
      const answeredEvent = mainDraft ?? current;
      const time = governingTime(facts, responses[0].match, article.text.tokens);
      const sameDay = !time || !answeredEvent?.time || time.date === answeredEvent.time.date;
      if (answeredEvent && sameDay && s - lastSentenceOfCurrent <= MAX_GAP) {
        // Rockets on a base and return fire at the launch site the same night: one Armed clash.
        answeredEvent.responses.push(...responses.map((t) => t.match));
        if (!answeredEvent.sentences.includes(s)) answeredEvent.sentences.push(s);
        answeredEvent.rules.push('rule.acled.exchange-of-fire');
        lastSentenceOfCurrent = s;
      } else {
        const reply = newDraft(s, responses, time, isBeforeNews(time, reference), 'rule.discourse.reply-on-another-day');
        if (answeredEvent) reply.related.push({ relation: 'retaliation_for', target: answeredEvent });
        current = reply;
        lastSentenceOfCurrent = s;
      }
    }

    if (answered.length > 0) {
      // "رداً على الهجوم": the answered attack is an event already told, or a recalled one.
      const family = eventFamily(answered[0].match.item.entry.subEventType);
      const answeredCue = cuesOf(facts, 'retaliation').find((c) => c.item.entry.points === 'answered' && c.end <= answered[0].match.first);
      const time = governingTime(facts, answered[0].match, article.text.tokens, answeredCue?.end ?? -1);
      // Only an event of the same date, or of the same type when the answered one has no date, is the one answered.
      const known = drafts.find(
        (d) =>
          d !== mainDraft &&
          eventFamily(d.triggers[0].item.entry.subEventType) === family &&
          // ("رداً على استهداف الأحياء السكنية": a generic word answers any attack of its family told before.)
          (time?.date && d.time?.date
            ? d.time.date === time.date
            : !time?.date && (d.triggers[0].item.entry.subEventType === answered[0].match.item.entry.subEventType || answered[0].match.item.entry.weight === 1) && d.sentences[0] !== s),
      );
      const target = known ?? newDraft(s, answered, time && time !== mainDraft?.time ? time : null, true, 'rule.discourse.answered-attack');
      if (answeredCue) {
        if (!known) target.clauses.set(s, [answeredCue.end, facts.sentence.endToken]);
        if (mainDraft) mainDraft.clauses.set(s, [facts.sentence.firstToken, answeredCue.first]);
      }
      if (mainDraft && target !== mainDraft) mainDraft.related.push({ relation: 'retaliation_for', target });
    }

    // "وكان المودعون قد نفذوا تحركاً مماثلاً الشهر الماضي": a similar event of the last type told.
    const similarTime = pointTimes(facts).find((t) => t.date);
    if (verdict.live.length === 0 && cuesOf(facts, 'similar').length > 0 && similarTime && drafts.length > 0) {
      const model = drafts[drafts.length - 1];
      const background = bg.cue || isBeforeNews(similarTime, reference);
      const similar = newDraft(s, model.triggers.map((match) => ({ match, group: 'main' as const })), similarTime, background, 'rule.discourse.similar-event');
      similar.rules.push(...(bg.id ? [bg.id] : []));
      pointBackToPlace(similar, facts, drafts);
      // "وقفة مماثلة الأسبوع الماضي": a similar event told without a place happened where the first one did.
      similar.samePlaceAs ??= model;
      current = similar;
      lastSentenceOfCurrent = s;
      continue;
    }
    if (mainDraft) pointBackToPlace(mainDraft, facts, drafts);
    // "فرض حظر تجوّل عقب اشتباكات اندلعت الليلة الماضية": the event referred to beside another is one of
    // its own when nothing of its kind has been told yet.
    const references = verdict.live.filter((t) => t.group === 'reference');
    // («دوت صفارات الإنذار بعد إطلاق صاروخين ... اعترضت الصاروخين»: the launch referred to is the attack intercepted.)
    const intercepts = mainDraft?.triggers.some((t) => t.item.entry.subEventType === 'Disrupted weapons use') ?? false;
    const untold = references.filter(
      (t) =>
        !drafts.some((d) => eventFamily(d.triggers[0].item.entry.subEventType) === eventFamily(t.match.item.entry.subEventType)) &&
        !(intercepts && classifySubEventType(t.match.item.entry.subEventType).eventType === 'Explosions/Remote violence') &&
        // ("pushed the attackers back after reinforcements arrived": a move referred to is context of the fighting.)
        classifySubEventType(t.match.item.entry.subEventType).eventType !== 'Strategic developments',
    );
    if (mainDraft && untold.length > 0) {
      const time = governingTime(facts, untold[0].match, article.text.tokens, untold[0].match.first);
      const referredDraft = newDraft(s, untold, time, bg.cue || isBeforeNews(time, reference), 'rule.discourse.referred-event');
      // «فرض حظر تجوّل ... عقب اشتباكات اندلعت الليلة الماضية بين مسلحين من الطوارق وآخرين من التبو»: what
      // follows the reference word is the referred event's, its sides and its day.
      const cue = cuesOf(facts, 'reference').find((c) => c.end <= untold[0].match.first && untold[0].match.first - c.end <= 1);
      const ownTriggers = mainDraft.triggers.filter((t) => article.text.tokens[t.first].sentence === s);
      if (cue && !mainDraft.clauses.has(s) && ownTriggers.every((t) => t.end <= cue.first)) {
        mainDraft.clauses.set(s, [facts.sentence.firstToken, cue.first]);
        referredDraft.clauses.set(s, [cue.first, facts.sentence.endToken]);
        // (The main event keeps a day of its own clause: «فرض حظر تجوّل اعتباراً من مساء اليوم».)
        if (mainDraft.time && mainDraft.time.first >= cue.first && mainDraft.sentences[0] === s) {
          mainDraft.time = facts.times.find((t) => t.date && t.first < cue.first && t.first > facts.sentence.firstToken) ?? null;
        }
      }
    }
    const onlyReferences = verdict.live.every((t) => t.group === 'reference');
    // A reference joins the event of its own kind ("وأسفرت الاشتباكات عن مقتل ..." after a curfew and a clash were told).
    const referred = references.length > 0
      ? [...drafts].reverse().find((d) => eventFamily(d.triggers[0].item.entry.subEventType) === eventFamily(references[0].match.item.entry.subEventType))
      : undefined;
    const attachTo = referred && s - Math.max(...referred.sentences, ...referred.support) <= MAX_GAP ? referred : current;
    if (onlyReferences && main.length === 0 && attachTo && !skipsAttachment(facts) && s - lastSentenceOfCurrent <= MAX_GAP && !bg.cue) {
      attachTo.support.push(s);
      correctAnnouncedDate(attachTo, facts);
      lastSentenceOfCurrent = s;
    }
    if (verdict.setAside.length > 0) (mainDraft ?? current ?? drafts[drafts.length - 1])?.setAside.push(...verdict.setAside);
  }
  return { drafts, referenceDay };
}

