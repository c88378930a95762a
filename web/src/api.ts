/** The API's shapes as the page uses them (the full record is in /openapi.json). */
export interface EventRow {
  event_id_cnty: string;
  event_date: string | null;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  actor2: string;
  location: string | null;
  admin1: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: number | null;
  fatalities: number | null;
  related: { relation: string; event_id: string }[];
}

export interface FieldSpan {
  kind: 'trigger' | 'actor' | 'place' | 'date' | 'fatalities' | 'means';
  start: number;
  end: number;
  text: string;
}

export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export interface EventDetail extends Record<string, unknown> {
  event_id: string;
  event_date: string | null;
  notes: string;
  actor1: string;
  actor2: string;
  actor1_certainty: 'stated' | 'claimed' | 'suspected' | 'unknown';
  actor1_suspected: string | null;
  background: boolean;
  related: { relation: string; event_id: string }[];
  fatalities: number | null;
  fatalities_low?: number | null;
  fatalities_high?: number | null;
  sources: { report_id: string; article_id: string; outlet: string | null; published: string | null; url: string | null; evidence: Evidence[]; spans: FieldSpan[] }[];
}

export interface ArticleDetail {
  id: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  lang: string | null;
  title: string | null;
  text: string;
  events: { event_id: string; sub_event_type: string; event_date: string | null; location: string | null; evidence: Evidence[]; spans: FieldSpan[] }[];
}

export interface Stats {
  byCountry: { key: string; count: number }[];
  byActorPair: { actor1: string; actor2: string; count: number }[];
}

export class ApiError extends Error {}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError((body as { message?: string }).message ?? `${response.status} ${response.statusText}`);
  return body as T;
}

export const MAP_FIELDS = 'event_id_cnty|event_date|event_type|sub_event_type|actor1|actor2|location|admin1|country|latitude|longitude|geo_precision|fatalities|related';

/** Every event under the filters, page by page (5,000 a request), up to a ceiling the page can draw. */
export async function loadEvents(query: URLSearchParams, ceiling = 20_000, onPage?: (loaded: number) => void): Promise<{ events: EventRow[]; truncated: boolean }> {
  const events: EventRow[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', '5000');
    params.set('fields', MAP_FIELDS);
    if (cursor) params.set('cursor', cursor);
    const page: { data: EventRow[]; next_cursor: string | null } = await getJson(`/api/events?${params}`);
    events.push(...page.data);
    onPage?.(events.length);
    cursor = page.next_cursor;
  } while (cursor && events.length < ceiling);
  return { events, truncated: cursor !== null };
}
