import { z } from 'zod';
import { readCases } from './jsonl.ts';
import { distanceKm } from '../contracts/geo.ts';
import { placeKey } from './score.ts';
import { geocodeText } from '../resolve/place/text.ts';
import type { PlaceChoice } from '../resolve/place/index.ts';

/** One gold place mention in its sentence (test/fixtures/places/mentions.jsonl). */
const PlaceCase = z.looseObject({
  lang: z.enum(['ar', 'en']),
  sentence: z.string(),
  mention: z.string(),
  country: z.string(),
  admin1: z.string(),
  location: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  geo_precision: z.number(),
  kind: z.string(),
  expect: z.string().optional(),
});
export type PlaceCase = z.infer<typeof PlaceCase>;

export interface PlaceOutcome {
  readonly gold: PlaceCase;
  readonly choice: PlaceChoice | null;
  readonly admin1: boolean;
  readonly within10km: boolean;
  readonly precision: boolean;
  /** The gold place had no gazetteer candidate at all in the sentence. */
  readonly noCandidate: boolean;
}

export function readPlaceCases(path: string): PlaceCase[] {
  return readCases(path, PlaceCase);
}

export function scorePlaceCase(gold: PlaceCase): PlaceOutcome {
  const { choice, mentions } = geocodeText(gold.sentence);
  const start = gold.sentence.indexOf(gold.mention);
  const end = start + gold.mention.length;
  const noCandidate = !mentions.some((m) => m.span[0] < end && start < m.span[1]);
  const d = choice ? distanceKm({ latitude: choice.latitude, longitude: choice.longitude }, gold) : null;
  return {
    gold,
    choice,
    admin1: !!choice && placeKey(choice.admin1 ?? choice.location) === placeKey(gold.admin1),
    within10km: d !== null && d <= 10,
    precision: choice?.precision === gold.geo_precision,
    noCandidate,
  };
}
