import { cuesOf } from '../assemble/facts.ts';
import { readFileSync } from 'node:fs';
import { classifySubEventType } from '../contracts/acled.ts';
import { dataPath } from '../contracts/paths.ts';
import type { Draft } from '../assemble/discourse.ts';
import { isQuoted } from '../assemble/facts.ts';
import type { ActorEntry, MatchOf } from '../lexicon/index.ts';
import type { BuildContext } from './build.ts';

/**
 * The sub-event type of a draft: its most specific trigger, raised by ACLED's precedence within a
 * family, typed by its weapon when the trigger is generic, and recoded by who fought whom.
 */

const ARMED_INTER = new Set([1, 2, 3, 4, 8]);

const precedence = (JSON.parse(readFileSync(dataPath('acled/precedence.json'), 'utf8')) as { groups: string[][] }).groups;

/** The higher of two sub-event types of one precedence family, or null when they are not of one. */
function higher(a: string, b: string): string | null {
  for (const group of precedence) {
    const ia = group.indexOf(a);
    const ib = group.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia <= ib ? a : b;
  }
  return null;
}

export function chooseSubEventType(draft: Draft, ctx: BuildContext, target: ActorEntry | null): { type: string; rules: string[] } {
  const rules: string[] = [];
  // The strongest word; but a battle told first stays a battle ("clashes broke out ... before a drone struck
  // the fighters": ACLED codes the strike inside the fighting as part of the Armed clash).
  const sorted = [...draft.triggers].sort((a, b) => b.item.entry.weight - a.item.entry.weight);
  const battle = draft.triggers.find((t) => t.item.entry.subEventType === 'Armed clash' && t.item.entry.weight >= 2);
  const remote = (t: MatchOf<'trigger'>) => t.item.entry.subEventType === 'Air/drone strike' || t.item.entry.subEventType === 'Shelling/artillery/missile attack';
  const best = battle && remote(sorted[0]) && battle.first < sorted[0].first && draft.responses.length === 0 ? battle : sorted[0];
  let type = best.item.entry.subEventType;
  rules.push(best.item.id);
  for (const t of draft.triggers) {
    const raised = higher(type, t.item.entry.subEventType);
    if (raised && raised !== type && t.item.entry.weight >= 2) {
      type = raised;
      rules.push(t.item.id, 'rule.compete.precedence');
    }
  }
  for (const m of meansMatches(draft, ctx)) {
    const raised = m.item.entry.suggests ? higher(type, m.item.entry.suggests) : null;
    if (raised && raised !== type && classifySubEventType(raised).eventType === 'Protests') {
      type = raised;
      rules.push(m.item.id, 'rule.compete.means-raises-protest');
    }
  }
  const violent = ['Battles', 'Explosions/Remote violence', 'Violence against civilians'].includes(classifySubEventType(type).eventType);
  if (best.item.entry.weight === 1 && violent) {
    // A generic "استهدف"/"attack" takes its type from the weapon: rockets are shelling, a drone is a strike.
    const hinted = meansMatches(draft, ctx).map((m) => m.item.entry.suggests).find((s): s is string => !!s);
    if (hinted) {
      type = hinted;
      rules.push('rule.compete.generic-trigger-takes-means-type');
    }
  }
  // Fire returned at the launch site makes a strike or shelling an exchange of fire; a riot met by force stays a riot.
  if (draft.responses.length > 0 && ['Explosions/Remote violence', 'Battles'].includes(classifySubEventType(type).eventType)) {
    type = 'Armed clash';
    rules.push('rule.acled.exchange-of-fire');
  }
  // "أحبطت الشرطة محاولة تفجير سيارة مفخخة", "engineers defused two IEDs": made safe, not exploded.
  if (classifySubEventType(type).eventType === 'Explosions/Remote violence' && type !== 'Air/drone strike' && type !== 'Shelling/artillery/missile attack') {
    const sentences = [...draft.sentences, ...draft.support].map((i) => ctx.article.sentences[i]);
    const foiled = sentences.flatMap((s) => cuesOf(s, 'foiled'));
    if (foiled.some((c) => !c.item.entry.detonated) && !foiled.some((c) => c.item.entry.detonated)) {
      type = 'Disrupted weapons use';
      rules.push(...foiled.map((c) => c.item.id), 'rule.acled.foiled-device');
    }
  }
  if (draft.interceptedAll) {
    type = 'Disrupted weapons use';
    rules.push('rule.acled.all-intercepted');
  }
  const targetInter = target?.inter ?? null;
  // «شنّ مسلحون هجوماً على قاعدة للجيش، ما أشعل مواجهات عنيفة ... من الجانبين»: confrontations with an
  // armed force are a battle, whatever opened them (a car bomb at the gate, rockets).
  const confrontation = draft.triggers.some((t) => t.item.entry.subEventType === 'Violent demonstration' && t.item.entry.weight === 1);
  if (confrontation && targetInter !== null && [1, 2, 3, 8].includes(targetInter) && classifySubEventType(type).eventType !== 'Battles' && classifySubEventType(type).eventType !== 'Riots') {
    type = 'Armed clash';
    rules.push('rule.compete.confrontation-with-armed-force-is-clash');
  }
  if (type === 'Attack' && targetInter !== null && ARMED_INTER.has(targetInter)) {
    type = 'Armed clash';
    rules.push('rule.compete.attack-on-armed-actor-is-clash');
  }
  // Gunmen against civilians is an attack, but "clashes between X and Y" in which a civilian died stays a clash.
  if (type === 'Armed clash' && draft.responses.length === 0 && target?.kind === 'civilians' && !draft.triggers.some((t) => t.item.entry.subEventType === 'Armed clash' && t.item.entry.weight >= 2)) {
    type = 'Attack';
    rules.push('rule.compete.armed-on-civilians-is-attack');
  }
  return { type, rules };
}

/** Weapons named where the event's own triggers are, and in its supporting sentences; a return-fire sentence names the responder's. */
export function meansMatches(draft: Draft, ctx: BuildContext): MatchOf<'means'>[] {
  const own = draft.sentences.filter((i) => draft.triggers.some((t) => ctx.article.text.tokens[t.first].sentence === i));
  const replyStarts = (i: number) => Math.min(...draft.responses.filter((r) => ctx.article.text.tokens[r.first].sentence === i).map((r) => r.first));
  return [...own, ...draft.support]
    .map((i) => ctx.article.sentences[i])
    .flatMap((f) => {
      const clause = draft.clauses.get(f.sentence.index);
      return f.means.filter((m) => !isQuoted(f, m.first) && m.first < replyStarts(f.sentence.index) && (!clause || (m.first >= clause[0] && m.first < clause[1])));
    });
}

