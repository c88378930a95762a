/**
 * The scorer of ../shared/spec/event-record.md: events match one-to-one, best pairs first, when the
 * event_type is the same, the dates agree within the gold's precision, and the place agrees.
 */
import { distanceKm } from '../contracts/geo.ts';

export interface GoldEvent {
  event_type: string;
  sub_event_type?: string;
  event_date?: string | null;
  time_precision?: number;
  actor1?: string;
  actor2?: string;
  admin1?: string | null;
  location?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  fatalities?: number | null;
  background?: boolean;
}

export type ScoredEvent = GoldEvent;

export interface PairAgreement {
  subEventType: boolean;
  exactDate: boolean;
  coordinates: boolean;
  fatalities: boolean;
  actors: boolean;
  /** Actors agree up to the catalogue's hierarchy: a brigade agrees with its force ("... Houthi - Security and Intelligence Service" ~ "... Houthi"). */
  actorsFamily: boolean;
}

/** The chain of umbrellas of an actor name, the name itself first; names outside the catalogue stand alone. */
export type ActorFamily = (name: string) => string[];

export interface ArticleScore {
  id: string;
  gold: number;
  extracted: number;
  matched: number;
  goldNews: number;
  extractedNews: number;
  matchedNews: number;
  pairs: { gold: GoldEvent; extracted: ScoredEvent; agreement: PairAgreement }[];
  missed: GoldEvent[];
  spurious: ScoredEvent[];
}

/** Place names compare without case, accents, the article al- or punctuation ("Deir ez-Zor" = "deir ez zor"). */
export function placeKey(name: string | null | undefined): string {
  return (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(al|el|ad|ar|as|ash|az|an)[-\s]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

const TOLERANCE: Record<number, number> = { 1: 0, 2: 7, 3: 31 };

export function datesAgree(gold: GoldEvent, extracted: ScoredEvent): boolean {
  if (!gold.event_date) return true;
  if (!extracted.event_date) return false;
  const tolerance = TOLERANCE[gold.time_precision ?? 1] ?? 0;
  return Math.abs(dayNumber(gold.event_date) - dayNumber(extracted.event_date)) <= tolerance;
}

export function placesAgree(gold: GoldEvent, extracted: ScoredEvent): boolean {
  if (gold.admin1 && placeKey(gold.admin1) !== placeKey(extracted.admin1)) return false;
  if (gold.location && placeKey(gold.location) === placeKey(extracted.location)) return true;
  const d = distanceKm(gold, extracted);
  if (d !== null) return d <= 25;
  return !gold.location;
}

export function eventsMatch(gold: GoldEvent, extracted: ScoredEvent): boolean {
  return gold.event_type === extracted.event_type && datesAgree(gold, extracted) && placesAgree(gold, extracted);
}

function actorsAgree(gold: GoldEvent, extracted: ScoredEvent, same: (a: string, b: string) => boolean = (a, b) => a === b): boolean {
  const g1 = gold.actor1 ?? '';
  const g2 = gold.actor2 ?? '';
  const e1 = extracted.actor1 ?? '';
  const e2 = extracted.actor2 ?? '';
  if (same(g1, e1) && same(g2, e2)) return true;
  // Actor order means nothing except in Violence against civilians (civilians are always actor2).
  return gold.event_type !== 'Violence against civilians' && same(g1, e2) && same(g2, e1);
}

function related(family: ActorFamily): (a: string, b: string) => boolean {
  return (a, b) => a === b || (a !== '' && b !== '' && (family(a).includes(b) || family(b).includes(a)));
}

export function agreement(gold: GoldEvent, extracted: ScoredEvent, family: ActorFamily = (n) => [n]): PairAgreement {
  const d = distanceKm(gold, extracted);
  return {
    subEventType: gold.sub_event_type === extracted.sub_event_type,
    exactDate: (gold.event_date ?? null) === (extracted.event_date ?? null),
    coordinates: d !== null && d <= 10,
    fatalities: (gold.fatalities ?? null) === (extracted.fatalities ?? null),
    actors: actorsAgree(gold, extracted),
    actorsFamily: actorsAgree(gold, extracted, related(family)),
  };
}

function pairScore(a: PairAgreement): number {
  return [a.subEventType, a.exactDate, a.coordinates, a.fatalities, a.actors].filter(Boolean).length;
}

export function scoreArticle(id: string, gold: GoldEvent[], extracted: ScoredEvent[], family?: ActorFamily): ArticleScore {
  const candidates: { g: number; e: number; score: number; agreement: PairAgreement }[] = [];
  gold.forEach((g, gi) => {
    extracted.forEach((e, ei) => {
      if (!eventsMatch(g, e)) return;
      const a = agreement(g, e, family);
      candidates.push({ g: gi, e: ei, score: pairScore(a), agreement: a });
    });
  });
  candidates.sort((a, b) => b.score - a.score);
  const usedG = new Set<number>();
  const usedE = new Set<number>();
  const pairs: ArticleScore['pairs'] = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedE.has(c.e)) continue;
    usedG.add(c.g);
    usedE.add(c.e);
    pairs.push({ gold: gold[c.g], extracted: extracted[c.e], agreement: c.agreement });
  }
  const isNews = (e: GoldEvent) => !e.background;
  return {
    id,
    gold: gold.length,
    extracted: extracted.length,
    matched: pairs.length,
    goldNews: gold.filter(isNews).length,
    extractedNews: extracted.filter(isNews).length,
    matchedNews: pairs.filter((p) => isNews(p.gold) && isNews(p.extracted)).length,
    pairs,
    missed: gold.filter((_, i) => !usedG.has(i)),
    spurious: extracted.filter((_, i) => !usedE.has(i)),
  };
}

export interface Totals {
  articles: number;
  events: { precision: number; recall: number; f1: number; gold: number; extracted: number; matched: number };
  newsEvents: { precision: number; recall: number; f1: number; gold: number; extracted: number; matched: number };
  fields: Record<keyof PairAgreement, number>;
  bySubEventType: Record<string, { gold: number; matched: number; typeAgrees: number }>;
}

function prf(matched: number, extracted: number, gold: number) {
  const precision = extracted === 0 ? (gold === 0 ? 1 : 0) : matched / extracted;
  const recall = gold === 0 ? 1 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, extracted, matched };
}

export function totals(scores: ArticleScore[]): Totals {
  const sum = (f: (s: ArticleScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const pairs = scores.flatMap((s) => s.pairs);
  const share = (k: keyof PairAgreement) => (pairs.length ? pairs.filter((p) => p.agreement[k]).length / pairs.length : 0);
  const bySubEventType: Totals['bySubEventType'] = {};
  for (const s of scores) {
    for (const g of [...s.pairs.map((p) => p.gold), ...s.missed]) {
      const key = g.sub_event_type ?? '?';
      bySubEventType[key] ??= { gold: 0, matched: 0, typeAgrees: 0 };
      bySubEventType[key].gold++;
    }
    for (const p of s.pairs) {
      const key = p.gold.sub_event_type ?? '?';
      bySubEventType[key].matched++;
      if (p.agreement.subEventType) bySubEventType[key].typeAgrees++;
    }
  }
  return {
    articles: scores.length,
    events: prf(sum((s) => s.matched), sum((s) => s.extracted), sum((s) => s.gold)),
    newsEvents: prf(sum((s) => s.matchedNews), sum((s) => s.extractedNews), sum((s) => s.goldNews)),
    fields: {
      subEventType: share('subEventType'),
      exactDate: share('exactDate'),
      coordinates: share('coordinates'),
      fatalities: share('fatalities'),
      actors: share('actors'),
      actorsFamily: share('actorsFamily'),
    },
    bySubEventType,
  };
}
