import type { EventRecord } from '../contracts/record.ts';
import { distanceKm } from '../contracts/geo.ts';
import type { MergeRules } from './rules.ts';

/** One event as one article reported it: the unit that merging groups. */
export interface Report {
  /** The event_id the extractor gave it in its article. */
  readonly id: string;
  readonly articleId: string;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly record: EventRecord;
}

/** What merging compares, computed once per report; also what the store indexes to find candidates. */
export interface MergeKey {
  readonly family: string;
  /** Days since 1970-01-01 of the first and last day the report's date may stand for. */
  readonly dayLo: number;
  readonly dayHi: number;
  readonly exactDay: boolean;
  readonly latitude: number | null;
  readonly longitude: number | null;
  /** Town, site or district level (geo_precision 1 or 2) with coordinates. */
  readonly precise: boolean;
  readonly geoPrecision: number | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly actors: ReadonlySet<string>;
}

export function dayNumber(isoDay: string): number {
  return Math.round(Date.UTC(+isoDay.slice(0, 4), +isoDay.slice(5, 7) - 1, +isoDay.slice(8, 10)) / 86_400_000);
}

/** Null for a report with no date: it cannot be matched to anything and stays its own event. */
export function mergeKey(record: EventRecord, rules: MergeRules): MergeKey | null {
  if (!record.event_date) return null;
  const day = dayNumber(record.event_date);
  const window = rules.dateWindow(record.time_precision);
  const actors = new Set<string>();
  for (const name of [record.actor1, record.actor2, ...record.assoc_actor_1.split(';'), ...record.assoc_actor_2.split(';')]) {
    const identity = rules.identity(name);
    if (identity) actors.add(identity);
  }
  const hasPoint = record.latitude !== null && record.longitude !== null;
  return {
    family: rules.family(record.event_type, record.sub_event_type),
    dayLo: day - window,
    dayHi: day + window,
    exactDay: record.time_precision === 1,
    latitude: record.latitude,
    longitude: record.longitude,
    precise: hasPoint && record.geo_precision !== null && record.geo_precision <= 2,
    geoPrecision: record.geo_precision,
    country: record.country,
    admin1: record.admin1,
    actors,
  };
}

export type LinkStrength = 'strong' | 'weak';

/**
 * Whether two reports from different articles can be the same event (data/merge/README.md):
 * "strong" when both are precise to a town or district, "weak" when one names only the governorate.
 */
export function linkStrength(a: MergeKey, b: MergeKey, rules: MergeRules): LinkStrength | null {
  if (a.family !== b.family) return null;
  if (a.dayLo > b.dayHi || b.dayLo > a.dayHi) return null;
  // Never across countries, and a report with no country only with another: a stored block then lies
  // in one country, which is what lets concurrent writers lock by family and country.
  if (a.country !== b.country) return null;
  if (!actorsAgree(a.actors, b.actors)) return null;
  if (a.precise && b.precise) {
    const coarser = Math.max(a.geoPrecision ?? 2, b.geoPrecision ?? 2) as 1 | 2;
    const km = distanceKm(a, b) as number;
    return km <= rules.placeRadiusKm(coarser) ? 'strong' : null;
  }
  return a.admin1 !== null && a.admin1 === b.admin1 ? 'weak' : null;
}

function actorsAgree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  for (const actor of a) if (b.has(actor)) return true;
  return false;
}
