import { z } from 'zod';
import { EVENT_TYPES, SUB_EVENT_TYPES } from './acled.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof Span>;

/** Where a field was read, by kind: the article view marks them. */
export const FieldSpan = z.object({
  kind: z.enum(['trigger', 'actor', 'place', 'date', 'fatalities', 'means']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type FieldSpan = z.infer<typeof FieldSpan>;

export const Certainty = z.enum(['stated', 'claimed', 'suspected', 'unknown']);
export type Certainty = z.infer<typeof Certainty>;

export const Related = z.object({
  relation: z.enum(['retaliation_for']),
  event_id: z.string(),
});

/** Which data entries and rules produced a field: what `marsad explain` prints. */
export const Provenance = z.record(z.string(), z.array(z.string()));

export const EventRecord = z.object({
  event_id: z.string(),
  event_date: isoDay.nullable(),
  year: z.number().int().nullable(),
  time_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  date_text: z.string().nullable(),
  disorder_type: z.string(),
  event_type: z.enum(EVENT_TYPES as [string, ...string[]]),
  sub_event_type: z.enum(SUB_EVENT_TYPES as [string, ...string[]]),
  actor1: z.string(),
  assoc_actor_1: z.string(),
  inter1: z.number().int().min(1).max(8).nullable(),
  actor2: z.string(),
  assoc_actor_2: z.string(),
  inter2: z.number().int().min(1).max(8).nullable(),
  interaction: z.number().int().nullable(),
  civilian_targeting: z.string(),
  actor1_certainty: Certainty,
  actor1_suspected: z.string().nullable(),
  country: z.string().nullable(),
  iso: z.number().int().nullable(),
  region: z.string().nullable(),
  admin1: z.string().nullable(),
  admin2: z.string().nullable(),
  admin3: z.string().nullable(),
  location: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  fatalities: z.number().int().nonnegative().nullable(),
  /** Set on stored events merged from reports that disagree on the toll: the range they span. */
  fatalities_low: z.number().int().nonnegative().nullable().optional(),
  fatalities_high: z.number().int().nonnegative().nullable().optional(),
  injuries: z.number().int().nonnegative().nullable(),
  means: z.array(z.string()),
  source: z.string(),
  source_scale: z.string(),
  notes: z.string(),
  tags: z.string(),
  background: z.boolean(),
  related: z.array(Related),
  evidence: z.array(Span),
  /** Marsad's: the words each field was read from (trigger, actors, place, date, toll, means). */
  spans: z.array(FieldSpan).optional(),
  confidence: z.number().min(0).max(1),
  article_ids: z.array(z.string()),
  provenance: Provenance,
  /** ACLED's column: Unix seconds of the stored event's last change; absent on a fresh extraction. */
  timestamp: z.number().int().optional(),
});
export type EventRecord = z.infer<typeof EventRecord>;

export const ClaimRecord = z.object({
  kind: z.enum(['responsibility', 'statistic', 'statement']),
  speaker: z.string().nullable(),
  about: z.string().nullable(),
  value: z.number().nullable(),
  since: z.string().nullable(),
  date: isoDay.nullable(),
  evidence: z.array(Span),
  provenance: Provenance,
});
export type ClaimRecord = z.infer<typeof ClaimRecord>;

export const ArticleInput = z.object({
  id: z.string().min(1, 'id must not be empty'),
  text: z.string().min(1, 'text must not be empty'),
  published: isoDay.nullable().optional(),
  lang: z.enum(['ar', 'en']).nullable().optional(),
  outlet: z.string().nullable().optional(),
  /** Not in the batch interface; ingest keeps them when a line carries them. */
  url: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
});
export type ArticleInput = z.infer<typeof ArticleInput>;

export const ExtractionResult = z.object({
  id: z.string(),
  events: z.array(EventRecord),
  claims: z.array(ClaimRecord),
});
export type ExtractionResult = z.infer<typeof ExtractionResult>;

export function recordJsonSchemas(): Record<string, unknown> {
  return {
    EventRecord: z.toJSONSchema(EventRecord),
    ClaimRecord: z.toJSONSchema(ClaimRecord),
    ArticleInput: z.toJSONSchema(ArticleInput),
    ExtractionResult: z.toJSONSchema(ExtractionResult),
  };
}
