import { GoldError, runEvaluation } from '../evaluate/run.ts';
import { table } from './format.ts';
import { InputError } from '../ingest/input.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function evalCommand(options: { gold: string; json?: boolean; verbose?: boolean }): void {
  let run: ReturnType<typeof runEvaluation>;
  try {
    run = runEvaluation(options.gold);
  } catch (error) {
    if (error instanceof GoldError) throw new InputError(error.message);
    throw error;
  }
  const { totals: t, scores } = run;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ totals: t, articles: scores.map((s) => ({ id: s.id, gold: s.gold, extracted: s.extracted, matched: s.matched })) }, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`${t.articles} articles`);
  out.push(
    table(
      ['events', 'gold', 'extracted', 'matched', 'precision', 'recall', 'F1'],
      [
        ['all', t.events.gold, t.events.extracted, t.events.matched, pct(t.events.precision), pct(t.events.recall), pct(t.events.f1)],
        ['news (no background)', t.newsEvents.gold, t.newsEvents.extracted, t.newsEvents.matched, pct(t.newsEvents.precision), pct(t.newsEvents.recall), pct(t.newsEvents.f1)],
      ],
    ),
  );
  out.push('');
  out.push(
    table(
      ['on matched pairs', 'agree'],
      [
        ['sub_event_type', pct(t.fields.subEventType)],
        ['event_date exact', pct(t.fields.exactDate)],
        ['coordinates ≤10 km', pct(t.fields.coordinates)],
        ['fatalities', pct(t.fields.fatalities)],
        ['actors', pct(t.fields.actors)],
        ['actors up to hierarchy', pct(t.fields.actorsFamily)],
      ],
    ),
  );
  out.push('');
  out.push(
    table(
      ['gold sub-event type', 'gold', 'matched', 'type agrees'],
      Object.entries(t.bySubEventType)
        .sort()
        .map(([k, v]) => [k, v.gold, v.matched, v.typeAgrees]),
    ),
  );
  if (options.verbose) {
    for (const s of scores) {
      const brief = (e: { sub_event_type?: string; event_date?: string | null; location?: string | null; actor1?: string; actor2?: string; fatalities?: number | null }) =>
        `${e.event_date ?? '?'} ${e.sub_event_type} @ ${e.location ?? '?'} [${e.actor1 ?? ''} | ${e.actor2 ?? ''}] f=${e.fatalities ?? 'null'}`;
      if (!s.missed.length && !s.spurious.length && s.pairs.every((p) => Object.values(p.agreement).every(Boolean))) continue;
      out.push(`\n${s.id}`);
      for (const m of s.missed) out.push(`  missed    ${brief(m)}`);
      for (const m of s.spurious) out.push(`  spurious  ${brief(m)}`);
      for (const p of s.pairs) {
        const bad = Object.entries(p.agreement).filter(([, ok]) => !ok).map(([k]) => k);
        if (bad.length) out.push(`  differs   ${bad.join(',')}\n     gold   ${brief(p.gold)}\n     ours   ${brief(p.extracted)}`);
      }
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
