import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { dataPath } from '../contracts/paths.ts';
import {
  ActorEntry,
  CueEntry,
  EntriesFile,
  MeansEntry,
  NumberEntry,
  PlaceEntry,
  SourceEntry,
  TimeEntry,
  TriggerEntry,
} from './schemas.ts';

export class DataError extends Error {}

export interface LexiconData {
  triggers: TriggerEntry[];
  actors: ActorEntry[];
  places: PlaceEntry[];
  means: MeansEntry[];
  sources: SourceEntry[];
  numbers: NumberEntry[];
  /** Cue entries by family, the family being the cue file's name (negation, hedging, ...). */
  cues: Map<string, CueEntry[]>;
  time: TimeEntry[];
  /** One-word forms that are ordinary words before they are place names (data/places/common-words.json). */
  placeStopForms: string[];
  /** Words after a number that make it a measure, sum or age (data/numbers/measures.json). */
  measureWords: string[];
  /** Words before a number that do the same ('aged 22'). */
  measureWordsBefore: string[];
  /** Country-specific names of generic actors (data/actors/generic-by-country.json). */
  genericByCountry: Record<string, Record<string, string>>;
}

function readEntries<T>(file: string, schema: z.ZodType<T>): T[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DataError(`${file}: not valid JSON (${(error as Error).message}); fix the syntax`);
  }
  const parsed = EntriesFile.safeParse(raw);
  if (!parsed.success) throw new DataError(`${file}: expected {"entries": [...]} at the top level`);
  return parsed.data.entries.map((entry, i) => {
    const result = schema.safeParse(entry);
    if (!result.success) {
      const id = (entry as { id?: string })?.id ?? `#${i}`;
      const issue = result.error.issues[0];
      throw new DataError(`${file}: entry ${id}: ${issue.path.join('.') || 'entry'} ${issue.message}`);
    }
    return result.data;
  });
}

const LISTS = new Set(['common-words.json', 'measures.json', 'generic-by-country.json']);

function readStopForms(relative: string): string[] {
  try {
    return (JSON.parse(readFileSync(dataPath(relative), 'utf8')) as { forms: string[] }).forms;
  } catch (error) {
    throw new DataError(`data/${relative}: expected {"forms": [...]} (${(error as Error).message})`);
  }
}

function jsonFiles(folder: string): string[] {
  const dir = dataPath(folder);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  // Files of other shapes (a stop list) sit beside the entry files and are read by name.
  return names.filter((n) => n.endsWith('.json') && !LISTS.has(n)).sort().map((n) => join(dir, n));
}

function readFolder<T>(folder: string, schema: z.ZodType<T>): T[] {
  return jsonFiles(folder).flatMap((file) => readEntries(file, schema));
}

/** The gazetteer alone: curated tables, then the GeoNames-derived ones. */
export function loadPlaces(): PlaceEntry[] {
  return [...readFolder('places', PlaceEntry), ...readFolder('places/generated', PlaceEntry)];
}

export function loadLexiconData(): LexiconData {
  const cues = new Map<string, CueEntry[]>();
  for (const file of jsonFiles('cues')) cues.set(basename(file, '.json'), readEntries(file, CueEntry) as CueEntry[]);
  const data: LexiconData = {
    triggers: readFolder('triggers', TriggerEntry),
    actors: readFolder('actors', ActorEntry),
    // Curated tables first; the GeoNames-derived ones (scripts/gazetteer/build.ts) fill in the rest.
    places: loadPlaces(),
    means: readFolder('means', MeansEntry),
    sources: readFolder('sources', SourceEntry),
    numbers: readFolder('numbers', NumberEntry),
    cues,
    time: readFolder('time', TimeEntry) as TimeEntry[],
    placeStopForms: readStopForms('places/common-words.json'),
    measureWords: readStopForms('numbers/measures.json'),
    measureWordsBefore: (JSON.parse(readFileSync(dataPath('numbers/measures.json'), 'utf8')) as { formsBefore?: string[] }).formsBefore ?? [],
    genericByCountry: (JSON.parse(readFileSync(dataPath('actors/generic-by-country.json'), 'utf8')) as { templates: Record<string, Record<string, string>> }).templates,
  };
  checkUniqueIds(data);
  return data;
}

function checkUniqueIds(data: LexiconData): void {
  const seen = new Map<string, string>();
  const all: [string, { id: string }[]][] = [
    ['triggers', data.triggers],
    ['actors', data.actors],
    ['places', data.places],
    ['means', data.means],
    ['sources', data.sources],
    ['numbers', data.numbers],
    ['time', data.time],
    ...[...data.cues].map(([family, entries]) => [`cues/${family}`, entries] as [string, { id: string }[]]),
  ];
  for (const [folder, entries] of all) {
    for (const entry of entries) {
      const other = seen.get(entry.id);
      if (other) throw new DataError(`data/${folder}: entry ${entry.id}: id already used in data/${other}; give it a unique id`);
      seen.set(entry.id, folder);
    }
  }
}
