import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { type EventRow, getJson, loadEvents, type Stats } from './api.ts';
import { EventMap, legend } from './map.ts';
import { apiQuery, FILTER_NAMES, type Filters, readFilters, readView, writeFilters } from './state.ts';
import { EVENT_TYPES, SUB_EVENT_TYPES, TYPE_COLOURS } from './taxonomy.ts';
import { Timeline } from './timeline.ts';
import { articleView, escalationView, escapeHtml, eventCard } from './views.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('filters');
const list = $<HTMLOListElement>('events');
const count = $<HTMLHeadingElement>('count');
const detail = $<HTMLElement>('detail');

const map = new EventMap($('map'), (id) => openEvent(id));
const timeline = new Timeline($('timeline'), (from, to) => applyFilters({ ...readFilters(), from, to }));
legend($('legend'));
let events: EventRow[] = [];
let actorNames: string[] = [];
let loadSerial = 0;

/** Timings the browser test reads: first markers drawn, and the page answering again after loading. */
const metrics: Record<string, number> = {};
(window as unknown as { marsadMetrics: typeof metrics }).marsadMetrics = metrics;

function fillOptions(select: HTMLSelectElement, values: readonly string[], chosen?: string): void {
  select.innerHTML = `<option value="">All</option>${values.map((v) => `<option value="${escapeHtml(v)}"${v === chosen ? ' selected' : ''}>${escapeHtml(v)}</option>`).join('')}`;
}

function showFilters(filters: Filters): void {
  for (const name of FILTER_NAMES) {
    const input = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (!input) continue;
    if (name === 'sub_event_type') fillOptions(input as HTMLSelectElement, filters.event_type ? SUB_EVENT_TYPES[filters.event_type] ?? [] : Object.values(SUB_EVENT_TYPES).flat(), filters[name]);
    if (input instanceof HTMLSelectElement && filters[name] && ![...input.options].some((o) => o.value === filters[name])) {
      input.add(new Option(filters[name] as string, filters[name] as string));
    }
    input.value = filters[name] ?? '';
  }
}

function applyFilters(filters: Filters): void {
  writeFilters(filters);
  showFilters(filters);
  void reload();
}

async function reload(): Promise<void> {
  const serial = ++loadSerial;
  const started = performance.now();
  count.textContent = 'Loading events…';
  try {
    const { events: loaded, truncated } = await loadEvents(apiQuery(readFilters()), 20_000, (n) => {
      if (serial === loadSerial) count.textContent = `Loading events… ${n}`;
    });
    if (serial !== loadSerial) return;
    events = loaded;
    const drawn = map.show(events);
    metrics.firstRenderMs = performance.now() - started;
    timeline.show(events);
    renderList();
    count.textContent = `${events.length}${truncated ? '+' : ''} events${drawn < events.length ? ` (${events.length - drawn} without coordinates)` : ''}`;
    count.dataset.count = String(events.length);
    // The page answers input again once this task ends: measured at the next frame.
    requestAnimationFrame(() => {
      metrics.interactiveMs = performance.now() - started;
      document.body.dataset.loaded = String(loadSerial);
    });
  } catch (error) {
    count.textContent = `Could not load events: ${(error as Error).message}`;
  }
}

function renderList(): void {
  const shown = events.slice(0, 300);
  list.innerHTML = shown
    .map(
      (e) => `<li><button type="button" class="event-item" data-id="${escapeHtml(e.event_id_cnty)}">
        <span class="swatch" style="background:${TYPE_COLOURS[e.event_type] ?? '#555'}" aria-hidden="true"></span>
        <span class="when">${escapeHtml(e.event_date ?? 'undated')}</span>
        <span class="what">${escapeHtml(e.sub_event_type)}</span>
        <span class="where">${escapeHtml(e.location ?? e.country ?? '')}</span>
        ${e.fatalities ? `<span class="toll">${e.fatalities} killed</span>` : ''}
      </button></li>`,
    )
    .join('');
  if (events.length > shown.length) list.insertAdjacentHTML('beforeend', `<li class="more">and ${events.length - shown.length} more; narrow the filters</li>`);
}

function openEvent(id: string): void {
  location.hash = `event/${encodeURIComponent(id)}`;
}

async function route(): Promise<void> {
  const view = readView();
  if (view.kind === 'map') {
    detail.hidden = true;
    document.body.dataset.view = 'map';
    return;
  }
  document.body.dataset.view = view.kind;
  detail.hidden = false;
  detail.innerHTML = '<p>Loading…</p>';
  try {
    if (view.kind === 'event') {
      detail.innerHTML = await eventCard(view.id);
      const e = events.find((x) => x.event_id_cnty === view.id);
      if (e) map.focus(e);
    } else if (view.kind === 'article') detail.innerHTML = await articleView(view.id);
    else {
      const { html, draw } = await escalationView(view.a, view.b, actorNames);
      detail.innerHTML = html;
      draw?.($('escalation-chart'));
      $<HTMLFormElement>('escalation-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        location.hash = `escalation?${new URLSearchParams({ a: String(data.get('a')), b: String(data.get('b')) })}`;
      });
    }
  } catch (error) {
    detail.innerHTML = `<p class="back"><a href="#">← back to the map</a></p><p role="alert">${escapeHtml((error as Error).message)}</p>`;
  }
  detail.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = String(data.get(name) ?? '').trim();
    if (value) filters[name] = value;
  }
  applyFilters(filters);
});
form.addEventListener('reset', (event) => {
  event.preventDefault();
  applyFilters({});
});
// A choice in a list applies at once; typed fields wait for Apply (or Enter).
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement) form.requestSubmit();
});
list.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-id]');
  if (button) openEvent(button.dataset.id as string);
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !detail.hidden) location.hash = '';
});
window.addEventListener('popstate', () => {
  showFilters(readFilters());
  void reload();
});
window.addEventListener('hashchange', () => void route());
window.addEventListener('resize', () => {
  map.resize();
  timeline.resize();
});

fillOptions($<HTMLSelectElement>('f-event_type'), EVENT_TYPES);
showFilters(readFilters());
void getJson<Stats>('/api/stats')
  .then((stats) => {
    fillOptions($<HTMLSelectElement>('f-country'), stats.byCountry.map((c) => c.key).filter((k) => k !== 'unknown'), readFilters().country);
    actorNames = [...new Set(stats.byActorPair.flatMap((p) => [p.actor1, p.actor2]).filter(Boolean))].sort();
    $('actor-names').innerHTML = actorNames.map((n) => `<option value="${escapeHtml(n)}"></option>`).join('');
    if (readView().kind === 'escalation') void route();
  })
  .catch(() => {});
void reload();
void route();
