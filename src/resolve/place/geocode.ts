import type { MatchOf, PlaceEntry } from '../../lexicon/index.ts';
import { insideShortQuote, type Token } from '../../text/index.ts';

/** What an event's place resolves to, with ACLED's geo_precision. */
export interface PlaceChoice {
  readonly location: string;
  /** The gazetteer kind of the place chosen (town, airport, admin1...). */
  readonly kind: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly precision: 1 | 2 | 3;
  readonly country: string;
  readonly admin1: string | null;
  readonly admin2: string | null;
  readonly ids: string[];
  readonly span: [number, number] | null;
}

export interface PlaceMention {
  readonly candidates: PlaceEntry[];
  readonly ids: string[];
  readonly first: number;
  readonly end: number;
  readonly sentence: number;
  /** How the words before it qualify it: 'near' (ريف، قرب), 'admin', 'town'. */
  readonly qualifiers: Set<string>;
  /** After a launch or stationing cue ("المتمركزة في", "انطلقت من"): where attackers were, not the target. */
  readonly origin: boolean;
  /** One end of a road or line told ("the road linking A and B"). */
  readonly route?: boolean;
}

const SITE_KINDS = new Set(['oil_field', 'gas_field', 'base', 'airport', 'crossing', 'dam', 'camp', 'prison', 'port', 'power_plant', 'hospital', 'bridge', 'checkpoint', 'mountain']);

export function specificity(kind: string): number {
  if (SITE_KINDS.has(kind)) return 6;
  if (kind === 'neighbourhood') return 5;
  // A report that names a city and a village of it places the event at the village.
  if (kind === 'village') return 4.4;
  if (kind === 'town') return 4.2;
  if (kind === 'city') return 4;
  if (kind === 'region') return 3;
  if (kind === 'admin2') return 2;
  if (kind === 'admin1') return 1;
  return 0;
}

/** Groups matches on the same words into one mention with its candidate entries. */
/**
 * An English place name is capitalized ("Hit" the town, not "hit" the verb), and a name fused into a
 * compound ("Iran-backed", "US-led") is an adjective, not a place.
 */
const PLACE_PREPOSITIONS = new Set(['في', 'فى', 'قرب', 'in', 'near', 'at']);

const ARTICLE_BEFORE_NAME = /^(?:al|el|ad|ar|as|ash|at|az|an|ed|en|er|es|et|ez)-\p{Lu}/u;

function isNameLike(tokens: readonly Token[], first: number, end: number, text: string): boolean {
  const start = tokens[first];
  if (start.script === 'latin') {
    const ch = text[start.start];
    // ("near al-Qaim", "in el-Fasher": the Arabic article is written small before a capitalized name.)
    if (ch !== ch.toUpperCase() && !ARTICLE_BEFORE_NAME.test(text.slice(start.start, start.start + 6))) return false;
  }
  const after = text[tokens[end - 1].end];
  return after !== '-';
}

export function placeMentions(
  places: readonly MatchOf<'place'>[],
  geoCues: readonly MatchOf<'cue'>[],
  originCues: readonly MatchOf<'cue'>[],
  tokens: readonly Token[],
  text: string,
  sources: readonly MatchOf<'source'>[] = [],
  actors: readonly MatchOf<'actor'>[] = [],
  institutions: readonly MatchOf<'cue'>[] = [],
): PlaceMention[] {
  const bySpan = new Map<string, MatchOf<'place'>[]>();
  for (const p of places) {
    const key = `${p.first}:${p.end}`;
    const list = bySpan.get(key);
    if (list) list.push(p);
    else bySpan.set(key, [p]);
  }
  const mentions: PlaceMention[] = [];
  for (const group of bySpan.values()) {
    const { first, end } = group[0];
    if (!isNameLike(tokens, first, end, text)) continue;
    // "مصادر طبية في مجمع ناصر الطبي": the hospital the informant speaks from is not where it happened
    // (a town named that way usually is: "مصادر طبية في مدينة مليط").
    if (group.every((g) => SITE_KINDS.has(g.item.entry.kind)) && sources.some((src) => src.end <= first && first - src.end <= 3)) continue;
    // "لـ«دارفور اليوم»": a place name inside a short quoted name is an outlet's or a group's name.
    if (insideShortQuote(text, tokens[first].start, tokens[end - 1].end)) continue;
    // "شرطة كركوك", "Tripoli-based": a place inside an actor's name says who, not where.
    if (actors.some((a) => a.first <= first && a.end >= end && a.end - a.first > end - first)) continue;
    if (institutions.some((c) => (c.end === first && !c.item.entry.after) || (c.first === end && c.item.entry.after))) continue;
    const qualifiers = new Set<string>();
    for (const cue of geoCues) {
      // Right before the name, or running into it ("أطراف مدينة" + "مدينة الميادين").
      if (cue.end === first || cue.end === first - 1 || (cue.first < first && cue.end > first)) {
        const entry = cue.item.entry;
        if (entry.precision === 2) qualifiers.add('near');
        if (entry.reference) qualifiers.add('bearing');
        if (entry.prefer === 'admin1') qualifiers.add('admin');
        if (entry.prefer === 'town') qualifiers.add('town');
      }
    }
    // «ودان محور مأرب العسكري» ("and the Marib command condemned"): a name that is also a common word is a
    // place only after a place word or a preposition.
    const before = tokens[first - 1];
    const introduced = qualifiers.size > 0 || (before !== undefined && before.sentence === tokens[first].sentence && PLACE_PREPOSITIONS.has(before.key));
    if (!introduced && group.every((g) => (g.item.entry.homographs ?? []).includes(g.form))) continue;
    const asides = originCues.filter((cue) => cue.end <= first && first - cue.end <= 6 && tokens[cue.first].sentence === tokens[first].sentence);
    // A road's ends stay candidates (an ambush "on the road linking Amuda and the villages west of it" is
    // coded at Amuda); only an event told by the road alone takes the story's place (src/record/build.ts).
    const route = asides.some((cue) => cue.item.entry.role === 'route');
    const origin = asides.some((cue) => cue.item.entry.role !== 'route');
    mentions.push({
      candidates: group.map((g) => g.item.entry),
      ids: group.map((g) => g.item.id),
      first,
      end,
      sentence: tokens[first].sentence,
      qualifiers,
      origin,
      route,
    });
  }
  // A name inside a longer name ("العمر" in "حقل العمر") is not a mention of its own.
  return mentions
    .filter((m) => !mentions.some((o) => o !== m && o.first <= m.first && o.end >= m.end && o.end - o.first > m.end - m.first))
    .sort((a, b) => a.first - b.first);
}

export function isGenerated(entry: PlaceEntry): boolean {
  return entry.source?.startsWith('GeoNames') ?? false;
}

/** The entry an ambiguous name means here: by the cue before it, the article's country, then size. */
export function disambiguate(mention: PlaceMention, countryContext: string | null): PlaceEntry {
  const score = (p: PlaceEntry) => {
    let s = 0;
    if (countryContext && p.country === countryContext) s += 100;
    if (mention.qualifiers.has('admin') && (p.kind === 'admin1' || p.kind === 'admin2')) s += 50;
    if (mention.qualifiers.has('town') && specificity(p.kind) >= 4) s += 50;
    // Without a cue, a bare name that is both a governorate and its capital is the city (ACLED codes the town).
    if (!mention.qualifiers.has('admin') && specificity(p.kind) >= 4) s += 10;
    // "شمال مدينة تعز": a bearing is taken from a town, not from a governorate.
    if (mention.qualifiers.has('bearing') && specificity(p.kind) >= 4) s += 5;
    if (p.kind === 'country') s -= 5;
    // A curated entry was checked by hand; a generated one shares its name by chance more often.
    if (!isGenerated(p)) s += 20;
    s += Math.log10((p.population ?? 0) + 1);
    return s;
  };
  return [...mention.candidates].sort((a, b) => score(b) - score(a))[0];
}

/**
 * The event's place: the most specific mention, from the event's own sentences first, never a
 * launch or stationing place when the target's place is named.
 */
export function choosePlace(
  mentions: readonly PlaceMention[],
  eventSentences: readonly number[],
  countryContext: string | null,
  countries: ReadonlyMap<string, PlaceEntry>,
  tokens: readonly Token[],
): PlaceChoice | null {
  let best: { mention: PlaceMention; entry: PlaceEntry; score: number } | null = null;
  for (const mention of mentions) {
    const rank = eventSentences.indexOf(mention.sentence);
    if (rank < 0) continue;
    // A GeoNames-only name abroad ("حربية" in an Idleb report is an adjective, not Harbiye in Hatay) is not taken.
    if (countryContext && mention.candidates.every((c) => isGenerated(c) && c.country !== countryContext)) continue;
    const entry = disambiguate(mention, countryContext);
    // (A site at a road's end, "the road linking Ubari and the Sharara field", is where the road goes, not the act.)
    const siteAtRoadEnd = mention.route === true && SITE_KINDS.has(entry.kind);
    // (A hospital is where the wounded are taken or die, "died in Marjayoun Government Hospital"; a hospital
    // struck is named with its town.)
    const score = specificity(entry.kind) * 10 - (mention.origin || siteAtRoadEnd || entry.kind === 'hospital' ? 35 : 0) - rank * 12 - (entry.kind === 'country' ? 5 : 0) - (mention.qualifiers.has('bearing') ? 15 : 0);
    if (!best || score > best.score) best = { mention, entry, score };
  }
  // "Residents of the Ain Zara district in southern Tripoli": a later sentence may narrow the lead's
  // place to a part of it; the narrower place inside the same admin1 wins.
  if (best) {
    for (const mention of mentions) {
      if (!eventSentences.includes(mention.sentence) || mention.origin || mention === best.mention) continue;
      const entry = disambiguate(mention, countryContext);
      const inside = entry.country === best.entry.country && (entry.admin1 ?? null) === (best.entry.kind === 'admin1' ? best.entry.name : (best.entry.admin1 ?? null));
      const near = Math.abs(entry.lat - best.entry.lat) < 0.3 && Math.abs(entry.lon - best.entry.lon) < 0.3;
      if (inside && near && specificity(entry.kind) > specificity(best.entry.kind) && !mention.qualifiers.has('bearing')) best = { mention, entry, score: best.score };
    }
    return toChoice(best.entry, best.mention, tokens);
  }
  if (countryContext) {
    const country = countries.get(countryContext);
    if (country) return toChoice(country, null, tokens);
  }
  return null;
}

function toChoice(entry: PlaceEntry, mention: PlaceMention | null, tokens: readonly Token[]): PlaceChoice {
  const level = specificity(entry.kind);
  let precision: 1 | 2 | 3 = level >= 4 ? 1 : level === 3 ? 2 : 3;
  if (mention?.qualifiers.has('near') && precision === 1) precision = 2;
  const isCountry = entry.kind === 'country';
  return {
    location: entry.name,
    kind: entry.kind,
    latitude: entry.lat,
    longitude: entry.lon,
    precision,
    country: isCountry ? entry.name : entry.country,
    admin1: isCountry ? null : entry.kind === 'admin1' ? entry.name : (entry.admin1 ?? null),
    admin2: entry.admin2 ?? null,
    ids: [...(mention?.ids ?? [entry.id]), ...(mention?.qualifiers.has('near') ? ['geo.near'] : [])],
    span: mention ? [tokens[mention.first].start, tokens[mention.end - 1].end] : null,
  };
}

/** The article's country: the one its places and country names point to most often. */
export function articleCountry(mentions: readonly PlaceMention[], adjectives: readonly MatchOf<'country-adjective'>[]): string | null {
  const votes = new Map<string, number>();
  const vote = (country: string, weight: number) => votes.set(country, (votes.get(country) ?? 0) + weight);
  for (const m of mentions) {
    const countries = new Set(m.candidates.map((c) => (c.kind === 'country' ? c.name : c.country)));
    // A name known only from GeoNames is a weak witness of where the story is.
    const weight = m.candidates.some((x) => x.kind === 'country') ? 2 : m.candidates.every(isGenerated) ? 0.5 : 1.5;
    for (const c of countries) vote(c, weight / countries.size);
  }
  for (const a of adjectives) vote(a.item.entry.name, 0.5);
  let best: string | null = null;
  let bestVotes = 0;
  for (const [country, n] of votes) {
    if (n > bestVotes) {
      best = country;
      bestVotes = n;
    }
  }
  return best;
}
