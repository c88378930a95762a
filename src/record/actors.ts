import type { ActorEntry } from '../lexicon/index.ts';

/** The actor's name in this event: a generic entry takes the event's country ("Unidentified Armed Group (Syria)"). */
/** Country-specific names of generic templates (data/actors/generic-by-country.json). */
export type GenericNames = Record<string, Record<string, string>>;

export function actorName(entry: ActorEntry, country: string | null, byCountry: GenericNames = {}): string {
  if (entry.name) return entry.name;
  const template = entry.template ?? '';
  const special = country ? byCountry[template]?.[country] : undefined;
  return special ?? template.replaceAll('{country}', country ?? 'Unknown');
}

/** ACLED's inter code; a state's forces acting outside their own country are external forces (8). */
export function interCode(entry: ActorEntry, eventCountry: string | null): number | null {
  const inter = entry.inter ?? null;
  if (inter === 1 && entry.country && eventCountry && entry.country !== eventCountry) return 8;
  return inter;
}

export function findGenericActor(actors: readonly ActorEntry[], template: string): ActorEntry | undefined {
  return actors.find((a) => a.template === template);
}
