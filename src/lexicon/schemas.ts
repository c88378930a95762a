import { z } from 'zod';
import { isSubEventType } from '../contracts/acled.ts';

/** Data files are a boundary: each folder's entries are checked here, and a failure names the fix. */

const forms = { ar: z.array(z.string()).default([]), en: z.array(z.string()).default([]) };
const example = z.object({ lang: z.enum(['ar', 'en']), text: z.string() });

export const TriggerEntry = z.object({
  id: z.string(),
  subEventType: z.string().refine(isSubEventType, { message: "is not one of ACLED's sub-event types (see data/acled/event-types.json)" }),
  form: z.enum(['verb', 'noun', 'passive']),
  weight: z.number().int().min(1).max(3),
  /** Whom the act falls on when the report names no one ("a mass grave": civilians). */
  victims: z.enum(['civilians']).optional(),
  /** The dead it reveals died in events of their own ("a mass grave"): its toll is 0 (ACLED). */
  earlierDeaths: z.boolean().optional(),
  /** A word for the people in an act («المخطوف», "the kidnappers"): it refers to the act, never starts one. */
  participant: z.boolean().optional(),
  /** A verb that is this act only with one of these weapons in its sentence («اعترض» also means "objected"). */
  needsMeans: z.array(z.string()).optional(),
  /** A verb that is this act only with one of these words after it in its sentence (folded keys). */
  needsWords: z.array(z.string()).optional(),
  examples: z.array(example).default([]),
  ...forms,
});
export type TriggerEntry = z.infer<typeof TriggerEntry>;

export const ActorEntry = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    template: z.string().optional(),
    affiliation: z.string().nullable().optional(),
    inter: z.number().int().min(1).max(8).nullable().optional(),
    country: z.string().nullable().optional(),
    parent: z.string().nullable().optional(),
    kind: z.string(),
    ...forms,
  })
  .refine((a) => a.name || a.template, { message: 'needs a name (or a template with {country} for a generic actor)' });
export type ActorEntry = z.infer<typeof ActorEntry>;

export const PlaceEntry = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  country: z.string(),
  admin1: z.string().nullable().optional(),
  admin2: z.string().nullable().optional(),
  population: z.number().nullable().optional(),
  capital: z.string().nullable().optional(),
  iso: z.number().int().optional(),
  iso3: z.string().optional(),
  region: z.string().optional(),
  adjectives: z.object(forms).optional(),
  source: z.string().optional(),
  /** Forms that are also common words («ودان» is also "and condemned"): a place only after a place word or preposition. */
  homographs: z.array(z.string()).optional(),
  ...forms,
});
export type PlaceEntry = z.infer<typeof PlaceEntry>;

export const MeansEntry = z.object({ id: z.string(), label: z.string(), suggests: z.string().nullable().optional(), ...forms });
export type MeansEntry = z.infer<typeof MeansEntry>;

export const SourceEntry = z.object({ id: z.string(), name: z.string(), kind: z.enum(['outlet', 'informant', 'research', 'monitor', 'official']), ...forms });
export type SourceEntry = z.infer<typeof SourceEntry>;

export const NumberEntry = z.object({
  id: z.string(),
  kind: z.enum(['unit', 'ten', 'tens', 'hundred', 'thousand', 'vague', 'modifier']),
  value: z.number().optional(),
  values: z.record(z.string(), z.number()).optional(),
  bound: z.enum(['lower', 'about', 'upper']).optional(),
  ...forms,
});
export type NumberEntry = z.infer<typeof NumberEntry>;

/** Cue entries share a shape; a cue family's own fields ride along in `attrs`. */
export const CueEntry = z.looseObject({ id: z.string(), ...forms });
export type CueEntry = z.infer<typeof CueEntry> & Record<string, unknown>;

export const TimeEntry = z.looseObject({ id: z.string(), kind: z.string(), ...forms });
export type TimeEntry = z.infer<typeof TimeEntry> & Record<string, unknown>;

export const EntriesFile = z.object({ entries: z.array(z.unknown()) }).loose();
