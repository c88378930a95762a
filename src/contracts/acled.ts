import { readFileSync } from 'node:fs';
import { dataPath } from './paths.ts';

/** ACLED's taxonomy, kept as data so the codebook can change without touching code. */
interface TaxonomyFile {
  eventTypes: { eventType: string; subEventTypes: { name: string; disorderType: string }[] }[];
  interCodes: Record<string, string>;
}

const taxonomy = JSON.parse(readFileSync(dataPath('acled/event-types.json'), 'utf8')) as TaxonomyFile;

export const EVENT_TYPES = taxonomy.eventTypes.map((t) => t.eventType);
export const SUB_EVENT_TYPES = taxonomy.eventTypes.flatMap((t) => t.subEventTypes.map((s) => s.name));
export const INTER_CODES = taxonomy.interCodes;

const bySubType = new Map<string, { eventType: string; disorderType: string }>();
for (const t of taxonomy.eventTypes) {
  for (const s of t.subEventTypes) bySubType.set(s.name, { eventType: t.eventType, disorderType: s.disorderType });
}

export function classifySubEventType(subEventType: string): { eventType: string; disorderType: string } {
  const found = bySubType.get(subEventType);
  if (!found) throw new Error(`unknown ACLED sub-event type: ${subEventType}`);
  return found;
}

export function isSubEventType(name: string): boolean {
  return bySubType.has(name);
}

/** ACLED's interaction code: the two inter codes, lower first (e.g. 3 and 8 give 38). */
export function interactionCode(inter1: number | null, inter2: number | null): number | null {
  if (inter1 == null) return null;
  if (inter2 == null) return inter1 * 10;
  const [lo, hi] = inter1 <= inter2 ? [inter1, inter2] : [inter2, inter1];
  return lo * 10 + hi;
}
