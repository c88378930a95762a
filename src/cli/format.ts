import type { ExtractionResult } from '../contracts/record.ts';

/** A plain fixed-width table; Arabic cells are left as they are (terminals lay them out themselves). */
export function table(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '-' : String(c))))];
  const widths = headers.map((_, i) => Math.min(48, Math.max(...cells.map((r) => (r[i] ?? '').length))));
  const line = (r: string[]) => r.map((c, i) => (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function eventsTable(result: ExtractionResult): string {
  const rows = result.events.map((e) => [
    e.event_date,
    e.sub_event_type,
    e.actor1 + (e.actor1_certainty === 'suspected' && e.actor1_suspected ? ` (suspected: ${e.actor1_suspected})` : e.actor1_certainty === 'claimed' ? ' (claimed)' : ''),
    e.actor2,
    e.location ? `${e.location}${e.admin1 && e.admin1 !== e.location ? `, ${e.admin1}` : ''}` : null,
    e.fatalities,
    e.background ? 'yes' : '',
  ]);
  const events = table(['date', 'sub-event type', 'actor1', 'actor2', 'location', 'fatal.', 'background'], rows);
  const claims = result.claims.length
    ? `\n\n${table(
        ['claim', 'speaker', 'value', 'since/date', 'about'],
        result.claims.map((c) => [c.kind, c.speaker, c.value, c.since ?? c.date, c.about]),
      )}`
    : '';
  return `${events}${claims}`;
}
