import type { EventRecord } from '../contracts/record.ts';
import type { Report } from './link.ts';
import type { MergeRules } from './rules.ts';

/** A stored event: the record every interface speaks, merged over all the reports of one event. */
export interface MergedEvent {
  readonly record: EventRecord;
  /** The report ids merged into it, sorted. */
  readonly reportIds: readonly string[];
}

const CERTAINTY_RANK: Record<string, number> = { stated: 3, claimed: 2, suspected: 1, unknown: 0 };

/**
 * One record from the reports of one event, as a pure function of the set (the order of the reports
 * does not matter). The event takes its id from its smallest report id, so the same reports always
 * make the same event; each field comes from the report that knows it best.
 */
export function combineReports(reports: readonly Report[], rules: MergeRules): MergedEvent {
  const members = [...reports].sort(byRank);
  const lead = members[0];
  const reportIds = members.map((r) => r.id).sort();
  if (members.length === 1) return { record: { ...lead.record, event_id: reportIds[0] }, reportIds };

  const dated = bestDate(members);
  const typed = mostReported(members, (r) => `${r.record.event_type}\u0000${r.record.sub_event_type}`) ?? lead;
  const acting = [...members].sort((a, b) => actorScore(b, rules) - actorScore(a, rules) || byRank(a, b))[0];
  const toll = fatalities(members);
  const outlets = new Set(members.map((r) => r.outlet ?? r.record.source));
  const record: EventRecord = {
    ...lead.record,
    event_id: reportIds[0],
    event_date: dated.record.event_date,
    year: dated.record.year,
    time_precision: dated.record.time_precision,
    date_text: dated.record.date_text,
    disorder_type: typed.record.disorder_type,
    event_type: typed.record.event_type,
    sub_event_type: typed.record.sub_event_type,
    actor1: acting.record.actor1,
    assoc_actor_1: acting.record.assoc_actor_1,
    inter1: acting.record.inter1,
    actor2: acting.record.actor2,
    assoc_actor_2: acting.record.assoc_actor_2,
    inter2: acting.record.inter2,
    interaction: acting.record.interaction,
    civilian_targeting: acting.record.civilian_targeting,
    actor1_certainty: acting.record.actor1_certainty,
    actor1_suspected: acting.record.actor1_suspected ?? members.find((r) => r.record.actor1_suspected)?.record.actor1_suspected ?? null,
    fatalities: toll.best,
    fatalities_low: toll.low,
    fatalities_high: toll.high,
    injuries: toll.injuries,
    means: [...new Set(members.flatMap((r) => r.record.means))].sort(),
    source: [...new Set(members.flatMap((r) => r.record.source.split(/;\s*/)).filter(Boolean))].join('; '),
    background: members.every((r) => r.record.background),
    related: dedupe(members.flatMap((r) => r.record.related)),
    confidence: Math.min(1, Math.max(...members.map((r) => r.record.confidence)) + rules.confidenceBonusPerExtraOutlet * (outlets.size - 1)),
    article_ids: [...new Set(members.flatMap((r) => [r.articleId]))].sort(),
    provenance: { ...lead.record.provenance, merge: [`${members.length} reports from ${outlets.size} outlets`] },
  };
  return { record, reportIds };
}

/** Precise place first, then precise date, then a report of the event itself over a recollection. */
function byRank(a: Report, b: Report): number {
  return (
    (a.record.geo_precision ?? 9) - (b.record.geo_precision ?? 9) ||
    (a.record.event_date ? a.record.time_precision : 9) - (b.record.event_date ? b.record.time_precision : 9) ||
    Number(a.record.background) - Number(b.record.background) ||
    b.record.confidence - a.record.confidence ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The most precise date; where reports of that precision disagree, the day most of them give, then the earliest. */
function bestDate(members: Report[]): Report {
  const dated = members.filter((r) => r.record.event_date);
  if (dated.length === 0) return members[0];
  const finest = Math.min(...dated.map((r) => r.record.time_precision));
  const candidates = dated.filter((r) => r.record.time_precision === finest);
  const counts = new Map<string, number>();
  for (const r of candidates) counts.set(r.record.event_date as string, (counts.get(r.record.event_date as string) ?? 0) + 1);
  const day = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  return candidates.find((r) => r.record.event_date === day) as Report;
}

function mostReported(members: Report[], keyOf: (r: Report) => string): Report | undefined {
  const counts = new Map<string, number>();
  for (const r of members) counts.set(keyOf(r), (counts.get(keyOf(r)) ?? 0) + 1);
  const top = Math.max(...counts.values());
  return members.find((r) => counts.get(keyOf(r)) === top);
}

/** A named, stated attacker says more than a suspected or generic one. */
function actorScore(report: Report, rules: MergeRules): number {
  const r = report.record;
  return CERTAINTY_RANK[r.actor1_certainty] * 4 + (rules.identity(r.actor1) ? 2 : 0) + (rules.identity(r.actor2) ? 1 : 0);
}

/**
 * ACLED codes the lowest reported toll, but tolls are revised upward as bodies are counted: the best
 * estimate is the lowest figure of the latest day that reported one, with the whole range kept.
 */
function fatalities(members: Report[]): { best: number | null; low: number | null; high: number | null; injuries: number | null } {
  const told = members.filter((r) => r.record.fatalities !== null);
  const injuries = members.map((r) => r.record.injuries).filter((x): x is number => x !== null);
  const injured = injuries.length ? Math.max(...injuries) : null;
  if (told.length === 0) return { best: null, low: null, high: null, injuries: injured };
  const figures = told.map((r) => r.record.fatalities as number);
  const latest = told.map((r) => r.published ?? '').sort().at(-1);
  const best = Math.min(...told.filter((r) => (r.published ?? '') === latest).map((r) => r.record.fatalities as number));
  return { best, low: Math.min(...figures), high: Math.max(...figures), injuries: injured };
}

function dedupe<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
