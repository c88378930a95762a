import type { EventRecord } from '../contracts/record.ts';
import { clusterReports, combineReports, linkStrength, type MergeKey, mergeKey, type MergeRules, type Report } from '../merge/index.ts';

/**
 * The merge as both stores run it, without their SQL: which stored reports to read for a new one,
 * which blocks it joins, and what a block's events become. Each store reads and writes; the decisions
 * are made here, once, so that SQLite and PostgreSQL end with the same events.
 */

/** A stored report with the event and block it belongs to ('' for a fresh report not yet grouped). */
export interface StoredReport extends Report {
  readonly eventId: string;
  readonly block: string;
}

/** A stored report as the candidate queries return it. */
export interface CandidateRow {
  readonly id: string;
  readonly article_id: string;
  readonly block: string;
  readonly record: string;
}

/** The half-degree grid cell of a point (about 55 km): a place search reads at most four cells. */
export function cellOf(latitude: number, longitude: number): number {
  return Math.floor((latitude + 90) * 2) * 1000 + Math.floor((longitude + 180) * 2);
}

/**
 * The lock a writer takes before merging a report: reports link only within a family and a country,
 * so a stored block never spans two keys, and writers of different keys never wait on each other.
 */
export function mergeLockKey(record: EventRecord, rules: MergeRules): string | null {
  const key = mergeKey(record, rules);
  return key ? `marsad:merge:${key.family}:${key.country ?? ''}` : null;
}

/** The indexed columns of a report, from its merge key. */
export function reportColumns(record: EventRecord, rules: MergeRules) {
  const key = mergeKey(record, rules);
  return {
    family: key?.family ?? null,
    dayLo: key?.dayLo ?? null,
    dayHi: key?.dayHi ?? null,
    cell: key?.precise ? cellOf(record.latitude as number, record.longitude as number) : null,
  };
}

export interface CandidateSearch {
  readonly key: MergeKey;
  /** Reports of this family whose date range overlaps the widest window a link allows. */
  readonly window: { readonly family: string; readonly loFrom: number; readonly hi: number; readonly lo: number };
  /** Any report of the same governorate, when the report names one. */
  readonly admin1: string | null;
  /** Precise reports within the link radius, by grid cell and box; null for an imprecise report. */
  readonly near: { readonly box: { south: number; north: number; west: number; east: number }; readonly cells: readonly number[] } | null;
}

/** Where the stored reports that may link to this one are; null for a report that never merges (no date). */
export function candidateSearch(record: EventRecord, rules: MergeRules): CandidateSearch | null {
  const key = mergeKey(record, rules);
  if (!key) return null;
  const window = { family: key.family, loFrom: key.dayLo - 2 * rules.dateWindow(3), hi: key.dayHi, lo: key.dayLo };
  let near: CandidateSearch['near'] = null;
  if (key.precise) {
    const lat = key.latitude as number;
    const lon = key.longitude as number;
    const dLat = rules.placeRadiusKm(2) / 111;
    const dLon = dLat / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
    const box = { south: lat - dLat, north: lat + dLat, west: lon - dLon, east: lon + dLon };
    const cells = new Set([cellOf(box.south, box.west), cellOf(box.south, box.east), cellOf(box.north, box.west), cellOf(box.north, box.east)]);
    near = { box, cells: [...cells] };
  }
  return { key, window, admin1: key.admin1, near };
}

/** The blocks among the candidates that the report links to (never through its own article). */
export function linkedBlocks(report: Report, key: MergeKey, candidates: readonly CandidateRow[], rules: MergeRules): Set<string> {
  const blocks = new Set<string>();
  for (const row of candidates) {
    if (row.id === report.id || row.article_id === report.articleId || blocks.has(row.block)) continue;
    const otherKey = mergeKey(JSON.parse(row.record) as EventRecord, rules);
    if (otherKey && linkStrength(key, otherKey, rules)) blocks.add(row.block);
  }
  return blocks;
}

export interface MergedWrite {
  readonly record: EventRecord;
  readonly json: string;
  /** The reports' own records, whose evidence the search index holds. */
  readonly reports: readonly EventRecord[];
}

export interface RegroupPlan {
  /** The component's block, named after its smallest report. */
  readonly block: string;
  /** Reports whose block changes to `block`. */
  readonly blockMoves: readonly string[];
  readonly events: readonly MergedWrite[];
  /** Reports whose event changes: [report id, event id]. */
  readonly eventMoves: readonly (readonly [string, string])[];
  /** Events that are gone, and the event each went into (where its namesake report went). */
  readonly removals: readonly { readonly id: string; readonly mergedInto: string | null }[];
}

/** What one component's events become: the clusters are recomputed from all its reports. */
export function planRegroup(component: ReadonlyMap<string, StoredReport>, rules: MergeRules): RegroupPlan {
  const block = [...component.keys()].sort()[0];
  const blockMoves = [...component.values()].filter((r) => r.block !== block).map((r) => r.id);
  const before = new Set([...component.values()].map((r) => r.eventId).filter(Boolean));
  const after = new Map<string, string>();
  const events: MergedWrite[] = [];
  const eventMoves: [string, string][] = [];
  for (const cluster of clusterReports([...component.values()], rules)) {
    const merged = combineReports(cluster, rules);
    const id = merged.record.event_id;
    events.push({ record: merged.record, json: JSON.stringify(merged.record), reports: cluster.map((r) => r.record) });
    for (const reportId of merged.reportIds) {
      after.set(reportId, id);
      if (component.get(reportId)?.eventId !== id) eventMoves.push([reportId, id]);
    }
  }
  const live = new Set(after.values());
  // An event is named after its smallest report: where that report went, the event went.
  const removals = [...before].filter((old) => !live.has(old)).map((old) => ({ id: old, mergedInto: after.get(old) ?? null }));
  return { block, blockMoves, events, eventMoves, removals };
}

/** The rows of the search and actor indexes for one event. */
export function eventActors(r: EventRecord): string[] {
  return [...new Set([r.actor1, r.actor2, ...r.assoc_actor_1.split(/;\s*/), ...r.assoc_actor_2.split(/;\s*/)])].filter(Boolean);
}

export function searchTexts(r: EventRecord, reports: readonly EventRecord[]): string[] {
  return [r.notes, r.location ?? '', ...reports.flatMap((report) => report.evidence.map((span) => span.text))];
}

/** Distinct outlets named in a merged record's source field. */
export function sourceCount(r: EventRecord): number {
  return new Set(r.source.split(/;\s*/).filter(Boolean)).size;
}
