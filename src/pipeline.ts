import { createHash } from 'node:crypto';
import type { ArticleInput, EventRecord, ExtractionResult } from './contracts/record.ts';
import type { Draft } from './assemble/discourse.ts';
import { findClaims } from './assemble/claims.ts';
import { buildDiscourse } from './assemble/discourse.ts';
import { type ArticleFacts, cuesOf, gatherFacts } from './assemble/facts.ts';
import { findNumbers } from './assemble/numbers.ts';
import { getLexicon, type Lexicon, ofKind, type PlaceEntry } from './lexicon/index.ts';
import { articleCountry, placeMentions } from './resolve/place/index.ts';
import { parseDay, readDateline, tagTimeExpressions } from './resolve/time/index.ts';
import { buildClaim } from './record/claims.ts';
import { atAnotherPlace, type BuildContext, buildEvent } from './record/build.ts';
import { foldKey, tokenize } from './text/index.ts';

/**
 * The only place the order of the stages is written:
 * text → lexicon matches → numbers and dates → sentence facts → discourse (events and claims)
 * → places and actors → records.
 */
export function extractArticle(input: ArticleInput, lexicon: Lexicon = getLexicon()): ExtractionResult {
  const text = tokenize(input.text);
  const matches = lexicon.match(text);
  const numbers = findNumbers(text.tokens, matches);
  let published = input.published ?? null;
  let times = tagTimeExpressions(text, matches, numbers, published ? parseDay(published) : null);
  const dateline = readDateline(text, matches, times);
  // Without a publication date, a dateline that writes the full date out ("6/1/2022", "9 يناير 2022") gives it.
  if (!published && dateline.date?.date && dateline.date.precision === 1) {
    published = dateline.date.date;
    times = tagTimeExpressions(text, matches, numbers, parseDay(published));
  }
  const article = gatherFacts(text, matches, times, numbers, dateline.end);


  const allMentions = placeMentions(
    ofKind(matches, 'place'),
    ofKind(matches, 'cue', 'geo'),
    // Where it came from, the cause it was for and the ends of a road are not where it happened.
    article.sentences.flatMap((s) => cuesOf(s, 'roles').filter((c) => c.item.entry.role === 'origin' || c.item.entry.role === 'cause-place' || c.item.entry.role === 'route')),
    text.tokens,
    input.text,
    ofKind(matches, 'source'),
    ofKind(matches, 'actor'),
    ofKind(matches, 'cue', 'institution'),
  );
  const countryContext = articleCountry(allMentions, ofKind(matches, 'country-adjective'));
  const mentions = allMentions.filter((m) => m.first >= dateline.end);
  const claimDrafts = findClaims(article, countryContext);
  const discourse = buildDiscourse(article, published, lexicon);
  const timeTokens = new Set(times.flatMap((t) => Array.from({ length: t.end - t.first }, (_, k) => t.first + k)));
  const reference = article.sentences.slice(0, 2).flatMap((s) => s.times).find((t) => t.date === discourse.referenceDay);

  const ctx = {
    articleKey: input.id || createHash('sha1').update(input.text).digest('hex').slice(0, 16),
    article,
    lexicon,
    placeMentions: mentions,
    countryContext,
    countries: countryIndex(lexicon),
    referenceDay: discourse.referenceDay,
    referenceText: reference?.text ?? null,
    outlet: input.outlet ?? dateline.outlet,
    claims: claimDrafts,
    timeTokens,
    placesByDraft: new Map(),
    sidesByDraft: new Map(),
    actor1ByDraft: new Map(),
    lastDraftBefore: (sentence: number) => {
      let best: Draft | undefined;
      let bestAt = -1;
      for (const d of discourse.drafts) {
        const at = Math.max(...[...d.sentences, ...d.support].filter((x) => x < sentence));
        if (at > bestAt) {
          best = d;
          bestAt = at;
        }
      }
      return best;
    },
    isMeasure: (n: { first: number; end: number }) => {
      const next = text.tokens[n.end];
      const previous = n.first > 0 ? text.tokens[n.first - 1] : undefined;
      const { after, before } = measureKeys(lexicon);
      const is = (token: typeof next, keys: Set<string>) => token !== undefined && (keys.has(token.key) || keys.has(token.stems[token.stems.length - 1]));
      // «في الخمسين من عمره», «في العاشرة من العمر»: an age with "of" between.
      const ofAge = next?.key === 'من' && is(text.tokens[n.end + 1], after);
      return is(next, after) || ofAge || (previous?.sentence === text.tokens[n.first].sentence && is(previous, before));
    },
  };
  const buildAll = (context: BuildContext) =>
    discourse.drafts
      .map((draft) => buildEvent(draft, context))
      .filter(({ record, draft }) => isInformative(record, draft) && !isTrend(draft, article, published))
      // One event per place (ACLED): "raids in Hebron and Beit Ummar" are two.
      .flatMap(({ record, draft, alsoAt }) => [{ record, draft }, ...alsoAt.map((place) => ({ record: atAnotherPlace(record, place), draft }))]);
  let built = buildAll(ctx);
  // Strikes told without a name, in an article that names one state's air force striking: built again
  // with that air force (src/record/build.ts, rule.actor.article-air-force).
  const airForces = new Set(built.filter(({ record }) => (record.sub_event_type === 'Air/drone strike' || record.actor1.includes('Air Force')) && record.actor1_certainty === 'stated' && (record.inter1 === 1 || record.inter1 === 8) && !record.actor1.startsWith('Unidentified')).map(({ record }) => record.actor1));
  if (airForces.size === 1 && built.some(({ record }) => record.sub_event_type === 'Air/drone strike' && record.actor1.startsWith('Unidentified Military Forces'))) {
    const [name] = airForces;
    const articleAirForce = lexicon.data.actors.find((a) => a.name === name);
    if (articleAirForce) {
      ctx.placesByDraft.clear();
      ctx.sidesByDraft.clear();
      ctx.actor1ByDraft.clear();
      built = buildAll({ ...ctx, articleAirForce });
    }
  }
  // An act told with no place below the country, in a report that places its events, is an aside or an
  // elaboration of them ("those detained were released", "the agreement provides for..."), not an event.
  const placed = built.some(({ record }) => record.location && record.location !== record.country);
  if (placed) built = built.filter(({ record }) => !record.location || record.location !== record.country || !record.country);
  const idOf = new Map(built.map(({ record, draft }) => [draft, record.event_id]));
  for (const { record, draft } of built) {
    record.related = draft.related.map((r) => ({ relation: r.relation, event_id: idOf.get(r.target) ?? '' })).filter((r) => r.event_id);
  }
  return {
    id: input.id,
    events: built.map((b) => b.record),
    claims: claimDrafts.map((c) => buildClaim(c, article, countryContext, lexicon)),
  };
}

/**
 * «اختطفت الجماعة 47 معلماً منذ مطلع العام», «تشهد المدن تصعيداً متواصلاً منذ أشهر»: acts told over a
 * period running up to now, with no day of their own, are a tally or a trend, not one event.
 */
function isTrend(draft: Draft, article: ArticleFacts, published: string | null): boolean {
  // (A day of its own says one event; a span running up to now, «منذ أسابيع», does not.)
  if (draft.time?.date && draft.time.kind !== 'since') return false;
  const trigger = draft.triggers[0];
  const facts = article.sentences[draft.sentences[0]];
  // An unresolved «منذ» expression («منذ أشهر», «منذ مطلع العام») is such a period too, only a vaguer one.
  // ("فرض حظر تجوّل اعتباراً من مساء اليوم": a span that starts today or later is a measure's start, not a trend.)
  const startsLater = (t: { date: string | null }) => published !== null && t.date !== null && t.date >= published;
  return facts.times.some((t) => ((t.kind === 'since' && !startsLater(t)) || (t.date === null && t.ids.includes('anchor.since'))) && Math.abs(t.first - trigger.first) <= 25);
}

/**
 * A record worth an analyst's row: an event told only by a generic word ("attack", "استهداف"), with no
 * date of its own, no place below the country and no toll says nothing that can be checked.
 */
function isInformative(record: EventRecord, draft: Draft): boolean {
  const generic = draft.triggers.every((t) => t.item.entry.weight === 1) && draft.responses.length === 0;
  const vague = !draft.time?.date && (record.geo_precision === null || record.location === record.country) && record.fatalities === null;
  // "The protests started in the summer of 2023": a date vaguer than a month and no place below the country.
  const undatable = draft.time !== null && !draft.time.date && (record.geo_precision === null || record.location === record.country);
  return !(generic && vague && draft.sentences[0] > 1) && !undatable;
}

const measureIndexes = new WeakMap<Lexicon, { after: Set<string>; before: Set<string> }>();

function measureKeys(lexicon: Lexicon): { after: Set<string>; before: Set<string> } {
  let keys = measureIndexes.get(lexicon);
  if (!keys) {
    keys = { after: new Set(lexicon.data.measureWords.map((w) => foldKey(w))), before: new Set(lexicon.data.measureWordsBefore.map((w) => foldKey(w))) };
    measureIndexes.set(lexicon, keys);
  }
  return keys;
}

const countryIndexes = new WeakMap<Lexicon, Map<string, PlaceEntry>>();

function countryIndex(lexicon: Lexicon): Map<string, PlaceEntry> {
  let index = countryIndexes.get(lexicon);
  if (!index) {
    index = new Map(lexicon.data.places.filter((p) => p.kind === 'country').map((p) => [p.name, p]));
    countryIndexes.set(lexicon, index);
  }
  return index;
}
