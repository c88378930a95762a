import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath } from '../contracts/paths.ts';
import type { ActorEntry } from '../lexicon/index.ts';

const RulesFile = z.object({
  families: z.record(z.string(), z.string()),
  dateWindowDays: z.object({ '1': z.number().int().min(0), '2': z.number().int().min(0), '3': z.number().int().min(0) }),
  placeRadiusKm: z.object({ '1': z.number().positive(), '2': z.number().positive() }),
  nonIdentifyingActors: z.array(z.string()),
  confidenceBonusPerExtraOutlet: z.number().min(0).max(1),
});

export interface MergeRules {
  /** The family of events that outlets report interchangeably ("remote", "battle", "sd:Arrests"). */
  family(eventType: string, subEventType: string): string;
  /** Half-width in days of the date range a report's time precision stands for. */
  dateWindow(precision: number): number;
  /** How far apart two precise reports of one event may lie, by the coarser geo precision. */
  placeRadiusKm(precision: 1 | 2): number;
  /** The actor that identifies a side, its umbrella standing for a faction; null for generic ones. */
  identity(actor: string): string | null;
  readonly confidenceBonusPerExtraOutlet: number;
}

/** Compiles data/merge/rules.json with the actor catalogue's parent links. */
export function loadMergeRules(actors: readonly ActorEntry[]): MergeRules {
  const file = RulesFile.parse(JSON.parse(readFileSync(dataPath('merge/rules.json'), 'utf8')));
  const byId = new Map(actors.map((a) => [a.id, a]));
  const umbrella = new Map<string, string>();
  for (const actor of actors) {
    if (!actor.name) continue;
    let top = actor;
    for (let depth = 0; top.parent && byId.has(top.parent) && depth < 8; depth++) top = byId.get(top.parent) as ActorEntry;
    umbrella.set(actor.name, top.name ?? actor.name);
  }
  const generic = file.nonIdentifyingActors;
  return {
    family: (eventType, subEventType) => {
      const family = file.families[eventType] ?? eventType;
      return family === 'by-sub-event-type' ? `${eventType}:${subEventType}` : family;
    },
    dateWindow: (precision) => file.dateWindowDays[String(precision) as '1' | '2' | '3'] ?? file.dateWindowDays['3'],
    placeRadiusKm: (precision) => file.placeRadiusKm[String(precision) as '1' | '2'],
    identity: (actor) => {
      const name = actor.trim();
      if (!name || generic.some((g) => name === g || name.startsWith(`${g} (`))) return null;
      return umbrella.get(name) ?? name;
    },
    confidenceBonusPerExtraOutlet: file.confidenceBonusPerExtraOutlet,
  };
}
