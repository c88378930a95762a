import type { ActorEntry, Lexicon, MatchOf } from '../lexicon/index.ts';
import type { Token } from '../text/index.ts';
import { COMPLEMENTIZERS, cuesOf, inQuotedSpeech, type SentenceFacts } from './facts.ts';

export type Role = 'agent' | 'target' | 'suspect' | 'origin' | 'speaker';

export interface ActorMention {
  readonly entry: ActorEntry;
  readonly id: string;
  readonly first: number;
  readonly end: number;
  readonly sentence: number;
  readonly role: Role;
  /** The rule that gave the role, for `marsad explain`. */
  readonly rule: string;
  readonly hedged: boolean;
}

/** Kinds that speak or count but do not fight: they are never an event's actor. */
const NON_COMBATANT = new Set(['person', 'organization']);

// «وأن» also opens a reported clause here, after a speaker and before its doer.
const REPORTING = new Set([...COMPLEMENTIZERS, 'وان']);

/** A complementizer, then another actor, stand between this actor and the trigger. */
function reportedAfter(actor: MatchOf<'actor'>, trigger: MatchOf<'trigger'>, tokens: readonly Token[], actors: readonly MatchOf<'actor'>[]): boolean {
  for (let i = actor.end; i < trigger.first; i++) {
    if (REPORTING.has(tokens[i].key)) return actors.some((a) => a !== actor && a.first > i && a.end <= trigger.first && a.item.entry.kind !== 'civilians');
  }
  return false;
}

function follows(cue: { end: number }, first: number, window: number): boolean {
  return cue.end <= first && first - cue.end <= window;
}

/**
 * Who did what to whom in one sentence, relative to the event's trigger. Arabic news is mostly
 * verb-first: the actor right after an active verb is its subject ("قصفت قوات النظام"); after a
 * target word it is the target ("غارات على مواقع الميليشيات"); after "من قبل" it is the agent; after
 * a host clause ("الذي تتخذه القوات الأميركية قاعدة") it owns the target. English is subject-first.
 */
/** Aircraft and artillery named by a nation ("طائرات حربية إسرائيلية", "a Turkish drone", "Israeli artillery") are its military's. */
const STATE_OPERATED_MEANS = new Set(['aircraft', 'drone', 'artillery']);
const STATE_OPERATED_STRIKES = new Set(['Air/drone strike']);

function nationalAircraft(facts: SentenceFacts, lexicon: Lexicon): MatchOf<'actor'>[] {
  const out: MatchOf<'actor'>[] = [];
  // "An Israeli air strike", "غارة إسرائيلية", "a Turkish drone strike": the strike names the state.
  const strikes = facts.triggers.filter((t) => STATE_OPERATED_STRIKES.has(t.item.entry.subEventType));
  for (const strike of strikes) {
    const adjective = facts.adjectives.find((a) => a.end === strike.first || a.first === strike.end);
    const military = adjective && lexicon.nationalMilitary(adjective.item.entry.name);
    if (military) out.push({ item: { kind: 'actor', id: military.id, entry: military }, form: strike.form, first: Math.min(strike.first, adjective.first), end: Math.min(strike.first, adjective.first) + 1 });
  }
  for (const means of facts.means) {
    if (!STATE_OPERATED_MEANS.has(means.item.entry.label)) continue;
    const adjective = facts.adjectives.find((a) => a.first >= means.end && a.first - means.end <= 1) ?? facts.adjectives.find((a) => a.end === means.first);
    // "طائرات «إف-16» العراقية": a state's warplanes are its air force, where the catalogue names one.
    if (!adjective) continue;
    const airForce = means.item.entry.label === 'aircraft' ? lexicon.nationalAirForce(adjective.item.entry.name) : undefined;
    const military = airForce ?? lexicon.nationalMilitary(adjective.item.entry.name);
    if (military) out.push({ item: { kind: 'actor', id: military.id, entry: military }, form: means.form, first: Math.min(means.first, adjective.first), end: Math.max(means.end, adjective.end) });
  }
  return out;
}

/** "قذيفة حوثية" (a nisba adjective right after the weapon), "a Houthi drone" (a name right before it). */
function isOwnerAdjective(actor: MatchOf<'actor'>, facts: SentenceFacts, tokens: readonly Token[]): boolean {
  const word = tokens[actor.first];
  // The weapon or the act itself: "بقذيفة حوثية", "غارة إسرائيلية", "a Houthi drone", "an Israeli drone strike".
  const weaponOrAct = [...facts.means, ...facts.triggers.filter((t) => t.item.entry.form === 'noun')];
  if (word.script === 'ar') {
    // («استهداف مسيّرة تركية»: the weapon's match may hold its adjective.)
    return actor.end - actor.first === 1 && /يه?$/.test(word.key) && !word.key.startsWith('ال') && weaponOrAct.some((m) => m.end === actor.first || (m.first < actor.first && m.end >= actor.end));
  }
  return weaponOrAct.some((m) => m.first === actor.end);
}

/** "Israeli drone strike killed": a weapon or an attack word between an actor and a casualty word makes the actor its owner. */
function weaponBetween(facts: SentenceFacts, from: number, to: number): boolean {
  // Overlap, not inclusion: in "an Israeli drone strike killed", the actor "Israeli drone" holds half of "drone strike".
  return [...facts.means, ...facts.triggers].some((m) => m.end > from && m.first < to);
}

/** The actor is the subject of the speech verb: right before it, or before an apposition set off by commas. */
function speakerOf(actor: MatchOf<'actor'>, speech: { first: number }, tokens: readonly Token[]): boolean {
  if (speech.first < actor.end) return false;
  if (speech.first - actor.end <= 3) return true;
  if (speech.first - actor.end > 14 || tokens[actor.end]?.key !== ',' || tokens[speech.first - 1]?.key !== ',') return false;
  // The apposition describes the actor: nothing else in it ends a clause or names the subject anew.
  return !tokens.slice(actor.end + 1, speech.first - 1).some((t) => t.key === ',' || t.key === '.');
}

/** The self-report right after the speech verb, past words that only say where it was said ("in a statement that", «في بيان»). */
function selfReportAfter(speech: { end: number }, selfReports: readonly MatchOf<'cue'>[], actors: readonly MatchOf<'actor'>[], facts: SentenceFacts, speaker?: MatchOf<'actor'>): boolean {
  // («كتيبة طوباس – سرايا القدس»: the umbrella named beside the speaker is the same voice.)
  const sameVoice = (a: MatchOf<'actor'>) => speaker !== undefined && (speaker.item.entry.parent === a.item.id || a.item.entry.parent === speaker.item.id);
  return selfReports.some(
    (p) =>
      p.first >= speech.end &&
      (p.first - speech.end <= 1 ||
        (p.first - speech.end <= 8 &&
          !actors.some((a) => a.first >= speech.end && a.first < p.first && !sameVoice(a)) &&
          !facts.triggers.some((t) => t.first >= speech.end && t.first < p.first))),
  );
}

export function assignRoles(facts: SentenceFacts, triggers: readonly MatchOf<'trigger'>[], tokens: readonly Token[], lexicon: Lexicon): ActorMention[] {
  const roleCues = cuesOf(facts, 'roles');
  const byRole = (role: string) => roleCues.filter((c) => c.item.entry.role === role);
  const agentCues = byRole('agent');
  const lightVerbs = byRole('agent-verb');
  // ("on Thursday, Israeli artillery shelled": "on" before a date marks no target.)
  const targetCues = byRole('target').filter((c) => !facts.times.some((t) => t.first === c.end || (t.first <= c.first && c.first < t.end)));
  const hostCues = byRole('host');
  const originCues = byRole('origin');
  const passiveCues = byRole('passive');
  const affiliationCues = byRole('affiliation');
  const supportCues = byRole('support');
  const hedges = cuesOf(facts, 'hedging');
  const accusations = hedges.filter((h) => h.item.entry.accuses);
  const speech = [...cuesOf(facts, 'speech'), ...cuesOf(facts, 'attribution')];
  const selfReports = cuesOf(facts, 'self-report');
  // An agentive casualty verb («اغتال مسلحان الناشط») has its doer after it, not its dead.
  const casualties = cuesOf(facts, 'casualties').filter((c) => !c.item.entry.agentive);
  const numbers = facts.numbers;
  const trigger = triggers[0];
  const mentions: ActorMention[] = [];
  const operated = nationalAircraft(facts, lexicon);
  const actors = [...facts.actors, ...operated].filter((a) => !NON_COMBATANT.has(a.item.entry.kind) && !inQuotedSpeech(facts, a.first));
  // A shorter actor inside a longer one ("القوات" in "القوات الأمريكية") is the same mention.
  const distinct = actors.filter((a) => !actors.some((o) => o !== a && o.first <= a.first && o.end >= a.end && o.end - o.first > a.end - a.first));
  for (const actor of distinct) {
    const { first } = actor;
    const hedged = hedges.some((h) => h.end <= first) || hedges.some((h) => h.first >= actor.end && h.first - actor.end <= 1);
    let role: Role;
    let rule: string;
    const isEnglish = tokens[first].script === 'latin';
    const civilians = actor.item.entry.kind === 'civilians';
    const affiliation = affiliationCues.find((c) => follows(c, first, 1));
    const head = affiliation ? mentions.filter((m) => m.end <= affiliation.first && affiliation.first - m.end <= 2).pop() : undefined;
    // "The army accused the RSF of killing five civilians", «واتهم المركز الإعلامي الحوثيين بقصف الحي»:
    // the accuser speaks, the accused is the suspected author.
    const accuser = accusations.some((h) => (isEnglish ? h.first >= actor.end && h.first - actor.end <= 2 : follows(h, first, 1)));
    const accused = !accuser && accusations.some((h) => h.end <= first && first - h.end <= (isEnglish ? 3 : 10));
    if (accuser) [role, rule] = ['speaker', 'rule.role.accuser'];
    else if (accused && !civilians) [role, rule] = ['suspect', 'rule.role.accused'];
    // "residents said", «وقال سكان»: witnesses who tell the event are not its targets.
    else if (civilians && (speech.some((c) => c.first >= actor.end && c.first - actor.end <= 1) || speech.some((c) => follows(c, first, 0)))) [role, rule] = ['speaker', 'rule.role.speaker'];
    else if (civilians) [role, rule] = ['target', 'rule.role.civilians-are-targets'];
    // "قوات الجيش، بمساندة مقاتلي المعاويسلي، استعادت": who backs the doer acts with it, behind it.
    else if (supportCues.some((c) => follows(c, first, 1))) [role, rule] = ['agent', 'rule.role.supporting-force'];
    // "مسلحون تابعون لجماعة الحوثي", "fighters loyal to X": the named group takes the role of the men it names.
    else if (head) [role, rule] = [head.role === 'suspect' ? 'suspect' : head.role, 'rule.role.affiliated-with-head'];
    // "الطيران الحربي التابع للجيش السوداني": the force a weapon belongs to used it.
    else if (affiliation && facts.means.some((m) => m.end === affiliation.first || m.end === affiliation.first - 1)) [role, rule] = ['agent', 'rule.role.owner-of-weapon'];
    // ("غارات على مواقع تابعة للميليشيات": after an attack noun and "on", what belongs to them is the target;
    // after a verb marked passive, «اُستهدف طقم عسكري تابع للقوات الجنوبية», so is its subject.)
    else if (affiliation && trigger && trigger.item.entry.form === 'verb' && affiliation.first >= trigger.end && tokens[trigger.first].passiveMark) {
      [role, rule] = ['target', 'rule.role.passive-subject'];
    } else if (
      affiliation &&
      trigger &&
      trigger.item.entry.form === 'verb' &&
      affiliation.first >= trigger.end &&
      affiliation.first - trigger.end <= 2 &&
      !targetCues.some((c) => c.first >= trigger.end && c.end <= affiliation.first)
    ) {
      [role, rule] = ['agent', 'rule.role.affiliated-subject-after-verb'];
    }
    // "بقذيفة حوثية", "a Houthi drone", «استهداف مسيّرة تركية»: the weapon's owner fired it.
    else if (operated.includes(actor) || isOwnerAdjective(actor, facts, tokens)) [role, rule] = ['agent', 'rule.role.owner-of-weapon'];
    // "Hezbollah said it fired", "أعلن الجيش أنه استهدف": the speaker reports its own act, also past an
    // apposition and the statement's channel ("The Al Quds Brigades, the armed wing of PIJ, said in a
    // brief statement that its fighters had launched", «وقالت سرايا القدس في بيان إن مقاتليها أطلقوا»).
    else if (speech.some((c) => speakerOf(actor, c, tokens) && selfReportAfter(c, selfReports, distinct, facts))) {
      [role, rule] = ['agent', 'rule.role.self-report'];
    }
    // «أعلنت قوات الدعم السريع سيطرتها على المدينة», «وقالت سرايا القدس في بيان إن مقاتليها أطلقوا»: the
    // verb first, the speaker, then its own act.
    else if (speech.some((c) => follows(c, first, 1)) && selfReportAfter(actor, selfReports, distinct, facts, actor)) {
      [role, rule] = ['agent', 'rule.role.self-report'];
    }
    // "two police officers told", "قال مصدر في الشرطة": they report the event, they are not in it.
    else if (speech.some((c) => c.first >= actor.end && c.first - actor.end <= 3) || speech.some((c) => follows(c, first, 1))) [role, rule] = ['speaker', 'rule.role.speaker'];
    // "four soldiers were killed", "مقتل ثلاثة عناصر من قوات النظام": the counted dead are the targets.
    // ("Dozens of settlers attacked": a counted crowd is not a count of dead; the count needs a casualty word by it.)
    else if (
      (numbers.some((n) => n.end === first && !n.vague) && casualties.some((c) => c.first >= actor.end && c.first - actor.end <= 4)) ||
      casualties.some(
        (c) => (c.end <= first && first - c.end <= 3 && !weaponBetween(facts, c.end, first)) || (c.first >= actor.end && c.first - actor.end <= 2 && !weaponBetween(facts, actor.end, c.first)),
      )
    ) {
      [role, rule] = ['target', 'rule.role.casualties-are-targets'];
    }
    else if (agentCues.some((c) => follows(c, first, 2))) [role, rule] = ['agent', 'rule.role.after-agent-marker'];
    // "الهجمات من الميليشيات الإيرانية على القواعد": من right after an attack noun introduces its author.
    else if (trigger && trigger.item.entry.form === 'noun' && tokens[first - 1]?.key === 'من' && trigger.end === first - 1) [role, rule] = ['agent', 'rule.role.author-after-attack-noun'];
    // "هجوم للمستوطنين", "هجوم لتنظيم داعش": the attack of, by its author; "على" names the target after it.
    else if (trigger && trigger.item.entry.form === 'noun' && trigger.end === first && tokens[first].script === 'ar' && /^ل/.test(tokens[first].key)) {
      [role, rule] = ['agent', 'rule.role.author-after-attack-noun'];
    }
    else if (hostCues.some((c) => follows(c, first, 2))) [role, rule] = ['target', 'rule.role.host-of-target'];
    else if (passiveCues.some((c) => follows(c, first, 2))) [role, rule] = ['target', 'rule.role.passive-subject'];
    else if (originCues.some((c) => follows(c, first, 6))) [role, rule] = [hedged ? 'suspect' : 'origin', 'rule.role.origin-clause'];
    else if (targetCues.some((c) => follows(c, first, 3))) [role, rule] = ['target', 'rule.role.after-target-marker'];
    else if (lightVerbs.some((c) => follows(c, first, 1))) [role, rule] = ['agent', 'rule.role.subject-of-light-verb'];
    // "اختطف مسلحون يُعتقد أنهم من حركة الشباب", "gunmen believed to be from X": the suspected affiliation
    // of the attackers, wherever it stands in the sentence, never the victim.
    else if (hedges.some((h) => h.end <= first && first - h.end <= 3)) [role, rule] = ['suspect', 'rule.role.after-hedge'];
    else if (!trigger) [role, rule] = [hedged ? 'suspect' : 'agent', 'rule.role.no-trigger'];
    else if (trigger.item.entry.form === 'passive') {
      [role, rule] = first < trigger.first ? ['target', 'rule.role.passive-subject'] : ['agent', 'rule.role.passive-agent'];
    } else if (first >= trigger.end) {
      // VSO: "قصفت قوات النظام بلدة": the word right after a verb is its subject.
      const subjectOfVerb = !isEnglish && trigger.item.entry.form === 'verb' && first - trigger.end <= 1;
      [role, rule] = subjectOfVerb ? ['agent', 'rule.role.subject-after-verb'] : ['target', 'rule.role.after-trigger'];
    } else if (reportedAfter(actor, trigger, tokens, distinct)) {
      // «أعلنت القيادة العامة للجيش الوطني، في بيان، أن «اللواء طارق بن زياد» افتتح مقراً»: who announces that
      // another did it speaks; the doer is the subject of the reported clause.
      [role, rule] = ['speaker', 'rule.role.reports-another-doer'];
    } else {
      [role, rule] = ['agent', 'rule.role.before-trigger'];
    }
    if (hedged && role === 'agent') [role, rule] = ['suspect', 'rule.role.hedged-agent'];
    mentions.push({ entry: actor.item.entry, id: actor.item.id, first, end: actor.end, sentence: facts.sentence.index, role, rule, hedged });
  }
  return mentions;
}
