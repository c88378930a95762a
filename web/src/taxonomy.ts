import taxonomy from '../../data/acled/event-types.json';

/** ACLED's types, from the same data file the extractor uses. */
export const EVENT_TYPES: string[] = taxonomy.eventTypes.map((t) => t.eventType);
export const SUB_EVENT_TYPES: Record<string, string[]> = Object.fromEntries(taxonomy.eventTypes.map((t) => [t.eventType, t.subEventTypes.map((s) => s.name)]));

/** One colour per event type, told apart also by the legend's words. */
export const TYPE_COLOURS: Record<string, string> = {
  Battles: '#c62828',
  'Explosions/Remote violence': '#ef6c00',
  'Violence against civilians': '#6a1b9a',
  Protests: '#2e7d32',
  Riots: '#6d4c41',
  'Strategic developments': '#1565c0',
};
