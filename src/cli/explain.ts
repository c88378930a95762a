import { basename } from 'node:path';
import type { EventRecord } from '../contracts/record.ts';
import { extractArticle } from '../pipeline.ts';
import { checkPublished } from './extract.ts';
import { readArticleFile } from '../ingest/input.ts';

const FIELDS: (keyof EventRecord)[] = [
  'sub_event_type', 'event_date', 'actor1', 'actor1_suspected', 'actor2', 'location', 'fatalities', 'notes', 'background',
];

export function explainEvent(event: EventRecord): string {
  const lines = [`event ${event.event_id}  ${event.event_type} / ${event.sub_event_type}  confidence ${event.confidence}`];
  for (const field of FIELDS) {
    const value = event[field];
    if (value === null || value === '' || value === undefined) continue;
    const ids = event.provenance[field] ?? [];
    lines.push(`  ${field.padEnd(16)} ${JSON.stringify(value)}${ids.length ? `\n  ${''.padEnd(16)} ← ${ids.join(', ')}` : ''}`);
  }
  if (event.date_text) lines.push(`  ${'date_text'.padEnd(16)} ${event.date_text}`);
  if (event.means.length) lines.push(`  ${'means'.padEnd(16)} ${event.means.join(', ')}`);
  if (event.source) lines.push(`  ${'source'.padEnd(16)} ${event.source}`);
  if (event.related.length) lines.push(`  ${'related'.padEnd(16)} ${event.related.map((r) => `${r.relation} ${r.event_id}`).join(', ')}`);
  lines.push('  evidence');
  for (const span of event.evidence) lines.push(`    [${span.start}, ${span.end}) ${span.text}`);
  return lines.join('\n');
}

export function explainCommand(file: string, options: { published?: string }): void {
  const text = readArticleFile(file);
  const result = extractArticle({ id: file === '-' ? 'stdin' : basename(file), text, published: checkPublished(options.published) });
  const out = result.events.map(explainEvent);
  for (const claim of result.claims) {
    out.push(`claim ${claim.kind}  speaker ${claim.speaker ?? '-'}${claim.value !== null ? `  value ${claim.value}` : ''}${claim.since ? `  since ${claim.since}` : ''}${claim.date ? `  date ${claim.date}` : ''}\n  ← ${(claim.provenance.claim ?? []).join(', ')}\n    ${claim.evidence.map((s) => `[${s.start}, ${s.end}) ${s.text}`).join('\n    ')}`);
  }
  process.stdout.write(`${out.join('\n\n') || 'no events or claims found'}\n`);
}
