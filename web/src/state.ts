/**
 * The filters live in the URL's query string (so a link shares them) in the API's own parameter
 * names; the view lives in the hash (#event/ID, #article/ID, #escalation?a=..&b=..).
 */
export const FILTER_NAMES = ['country', 'admin1', 'event_type', 'sub_event_type', 'actor', 'from', 'to', 'min_sources', 'geo_precision', 'q'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type Filters = Partial<Record<FilterName, string>>;

export function readFilters(search = location.search): Filters {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

export function writeFilters(filters: Filters): void {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name] as string);
  const search = params.toString();
  history.pushState(null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
}

/** The filters as API parameters: from/to become ACLED's event_date with BETWEEN, > or <. */
export function apiQuery(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['country', 'admin1', 'event_type', 'sub_event_type', 'actor', 'min_sources', 'geo_precision', 'q'] as const) {
    if (filters[name]) params.set(name, filters[name] as string);
  }
  if (filters.from && filters.to) {
    params.set('event_date', `${filters.from}|${filters.to}`);
    params.set('event_date_where', 'BETWEEN');
  } else if (filters.from) {
    params.set('event_date', filters.from);
    params.set('event_date_where', '>=');
  } else if (filters.to) {
    params.set('event_date', filters.to);
    params.set('event_date_where', '<=');
  }
  return params;
}

export type View = { kind: 'map' } | { kind: 'event'; id: string } | { kind: 'article'; id: string } | { kind: 'escalation'; a: string; b: string };

export function readView(hash = location.hash): View {
  const [path, query] = hash.replace(/^#/, '').split('?');
  const [kind, id] = path.split('/');
  if (kind === 'event' && id) return { kind: 'event', id: decodeURIComponent(id) };
  if (kind === 'article' && id) return { kind: 'article', id: decodeURIComponent(id) };
  if (kind === 'escalation') {
    const params = new URLSearchParams(query ?? '');
    return { kind: 'escalation', a: params.get('a') ?? '', b: params.get('b') ?? '' };
  }
  return { kind: 'map' };
}
