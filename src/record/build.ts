import { createHash } from 'node:crypto';
import { classifySubEventType, interactionCode } from '../contracts/acled.ts';
import type { EventRecord, FieldSpan, Span } from '../contracts/record.ts';
import { countCasualties } from '../assemble/casualties.ts';
import type { NumberExpression } from '../assemble/numbers.ts';
import type { ClaimDraft } from '../assemble/claims.ts';
import type { Draft } from '../assemble/discourse.ts';
import { type ArticleFacts, cuesOf, isQuoted, negatedBefore } from '../assemble/facts.ts';
import { type ActorMention, assignRoles } from '../assemble/roles.ts';
import type { ActorEntry, Lexicon, PlaceEntry } from '../lexicon/index.ts';
import { choosePlace, disambiguate, type PlaceChoice, type PlaceMention } from '../resolve/place/index.ts';
import { actorName, findGenericActor, interCode } from './actors.ts';
import { composeNotes } from './notes.ts';
import { chooseSubEventType, meansMatches } from './sub-event-type.ts';

export interface BuildContext {
  readonly articleKey: string;
  readonly article: ArticleFacts;
  readonly lexicon: Lexicon;
  readonly placeMentions: PlaceMention[];
  readonly countryContext: string | null;
  readonly countries: ReadonlyMap<string, PlaceEntry>;
  readonly referenceDay: string | null;
  readonly referenceText: string | null;
  readonly outlet: string | null;
  readonly claims: readonly ClaimDraft[];
  readonly timeTokens: Set<number>;
  /** Places already chosen, for "في الحي ذاته" (drafts are built in text order). */
  readonly placesByDraft: Map<Draft, PlaceChoice>;
  /** The sides each draft was built with, for "from both sides" in a later one (drafts are built in text order). */
  readonly sidesByDraft?: Map<Draft, { type: string; actor1: ActorEntry; actor2: ActorEntry }>;
  /** Each event's actor1, for the arrests of its suspects told after it. */
  readonly actor1ByDraft?: Map<Draft, ActorEntry>;
  /** "300 متر", "a 52-year-old": a number that measures, not one that counts people. */
  readonly isMeasure: (n: NumberExpression) => boolean;
  /** The draft whose latest sentence comes last before a given sentence. */
  readonly lastDraftBefore: (sentence: number) => Draft | undefined;
  /** The one state air force the article names striking, for its strikes told without a name. */
  readonly articleAirForce?: ActorEntry;
}

const UNIDENTIFIED_ARMED = 'Unidentified Armed Group ({country})';
const UNIDENTIFIED_MILITARY = 'Unidentified Military Forces ({country})';
const PROTESTERS = 'Protesters ({country})';
// Strategic developments whose other side is usually civilians.
const CIVILIAN_TARGETS = new Set(['Arrests', 'Looting/property destruction']);
const NON_LETHAL_BY_DEFAULT = new Set([
  'Peaceful protest',
  'Protest with intervention',
  'Violent demonstration',
  'Abduction/forced disappearance',
  'Non-violent transfer of territory',
  'Looting/property destruction',
  'Sexual violence',
  'Mob violence',
]);

function draftSentences(draft: Draft, ctx: BuildContext) {
  return draft.sentences.map((i) => ctx.article.sentences[i]);
}

function rolesOf(draft: Draft, ctx: BuildContext): ActorMention[] {
  const out: ActorMention[] = [];
  for (const facts of draftSentences(draft, ctx)) {
    const triggers = draft.triggers.filter((t) => ctx.article.text.tokens[t.first].sentence === facts.sentence.index);
    const responseOnly = triggers.length === 0;
    const clause = draft.clauses.get(facts.sentence.index);
    const mentions = assignRoles(facts, triggers.length ? triggers : draft.responses, ctx.article.text.tokens, ctx.lexicon).filter(
      (m) => !clause || (m.first >= clause[0] && m.first < clause[1]),
    );
    // In a return-fire sentence the responder is the original target: only suspects carry over.
    out.push(...(responseOnly ? mentions.filter((m) => m.role === 'suspect') : mentions));
  }
  // "The Al Quds Brigades said in a statement that its fighters had launched the rockets": a group that
  // reports, after the event, its own act with the event's weapon is the event's author.
  const ownMeans = new Set(draft.sentences.flatMap((i) => ctx.article.sentences[i].means.map((m) => m.item.entry.label)));
  for (const i of draft.support) {
    const facts = ctx.article.sentences[i];
    // («أعلنت كتيبة طوباس أن مقاتليها خاضوا اشتباكات ضارية مع القوات المقتحمة»: its own act of the event's kind.)
    const sameWeapon = facts.means.some((m) => ownMeans.has(m.item.entry.label)) || facts.triggers.some((t) => draft.triggers.some((d) => d.item.entry.subEventType === t.item.entry.subEventType && t.item.entry.weight >= 2));
    out.push(...assignRoles(facts, [], ctx.article.text.tokens, ctx.lexicon).filter((m) => m.role === 'suspect' || (sameWeapon && m.rule === 'rule.role.self-report')));
  }
  return out;
}

function sourcesOf(draft: Draft, ctx: BuildContext): { names: string[]; ids: string[] } {
  const matches = [...draft.sentences, ...draft.support].flatMap((i) => ctx.article.sentences[i].sources);
  const order = (kind: string) => (kind === 'informant' ? 1 : 0);
  const sorted = [...matches].sort((a, b) => order(a.item.entry.kind) - order(b.item.entry.kind) || a.first - b.first);
  const names = [...new Set([...(ctx.outlet ? [ctx.outlet] : []), ...sorted.map((m) => m.item.entry.name)])];
  return { names, ids: sorted.map((m) => m.item.id) };
}

type SpanKind = 'trigger' | 'actor' | 'place' | 'date' | 'fatalities' | 'means';

/** Where in the text each coded field was read: what the article view marks, kind by kind. */
function fieldSpans(ctx: BuildContext, tokenRanges: readonly (readonly [SpanKind, number, number])[], place: [number, number] | null): FieldSpan[] {
  const { tokens, text } = ctx.article.text;
  const spans: FieldSpan[] = tokenRanges
    .filter(([, first, end]) => end > first && tokens[first] && tokens[end - 1])
    .map(([kind, first, end]) => ({ kind, start: tokens[first].start, end: tokens[end - 1].end, text: text.slice(tokens[first].start, tokens[end - 1].end) }));
  if (place) spans.push({ kind: 'place', start: place[0], end: place[1], text: text.slice(place[0], place[1]) });
  const seen = new Set<string>();
  return spans
    .filter((s) => {
      const key = `${s.kind}:${s.start}:${s.end}`;
      return !seen.has(key) && seen.add(key);
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

function evidenceOf(draft: Draft, ctx: BuildContext): Span[] {
  const { tokens, text } = ctx.article.text;
  return [...new Set([...draft.sentences, ...draft.support])].sort((a, b) => a - b).map((i) => {
    const s = ctx.article.sentences[i].sentence;
    let end = s.endToken;
    while (end > s.firstToken + 1 && tokens[end - 1].script === 'punct') end--;
    const start = tokens[s.firstToken].start;
    return { start, end: tokens[end - 1].end, text: text.slice(start, tokens[end - 1].end) };
  });
}

/** Whether a token lies in the part of its sentence that tells this draft's event (see Draft.clauses). */
function tokenInClause(draft: Draft, ctx: BuildContext, token: number): boolean {
  const clause = draft.clauses.get(ctx.article.text.tokens[token].sentence);
  return !clause || (token >= clause[0] && token < clause[1]);
}

function stableId(parts: (string | number | null)[], iso3: string | null): string {
  const hash = createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 12);
  return `${iso3 ?? 'XXX'}-${hash}`;
}

/** Means that make force at a protest excessive when anyone is hurt by them. */
/**
 * «عناصر أمنية تابعة لجماعة الحوثي», 'the Houthi-run Security and Intelligence Service': a security noun
 * tied to a force (by «التابعة ل», 'belonging to', or an adjective before it) names that force's police
 * or intelligence branch, when the actor catalogue has one.
 */
function securityBranch(mention: ActorMention, ctx: BuildContext): ActorEntry {
  const facts = ctx.article.sentences[mention.sentence];
  if (!facts) return mention.entry;
  const heads = cuesOf(facts, 'security-branch');
  const affiliations = cuesOf(facts, 'roles').filter((c) => c.item.entry.role === 'affiliation');
  const before = heads.find((h) => h.end <= mention.first && mention.first - h.end <= 3 && affiliations.some((a) => a.first >= h.end && a.end <= mention.first));
  const after = heads.find((h) => h.first >= mention.end && h.first - mention.end <= 1);
  const head = before ?? after;
  if (!head) return mention.entry;
  const children = ctx.lexicon.data.actors.filter((a) => a.parent === mention.entry.id && a.name?.startsWith('Police Forces of'));
  const police = children[0];
  if (!police) return mention.entry;
  if (head.item.entry.branch === 'intelligence') return ctx.lexicon.data.actors.find((a) => a.parent === police.id && /Intelligence/.test(a.name ?? '')) ?? police;
  return police;
}

const MOURNED_SIDE_TYPES = new Set(['Explosions/Remote violence', 'Battles']);
/** Armed groups that mourn their members; states and civilians are named in other ways. */
const MOURNING_KINDS = new Set(['militia', 'rebel', 'identity']);

/**
 * The armed group that mourns someone in the event's sentences or the two after them, named within a
 * few words of the mourning verb («نعى «حزب الله» لاحقاً في بيان»), and not the attacker.
 */
function mournerOf(draft: Draft, ctx: BuildContext, attacker: ActorEntry | undefined): { entry: ActorEntry; id: string; cue: string } | undefined {
  const last = Math.max(...draft.sentences, ...draft.support);
  const indexes = new Set([...draft.sentences, ...draft.support, last + 1, last + 2]);
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const facts = ctx.article.sentences[i];
    if (!facts) continue;
    for (const cue of cuesOf(facts, 'mourning')) {
      const near = facts.actors
        .filter((a) => MOURNING_KINDS.has(a.item.entry.kind) && a.item.entry !== attacker && Math.min(Math.abs(a.first - cue.end), Math.abs(cue.first - a.end)) <= 4)
        .sort((a, b) => Math.abs(a.first - cue.end) - Math.abs(b.first - cue.end))[0];
      if (near) return { entry: near.item.entry, id: near.item.id, cue: cue.item.id };
    }
  }
  return undefined;
}

/** Sub-event types in which ground changes hands between armed sides. */
const TERRITORY_TYPES = new Set(['Non-state actor overtakes territory', 'Government regains territory']);
/** Protest events in which a force intervened: the force is actor2. */
const FORCE_MET = new Set(['Protest with intervention', 'Excessive force against protesters', 'Violent demonstration']);
const LETHAL_AT_PROTESTS = new Set(['means.live-ammunition', 'means.sniper']);
const DENIALS = new Set(['لم', 'لن', 'دون', 'بدون', 'not', 'no', 'without', 'never']);

export function buildEvent(draft: Draft, ctx: BuildContext): { record: EventRecord; draft: Draft; alsoAt: PlaceChoice[] } {
  const provenance: Record<string, string[]> = {};
  const roles = rolesOf(draft, ctx);
  // A named actor says more than a generic one ("armed groups ... Radaa and the 444 Brigade").
  // A supporting force ("backed by X") comes after every doer: it is an associate of actor1.
  const named = (r: ActorMention) => (r.entry.template ? 1 : 0) + (r.rule === 'rule.role.supporting-force' ? 2 : 0);
  const ranked = [...roles].sort((a, b) => named(a) - named(b));
  let agentMention = ranked.find((r) => r.role === 'agent');
  // A clash has two sides, whichever grammatical role the text gives them ("fighting between X and Y").
  // An agreement, like a clash, is between two sides ("اتفاق بين X و Y").
  const isClash = draft.responses.length === 0 && draft.triggers.some((t) => t.item.entry.subEventType === 'Armed clash' || t.item.entry.subEventType === 'Agreement');
  // A state's forces named generically ("القوات الحكومية") are a side too; an unidentified group or civilians are not.
  const sideKinds = (r: ActorMention) => !r.entry.template || (r.entry.kind !== 'unidentified' && r.entry.kind !== 'civilians');
  const sides = isClash ? [...new Set(ranked.filter((r) => (r.role === 'agent' || r.role === 'target') && sideKinds(r) && r.rule !== 'rule.role.supporting-force').map((r) => r.entry))] : [];
  if (sides.length >= 2) agentMention = roles.find((r) => r.entry === sides[0]);
  // In a clash both sides are agents of the same verb ("X and Y exchanged fire"): the second is actor2.
  const targetMention =
    (sides.length >= 2 ? roles.find((r) => r.entry === sides[1]) : undefined) ??
    ranked.find((r) => r.role === 'target' && r.entry !== agentMention?.entry) ??
    ranked.find((r) => r.role === 'agent' && r.entry !== agentMention?.entry && !r.entry.template && r.rule !== 'rule.role.supporting-force' && draft.triggers.some((t) => t.item.entry.subEventType === 'Armed clash'));
  const suspectMention = ranked.find((r) => r.role === 'suspect' && r.entry !== targetMention?.entry);

  // A sentence that tells two events ("X struck A in retaliation for an attack on B") gives each its own clause's places.
  // A place inside quoted speech («تهدف إلى كسر إرادة أهالي شمال الضفة») is what a speaker talks about; it
  // places the event only when nothing else does.
  const inClauseAll = ctx.placeMentions.filter((m) => tokenInClause(draft, ctx, m.first));
  const unquoted = inClauseAll.filter((m) => !isQuoted(ctx.article.sentences[m.sentence], m.first));
  const toldIn = [...draft.sentences, ...draft.support];
  const ownSentences = new Set(toldIn);
  const placesInClause = unquoted.some((m) => ownSentences.has(m.sentence)) || draft.samePlaceAs ? unquoted : inClauseAll;
  // (A clause with no place of its own is where the rest of its sentence is: «عقب اشتباكات ... في أحد أحياء المدينة».)
  const inClause = choosePlace(placesInClause, toldIn, ctx.countryContext, ctx.countries, ctx.article.text.tokens);
  const ownPlace =
    draft.clauses.size > 0 && (!inClause || inClause.kind === 'country')
      ? (choosePlace(ctx.placeMentions, toldIn, ctx.countryContext, ctx.countries, ctx.article.text.tokens) ?? inClause)
      : inClause;
  const placeOfEarlier = draft.samePlaceAs ? ctx.placesByDraft.get(draft.samePlaceAs) : undefined;
  const settlement = (kind: string | undefined) => (kind === 'city' || kind === 'town' || kind === 'village' ? 'settlement' : kind);
  const kindAgrees = !draft.samePlaceKind || settlement(placeOfEarlier?.kind) === draft.samePlaceKind;
  // ("The same road had been targeted in February": "the same" with no place named in its own sentence
  // points back, whatever place the rest of the report offers.)
  const sameWithoutKind = !draft.samePlaceKind && placesInClause.every((m) => m.sentence !== draft.sentences[0]);
  // «أُغلق الطريق الساحلي الرابط بين الزاوية وطرابلس»: when the only places told are the ends of a road, the
  // event stays where the story is, the place of the event told before it.
  const ownMentions = placesInClause.filter((m) => ownSentences.has(m.sentence));
  // (In the lead itself, "agreed to a ceasefire in Az Zawiyah ... following fighting last week", the story is
  // where the other event of the sentence is.)
  const sameLead = () => [...ctx.placesByDraft.entries()].find(([d]) => d !== draft && d.sentences.includes(draft.sentences[0]))?.[1];
  const storyPlace =
    ownMentions.length > 0 && ownMentions.every((m) => m.route) ? (ctx.placesByDraft.get(ctx.lastDraftBefore(draft.sentences[0]) ?? draft) ?? sameLead()) : undefined;
  const chosenPlace = placeOfEarlier && kindAgrees && (!ownPlace || ownPlace.kind === 'country' || sameWithoutKind) ? placeOfEarlier : (storyPlace ?? ownPlace);
  // «جرى اعتقال شخصين ... إثر مداهمة نفذتها قوة من شرطة البصرة»: with no place of its own, the town a
  // force is named after is where it acted.
  const place = !chosenPlace || chosenPlace.kind === 'country' ? (placeInAName(draft, ctx) ?? chosenPlace) : chosenPlace;
  if (place) ctx.placesByDraft.set(draft, place);
  const alsoAt = place && !draft.background && place !== placeOfEarlier && place !== storyPlace ? coordinatedPlaces(draft, ctx, placesInClause, place) : [];
  const country = place?.country ?? ctx.countryContext;
  const countryEntry = country ? ctx.countries.get(country) : undefined;

  const chosen = chooseSubEventType(draft, ctx, targetMention?.entry ?? null);
  let subEventType = chosen.type;
  const typeRules = chosen.rules;
  const { eventType } = classifySubEventType(subEventType);
  provenance.sub_event_type = [...typeRules, ...draft.rules];

  // A responsibility claim made in today's news names the attacker, with certainty "claimed".
  // A claim belongs to the event it is told with, or to the last event told before it (a recalled one
  // only when the claim points back at it: "claimed responsibility for that attack").
  // (Only for an attack: a group that "has claimed a number of attacks" claims no change of its own.)
  const claimable = eventType !== 'Strategic developments' || subEventType === 'Disrupted weapons use';
  const claim = !claimable ? undefined : ctx.claims.find(
    (c) => c.kind === 'responsibility' && !c.anaphoric && c.speakerActor && (!c.recalled || draft.background) && (draft.sentences.includes(c.sentence) || draft.support.includes(c.sentence) || ((!draft.background || c.pointsBack) && c.sentence > draft.sentences[0] && c.sentence - draft.sentences[draft.sentences.length - 1] <= 3 && ctx.lastDraftBefore(c.sentence) === draft)),
  );
  let actor1Entry: ActorEntry | undefined;
  let certainty: EventRecord['actor1_certainty'] = 'unknown';
  let suspected: string | null = null;
  const actors = ctx.lexicon.data.actors;
  const isProtest = eventType === 'Protests' || eventType === 'Riots';
  if (claim?.speakerActor) {
    actor1Entry = claim.speakerActor;
    certainty = 'claimed';
    provenance.actor1 = claim.ids;
  } else if (agentMention) {
    actor1Entry = securityBranch(agentMention, ctx);
    certainty = 'stated';
    provenance.actor1 = [agentMention.id, agentMention.rule];
  } else if (isProtest) {
    actor1Entry = findGenericActor(actors, PROTESTERS);
    certainty = 'stated';
    provenance.actor1 = ['rule.actor.protesters-by-default'];
  } else {
    actor1Entry = findGenericActor(actors, subEventType === 'Air/drone strike' ? UNIDENTIFIED_MILITARY : UNIDENTIFIED_ARMED) ?? findGenericActor(actors, UNIDENTIFIED_ARMED);
    // «وكان الطيران الحربي قد قصف السوق الشهر الماضي»: "the warplanes" of an article that names one
    // state's air force striking are that air force's.
    if (subEventType === 'Air/drone strike' && ctx.articleAirForce && !suspectMention) {
      actor1Entry = ctx.articleAirForce;
      certainty = 'stated';
      provenance.actor1 = ['rule.actor.article-air-force'];
    }
    if (suspectMention) {
      certainty = 'suspected';
      suspected = actorName(suspectMention.entry, country, ctx.lexicon.data.genericByCountry);
      provenance.actor1_suspected = [suspectMention.id, suspectMention.rule];
    }
    provenance.actor1 = ['rule.actor.unidentified-attacker'];
  }
  let actor2Entry = targetMention?.entry;
  // A claimed attack: the target was set aside only for being the agent the claim replaces; in a clash,
  // the other side is the first side that is not the claimant.
  if (claim?.speakerActor) {
    const claimant = claim.speakerActor;
    if (sides.length >= 2) actor2Entry = sides.find((e) => e !== claimant && e.name !== claimant.name) ?? actor2Entry;
    if (!actor2Entry || actor2Entry === claimant) actor2Entry = ranked.find((r) => r.role === 'target' && r.entry !== claimant)?.entry;
  }
  // In Protests and Riots the demonstrators are actor1 and whoever intervenes is actor2.
  const crowd = roles.find((r) => r.entry.kind === 'protesters' || r.entry.kind === 'rioters');
  if (isProtest && crowd && actor1Entry !== crowd.entry) {
    if (actor1Entry && actor1Entry.kind !== 'protesters' && actor1Entry.kind !== 'rioters') actor2Entry = actor1Entry;
    actor1Entry = crowd.entry;
    provenance.actor1 = [crowd.id, 'rule.actor.crowd-is-actor1'];
  }
  // In a protest or riot the security force named is the one that intervened, never the crowd.
  if (isProtest && actor1Entry && (actor1Entry.inter === 1 || actor1Entry.kind === 'state') && certainty !== 'claimed') {
    actor2Entry ??= actor1Entry;
    actor1Entry = findGenericActor(actors, PROTESTERS);
    provenance.actor1 = ['rule.actor.crowd-is-actor1'];
  }
  // Retaking ground is what a government does: "استعاد الجيش السيطرة" names its forces even unnamed.
  if (subEventType === 'Government regains territory' && !agentMention && !claim) {
    actor1Entry = findGenericActor(actors, 'Military Forces of {country}') ?? actor1Entry;
    certainty = 'stated';
    provenance.actor1 = ['rule.actor.government-regains'];
  }
  // The displaced are civilians in ACLED's actor2; their status is an associated actor.
  if (actor2Entry?.template?.startsWith('Refugees/IDPs')) actor2Entry = findGenericActor(actors, 'Civilians ({country})') ?? actor2Entry;
  // In a protest the other side is whoever intervened, never bystanders.
  if (isProtest && actor2Entry?.kind === 'civilians') actor2Entry = roles.find((r) => r.entry.inter === 1 || r.entry.kind === 'state')?.entry;
  // An arrest is made by a state: the force named anywhere in the report, else its police.
  if (subEventType === 'Arrests' && (!actor1Entry || actor1Entry.kind === 'unidentified')) {
    const force = roles.find((r) => r.entry.inter === 1 && r.role !== 'target')?.entry;
    actor1Entry = force ?? findGenericActor(actors, 'Police Forces of {country}') ?? actor1Entry;
    certainty = 'stated';
    provenance.actor1 = [force ? 'rule.actor.arresting-force' : 'rule.actor.arrests-by-police'];
  }
  // Intercepting or defusing: the one whose weapon was stopped is actor1, the force that stopped it actor2.
  // ("The Houthis said they fired a missile" names who launched what was stopped: it stays actor1.)
  if (subEventType === 'Disrupted weapons use' && actor1Entry && (actor1Entry.inter === 1 || actor1Entry.inter === 8) && certainty === 'stated' && agentMention?.rule !== 'rule.role.self-report') {
    // («اعترضت الدفاعات الجوية ... طائرة مسيّرة مجهولة»: the unknown drone's operator is the one stopped.)
    const owner = actor2Entry?.kind === 'unidentified' ? actor2Entry : findGenericActor(actors, UNIDENTIFIED_ARMED);
    if (!actor2Entry || actor2Entry.kind === 'civilians' || actor2Entry.kind === 'unidentified') actor2Entry = actor1Entry;
    actor1Entry = owner;
    certainty = suspectMention ? 'suspected' : 'unknown';
    if (suspectMention) suspected = actorName(suspectMention.entry, country, ctx.lexicon.data.genericByCountry);
    provenance.actor1 = ['rule.acled.disrupted-weapon-owner-is-actor1'];
  }
  // "A missile ... was shot down, the military said": the military that reports an interception in a
  // passive with no agent is the force that made it. (With no military speaking, the interceptor stays
  // unknown: air defences near a base may be a coalition's.)
  const militarySpeaker = roles.find((r) => r.role === 'speaker' && r.entry.inter === 1 && (r.entry.template === 'Military Forces of {country}' || r.entry.country === country));
  if (subEventType === 'Disrupted weapons use' && !actor2Entry && militarySpeaker && draft.triggers.some((t) => t.item.id === 'trigger.disrupted.interception')) {
    actor2Entry = militarySpeaker.entry;
    provenance.actor2 = [militarySpeaker.id, 'rule.acled.interceptor-speaks'];
  }
  // A clash is between armed sides: civilians caught in it are its victims, not a side («بينهما طفل»), and a
  // side left unnamed is an unidentified armed group.
  if (subEventType === 'Armed clash' && (!actor2Entry || actor2Entry.kind === 'civilians')) {
    actor2Entry = findGenericActor(actors, UNIDENTIFIED_ARMED);
    provenance.actor2 = ['rule.acled.clash-has-two-armed-sides'];
  }
  // A group's change of its own activity has no other side ("suspending operations against US forces").
  if (subEventType === 'Change to group/activity' && actor2Entry && actor2Entry !== actor1Entry) actor2Entry = undefined;
  // A change within a group, a base set up, an agreement: bystanders are not a side.
  if (eventType === 'Strategic developments' && !CIVILIAN_TARGETS.has(subEventType) && actor2Entry?.kind === 'civilians') actor2Entry = undefined;
  // Violence against civilians always has civilians as actor2 (ACLED), named or not; so does looting.
  // Ground changes hands between armed sides, never with civilians: the other armed side named, or,
  // when a non-state group takes a place and no one else is named, the state's forces it took it from.
  if (TERRITORY_TYPES.has(subEventType) && (!actor2Entry || actor2Entry.kind === 'civilians')) {
    const other = roles.find((r) => r.entry !== actor1Entry && r.entry.kind !== 'civilians' && r.entry.kind !== 'unidentified' && r.entry.kind !== 'protesters' && r.entry.kind !== 'rioters')?.entry;
    actor2Entry = other ?? (subEventType === 'Non-state actor overtakes territory' ? findGenericActor(actors, 'Military Forces of {country}') : undefined);
    if (actor2Entry) provenance.actor2 = [other ? 'rule.actor.territory-other-side' : 'rule.actor.territory-taken-from-state'];
  }
  // Arrests told after a riot, or for one («توقيف تسعة أشخاص يُشتبه بتورطهم في أعمال شغب»), are of its rioters.
  if (subEventType === 'Arrests' && (!actor2Entry || actor2Entry.kind === 'civilians' || actor2Entry === actor1Entry)) {
    const before = ctx.lastDraftBefore(draft.sentences[0]);
    const isRiot = (t: { item: { entry: { subEventType: string } } }) => classifySubEventType(t.item.entry.subEventType).eventType === 'Riots';
    const forRiot = ctx.article.sentences[draft.sentences[0]].triggers.some((t) => isRiot(t) && draft.triggers[0].end <= t.first);
    if (forRiot || (before && before !== draft && before.triggers.some(isRiot))) {
      actor2Entry = findGenericActor(actors, 'Rioters ({country})') ?? actor2Entry;
      provenance.actor2 = ['rule.actor.arrested-after-riot'];
    }
  }
  // "A mass grave was uncovered": its dead are civilians unless the report names them otherwise.
  if (!actor2Entry && draft.triggers.some((t) => t.item.entry.victims === 'civilians' && t.item.entry.subEventType === subEventType)) {
    actor2Entry = findGenericActor(actors, 'Civilians ({country})');
    provenance.actor2 = ['rule.acled.victims-of-the-act'];
  }
  // «جرى اعتقال شخصين يُشتبه بتورطهما في الحادث»: those arrested for the event told before are its attackers.
  if (subEventType === 'Arrests' && (!actor2Entry || actor2Entry.kind === 'civilians') && draftSentences(draft, ctx).some((f) => cuesOf(f, 'involvement').length > 0)) {
    const before = ctx.lastDraftBefore(draft.sentences[0]);
    const attacker = before && before !== draft ? ctx.actor1ByDraft?.get(before) : undefined;
    if (attacker && attacker.kind !== 'protesters' && attacker.inter !== 1) {
      actor2Entry = attacker;
      provenance.actor2 = ['rule.actor.arrested-for-the-event-before'];
    }
  }
  // «اعتداءات بالضرب على أيدي مجموعات من الشبان الغاضبين»: an attack by a mob is mob violence (ACLED Riots).
  if (subEventType === 'Attack' && actor1Entry?.kind === 'rioters') {
    subEventType = 'Mob violence';
    provenance.sub_event_type.unshift('rule.acled.attack-by-a-mob');
  }
  // A mob's violence falls on people too ("أحرقوا منازل عائلة"): civilians unless another side is named.
  if ((eventType === 'Violence against civilians' || subEventType === 'Looting/property destruction' || subEventType === 'Mob violence') && !actor2Entry) {
    actor2Entry = findGenericActor(actors, 'Civilians ({country})');
    provenance.actor2 = ['rule.acled.civilians-are-actor2'];
  }
  // A crowd in a riot is coded as rioters, whatever word the report used for it.
  if (eventType === 'Riots' && actor1Entry?.kind === 'protesters') actor1Entry = findGenericActor(actors, 'Rioters ({country})') ?? actor1Entry;
  // "Security forces fired tear gas": at a protest or riot, security forces named generically are its police (ACLED).
  if (isProtest && actor2Entry?.id === 'actor.generic.security-forces') actor2Entry = findGenericActor(actors, 'Police Forces of {country}') ?? actor2Entry;
  // A peaceful protest has no one intervening: whoever else is named stands by.
  if (subEventType === 'Peaceful protest' && actor2Entry?.kind !== 'protesters') actor2Entry = undefined;
  // «أُطلق سراح 20 أسيراً من الجانبين»: no side of its own, "both sides" are those of the last such event.
  const unnamed = (e: ActorEntry | undefined) => !e || e.kind === 'unidentified' || e.kind === 'civilians';
  if (unnamed(actor1Entry) && unnamed(actor2Entry) && ctx.sidesByDraft && draftSentences(draft, ctx).some((f) => cuesOf(f, 'both-sides').length > 0)) {
    const earlier = [...ctx.sidesByDraft.entries()].filter(([d, v]) => d !== draft && v.type === subEventType).pop()?.[1];
    if (earlier) {
      [actor1Entry, actor2Entry] = [earlier.actor1, earlier.actor2];
      certainty = 'stated';
      provenance.actor1 = ['rule.actor.both-sides-of-earlier-event'];
      provenance.actor2 = ['rule.actor.both-sides-of-earlier-event'];
    }
  }
  if (actor1Entry) ctx.actor1ByDraft?.set(draft, actor1Entry);
  if (actor1Entry && actor2Entry && !unnamed(actor1Entry) && !unnamed(actor2Entry)) ctx.sidesByDraft?.set(draft, { type: subEventType, actor1: actor1Entry, actor2: actor2Entry });
  const actor1 = actor1Entry ? actorName(actor1Entry, country, ctx.lexicon.data.genericByCountry) : '';
  const actor2Name = actor2Entry ? actorName(actor2Entry, country, ctx.lexicon.data.genericByCountry) : '';
  // (Two unnamed armed groups fighting each other are both "Unidentified Armed Group", as ACLED codes them.)
  let actor2 = actor2Name === actor1 && !(subEventType === 'Armed clash' && actor2Entry?.kind === 'unidentified') ? '' : actor2Name;
  if (!actor2) actor2Entry = undefined;
  if (targetMention) provenance.actor2 = [targetMention.id, targetMention.rule];
  const assoc = (role: string, main: ActorEntry | undefined) =>
    [...new Set(roles.filter((r) => r.role === role && r.entry !== main && r.entry.kind !== 'civilians').map((r) => actorName(r.entry, country, ctx.lexicon.data.genericByCountry)))]
      .filter((n) => n !== actor1 && n !== actor2)
      .join('; ');
  const inter1 = actor1Entry ? interCode(actor1Entry, country) : null;
  let inter2 = actor2Entry ? interCode(actor2Entry, country) : null;

  // "The group reportedly said 12 soldiers had died": the attacker's own figure is a claim, not the toll.
  const attackerSpeaks = (i: number) => {
    const facts = ctx.article.sentences[i];
    return i !== draft.sentences[0] && actor1Entry !== undefined && actor1Entry.inter !== 1 && actor1Entry.kind !== 'unidentified' &&
      [...cuesOf(facts, 'speech'), ...cuesOf(facts, 'responsibility')].length > 0 && facts.actors.some((a) => a.item.entry === actor1Entry);
  };
  const sentencesForToll = [...draft.sentences, ...draft.support, ...draft.tollOnly].filter((i) => !attackerSpeaks(i)).map((i) => ctx.article.sentences[i]);
  // "... in retaliation for a strike that killed two": the answered attack's toll is not this event's.
  const toll = countCasualties(sentencesForToll, ctx.timeTokens, ctx.isMeasure, (token) => tokenInClause(draft, ctx, token), ctx.article.text.tokens);
  // ACLED: protesters killed by those who intervene is Excessive force against protesters.
  if (eventType === 'Protests' && toll.killed !== null && toll.killed > 0 && subEventType !== 'Excessive force against protesters') {
    subEventType = 'Excessive force against protesters';
    provenance.sub_event_type.unshift('rule.acled.lethal-force-at-protest');
  }
  // "هاجم مستوطنون البلدة وأضرموا النار في مركبات ... ما أدى إلى إصابة شابين": a generic attack whose only weapon
  // is fire takes the type of property destruction, unless people were hurt: then it is an attack on them.
  if (subEventType === 'Looting/property destruction' && typeRules.includes('rule.compete.generic-trigger-takes-means-type') && ((toll.injured ?? 0) > 0 || (toll.killed ?? 0) > 0)) {
    subEventType = 'Attack';
    provenance.sub_event_type.unshift('rule.acled.people-hurt-in-arson-attack');
  }
  // ACLED: live fire or snipers that wound protesters is force likely to kill, Excessive force too.
  // ("لم تستخدم الرصاص الحي", "did not use live fire": a denial is no use.)
  const lethalMeans = meansMatches(draft, ctx).filter((m) => LETHAL_AT_PROTESTS.has(m.item.id) && !negatedBefore(ctx.article.text.tokens, m.first, 3, DENIALS));
  if (eventType === 'Protests' && subEventType !== 'Excessive force against protesters' && (toll.injured ?? 0) > 0 && lethalMeans.length > 0) {
    subEventType = 'Excessive force against protesters';
    provenance.sub_event_type.unshift(lethalMeans[0].item.id, 'rule.acled.live-fire-at-protest');
  }
  // Protesters met with force: the force is actor2 even when the report names it outside the clause
  // of the protest ("killed when police opened fire to disperse a demonstration").
  if (FORCE_MET.has(subEventType) && !actor2) {
    const force = roles.find((r) => (r.entry.inter === 1 || r.entry.kind === 'state') && r.entry !== actor1Entry && r.entry.kind !== 'protesters')?.entry;
    const name = force ? actorName(force, country, ctx.lexicon.data.genericByCountry) : '';
    if (force && name !== actor1) {
      actor2Entry = force;
      actor2 = name;
      inter2 = interCode(force, country);
      provenance.actor2 = ['rule.actor.intervening-force'];
    }
  }
  // «ونعى حزب الله أحد عناصره»: whom an armed group mourns belonged to it, so the strike or clash that
  // killed them hit that group, not civilians.
  if (MOURNED_SIDE_TYPES.has(eventType) && (toll.killed ?? 0) > 0 && (!actor2 || actor2Entry?.kind === 'civilians' || actor2Entry?.kind === 'unidentified')) {
    const mourner = mournerOf(draft, ctx, actor1Entry);
    const name = mourner ? actorName(mourner.entry, country, ctx.lexicon.data.genericByCountry) : '';
    if (mourner && name !== actor1) {
      actor2Entry = mourner.entry;
      actor2 = name;
      inter2 = interCode(mourner.entry, country);
      provenance.actor2 = [mourner.cue, mourner.id, 'rule.actor.mourned-by-group'];
    }
  }
  // A peaceful protest has, by its definition, no one killed (ACLED codes it 0).
  // A peaceful protest, a dispersed one, a riot, an abduction or a rape told without deaths had none
  // (ACLED codes 0).
  // The bodies a mass grave gives up died in events of their own: the discovery's toll is 0 (ACLED).
  const ofType = draft.triggers.filter((t) => t.item.entry.subEventType === subEventType);
  if (ofType.length > 0 && ofType.every((t) => t.item.entry.earlierDeaths)) {
    toll.killed = 0;
    toll.ids.push('rule.acled.earlier-deaths-not-counted');
  }
  if (toll.killed === null && NON_LETHAL_BY_DEFAULT.has(subEventType)) {
    toll.killed = 0;
    toll.ids.push('rule.acled.non-lethal-by-default');
  }
  provenance.fatalities = toll.ids;

  let eventDate = draft.time?.date ?? null;
  let precision = draft.time?.precision ?? null;
  let dateText = draft.time?.text ?? null;
  if (draft.time) provenance.event_date = draft.time.ids;
  else if (!draft.background && ctx.referenceDay) {
    eventDate = ctx.referenceDay;
    precision = 1;
    dateText = ctx.referenceText;
    provenance.event_date = ['rule.time.report-reference-day'];
  }

  const means = [...new Set(meansMatches(draft, ctx).map((m) => m.item.entry.label))];
  const sources = sourcesOf(draft, ctx);
  const exchangeOfFire = draft.responses.length > 0;
  const notes = composeNotes({
    subEventType,
    exchangeOfFire,
    date: eventDate,
    precision: precision ?? 3,
    actor1,
    actor1Suspected: suspected,
    actor1Certainty: certainty,
    actor2,
    means,
    location: place?.location ?? null,
    admin1: place?.admin1 ?? null,
    fatalities: toll.killed,
    injuries: toll.injured,
    background: draft.background,
  });
  provenance.notes = [notes.id];
  if (place) provenance.location = place.ids;
  provenance.background = draft.rules.filter((r) => r.startsWith('background') || r.includes('recalled') || r.includes('anaphoric'));

  let confidence = 0.45;
  if (draft.triggers.some((t) => t.item.entry.weight >= 2)) confidence += 0.15;
  if (place && place.precision < 3) confidence += 0.1;
  if (eventDate) confidence += 0.1;
  if (certainty === 'stated' || certainty === 'claimed') confidence += 0.1;
  if (draft.background) confidence -= 0.1;

  const iso3 = countryEntry?.iso3 ?? null;
  const record: EventRecord = {
    event_id: stableId([ctx.articleKey, draft.index, subEventType, eventDate, place?.location ?? null], iso3),
    event_date: eventDate,
    year: eventDate ? Number(eventDate.slice(0, 4)) : null,
    time_precision: precision ?? 3,
    date_text: dateText,
    disorder_type: classifySubEventType(subEventType).disorderType,
    event_type: classifySubEventType(subEventType).eventType,
    sub_event_type: subEventType,
    actor1,
    assoc_actor_1: assoc('agent', actor1Entry),
    inter1,
    actor2,
    assoc_actor_2: assoc('target', actor2Entry),
    inter2,
    interaction: interactionCode(inter1, inter2),
    civilian_targeting: inter2 === 7 ? 'Civilian targeting' : '',
    actor1_certainty: certainty,
    actor1_suspected: suspected,
    country: country ?? null,
    iso: countryEntry?.iso ?? null,
    region: countryEntry?.region ?? null,
    admin1: place?.admin1 ?? null,
    admin2: place?.admin2 ?? null,
    admin3: null,
    location: place?.location ?? null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    geo_precision: place?.precision ?? null,
    fatalities: toll.killed,
    injuries: toll.injured,
    means,
    source: sources.names.join('; '),
    source_scale: '',
    notes: notes.text,
    tags: '',
    background: draft.background,
    related: [],
    evidence: evidenceOf(draft, ctx),
    spans: fieldSpans(ctx, [
      ...draft.triggers.map((t) => ['trigger', t.first, t.end] as const),
      ...[agentMention, targetMention, suspectMention].flatMap((m) => (m ? [['actor', m.first, m.end] as const] : [])),
      ...(draft.time ? [['date', draft.time.first, draft.time.end] as const] : []),
      ...toll.spans.map(([first, end]) => ['fatalities', first, end] as const),
      ...meansMatches(draft, ctx).map((m) => ['means', m.first, m.end] as const),
    ], place?.span ?? null),
    confidence: Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100,
    article_ids: [ctx.articleKey],
    provenance,
  };
  return { record, draft, alsoAt };
}

function placeInAName(draft: Draft, ctx: BuildContext): PlaceChoice | null {
  for (const i of draft.sentences) {
    const facts = ctx.article.sentences[i];
    const institutions = cuesOf(facts, 'institution');
    const match = facts.places.find(
      (p) => SETTLEMENT_KINDS.has(p.item.entry.kind) && (facts.actors.some((a) => a.first <= p.first && a.end >= p.end) || institutions.some((c) => c.end === p.first)),
    );
    if (match) {
      const mention: PlaceMention = { candidates: [match.item.entry], ids: [match.item.id], first: match.first, end: match.end, sentence: i, qualifiers: new Set(), origin: false };
      return choosePlace([mention], [i], ctx.countryContext, ctx.countries, ctx.article.text.tokens);
    }
  }
  return null;
}

const SETTLEMENT_KINDS = new Set(['city', 'town', 'village', 'neighbourhood', 'camp']);
const PLACE_KIND_WORDS = new Set(['the', 'nearby', 'neighbouring', 'neighboring', 'town', 'city', 'village', 'camp', 'of', 'مدينة', 'بلدة', 'قرية', 'مخيم', 'حي', 'ناحية', 'مدينتي', 'بلدتي', 'قريتي']);

/**
 * "Israeli forces arrested 14 Palestinians in Hebron and the nearby town of Beit Ummar", «غارات على بلدتي
 * كفرنبل وحاس»: towns joined by "and" in the sentence that tells the event are each a place of it, and
 * ACLED codes one event per place. A road's ends, a launch site or a bearing's reference are not.
 */
function coordinatedPlaces(draft: Draft, ctx: BuildContext, mentions: readonly PlaceMention[], place: PlaceChoice): PlaceChoice[] {
  const { tokens, text } = ctx.article.text;
  const lead = draft.sentences[0];
  const settlements = mentions
    .filter((m) => m.sentence === lead && !m.origin && !m.route && !m.qualifiers.has('bearing'))
    .filter((m) => SETTLEMENT_KINDS.has(disambiguate(m, ctx.countryContext).kind))
    .sort((a, b) => a.first - b.first);
  const at = settlements.findIndex((m) => place.span !== null && tokens[m.first].start === place.span[0]);
  if (at < 0) return [];
  // Only "and" (or a list comma) and a word for the kind of place may stand between: «ومخيمات منطقة صيدا»
  // after «في مخيم عين الحلوة» says where people came from, not a second place of the act.
  const joined = (a: PlaceMention, b: PlaceMention) => {
    const between = text.slice(tokens[a.end - 1].end, tokens[b.first].start).trim();
    if (between === '') return text[tokens[b.first].start] === 'و';
    const words = between.replace(/^[,،]\s*/, '').split(/\s+/).filter(Boolean);
    if (words.length === 0) return true;
    const [conjunction, ...rest] = words;
    const kindWords = conjunction === 'and' ? rest : conjunction.startsWith('و') ? [conjunction.slice(1), ...rest].filter(Boolean) : null;
    return kindWords !== null && kindWords.every((w) => PLACE_KIND_WORDS.has(w.toLowerCase()));
  };
  const chain: PlaceMention[] = [];
  for (let j = at; j + 1 < settlements.length && joined(settlements[j], settlements[j + 1]); j++) chain.push(settlements[j + 1]);
  for (let j = at; j > 0 && joined(settlements[j - 1], settlements[j]); j--) chain.push(settlements[j - 1]);
  const choices = chain.map((m) => choosePlace([m], [lead], ctx.countryContext, ctx.countries, tokens)).filter((c): c is PlaceChoice => c !== null);
  return choices.filter((c, i) => c.location !== place.location && c.country === place.country && choices.findIndex((o) => o.location === c.location) === i);
}

/** The same event at another of its places: its own id and place, and no share of a toll that cannot be split. */
export function atAnotherPlace(record: EventRecord, place: PlaceChoice): EventRecord {
  return {
    ...record,
    event_id: stableId([record.event_id, place.location], record.event_id.slice(0, 3)),
    admin1: place.admin1,
    admin2: place.admin2,
    location: place.location,
    latitude: place.latitude,
    longitude: place.longitude,
    geo_precision: place.precision,
    fatalities: (record.fatalities ?? 0) > 0 ? null : record.fatalities,
    notes: record.location ? record.notes.replace(record.location, place.location) : record.notes,
    provenance: { ...record.provenance, location: [...place.ids, 'rule.acled.one-event-per-place'] },
  };
}
