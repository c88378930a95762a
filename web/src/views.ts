import uPlot from 'uplot';
import { type ArticleDetail, type EventDetail, type EventRow, type FieldSpan, getJson } from './api.ts';

export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const isArabic = (text: string) => /[\u0600-\u06FF]/.test(text);
const direction = (text: string) => (isArabic(text) ? 'dir="rtl" lang="ar"' : 'dir="ltr" lang="en"');

const KIND_LABELS: Record<FieldSpan['kind'], string> = { trigger: 'what happened', actor: 'actor', place: 'place', date: 'date', fatalities: 'toll', means: 'means' };

/**
 * A slice of a text with the field spans inside it marked, each <mark> classed by kind. Overlapping
 * spans are cut at each boundary; the innermost kind wins the colour, every kind is in the title.
 */
export function markSpans(text: string, offset: number, spans: readonly FieldSpan[]): string {
  const end = offset + text.length;
  const inside = spans.filter((s) => s.end > offset && s.start < end);
  const cuts = [...new Set([offset, end, ...inside.flatMap((s) => [Math.max(offset, s.start), Math.min(end, s.end)])])].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = escapeHtml(text.slice(a - offset, b - offset));
    const covering = inside.filter((s) => s.start <= a && s.end >= b).sort((x, y) => x.end - x.start - (y.end - y.start));
    html += covering.length
      ? `<mark class="span span-${covering[0].kind}" data-kind="${covering[0].kind}" title="${covering.map((c) => KIND_LABELS[c.kind]).join(', ')}">${piece}</mark>`
      : piece;
  }
  return html;
}

const CERTAINTY_TEXT: Record<string, string> = {
  stated: 'stated by the sources',
  claimed: 'claimed responsibility',
  suspected: 'suspected only',
  unknown: 'attacker unknown',
};

export async function eventCard(id: string): Promise<string> {
  const e = await getJson<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
  const row = (label: string, value: unknown) => (value === null || value === undefined || value === '' ? '' : `<tr><th scope="row">${label}</th><td>${escapeHtml(value)}</td></tr>`);
  const toll =
    e.fatalities_low != null && e.fatalities_high != null && e.fatalities_low !== e.fatalities_high
      ? `${e.fatalities} (reports say ${e.fatalities_low} to ${e.fatalities_high})`
      : e.fatalities;
  const related = e.related.length
    ? `<p>Related: ${e.related.map((r) => `<a href="#event/${encodeURIComponent(r.event_id)}">${escapeHtml(r.relation.replace('_', ' '))} ${escapeHtml(r.event_id)}</a>`).join(', ')}</p>`
    : '';
  const sources = e.sources
    .map((s) => {
      const evidence = s.evidence
        .map((ev) => `<blockquote class="evidence" ${direction(ev.text)}>${markSpans(ev.text, ev.start, s.spans)}</blockquote>`)
        .join('');
      const link = s.url ? ` <a href="${escapeHtml(s.url)}" rel="noopener noreferrer" target="_blank">original</a>` : '';
      return `<li class="source"><p class="source-head"><strong>${escapeHtml(s.outlet ?? 'unknown outlet')}</strong>${s.published ? `, ${escapeHtml(s.published)}` : ''} · <a href="#article/${encodeURIComponent(s.article_id)}">the article with its coded words</a>${link}</p>${evidence}</li>`;
    })
    .join('');
  return `<article class="card" aria-labelledby="card-title">
    <p class="back"><a href="#">← back to the map</a></p>
    <h2 id="card-title">${escapeHtml(e.sub_event_type)} · ${escapeHtml(e.location ?? e.country ?? '')} · ${escapeHtml(e.event_date ?? 'undated')}</h2>
    ${e.background ? '<p class="badge background">Known from later reports recalling it (background)</p>' : ''}
    <p class="note" lang="en">${escapeHtml(e.notes)}</p>
    <p class="certainty certainty-${e.actor1_certainty}"><span class="badge">${escapeHtml(CERTAINTY_TEXT[e.actor1_certainty] ?? e.actor1_certainty)}</span> ${escapeHtml(e.actor1)}${e.actor1_suspected ? `; suspected: <strong>${escapeHtml(e.actor1_suspected)}</strong>` : ''}</p>
    ${related}
    <table class="fields"><caption>ACLED fields</caption><tbody>
      ${row('event_id_cnty', e.event_id)}${row('event_date', e.event_date)}${row('time_precision', e.time_precision)}${row('disorder_type', e.disorder_type)}
      ${row('event_type', e.event_type)}${row('sub_event_type', e.sub_event_type)}${row('actor1', e.actor1)}${row('assoc_actor_1', e.assoc_actor_1)}${row('inter1', e.inter1)}
      ${row('actor2', e.actor2)}${row('assoc_actor_2', e.assoc_actor_2)}${row('inter2', e.inter2)}${row('interaction', e.interaction)}${row('civilian_targeting', e.civilian_targeting)}
      ${row('country', e.country)}${row('admin1', e.admin1)}${row('admin2', e.admin2)}${row('location', e.location)}${row('latitude, longitude', e.latitude !== null ? `${e.latitude}, ${e.longitude}` : null)}
      ${row('geo_precision', e.geo_precision)}${row('fatalities', toll)}${row('means', (e.means as string[] | undefined)?.join(', '))}${row('source', e.source)}
    </tbody></table>
    <h3>Sources (${e.sources.length})</h3>
    <ol class="sources">${sources}</ol>
  </article>`;
}

export async function articleView(id: string): Promise<string> {
  const a = await getJson<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`);
  const spans = a.events.flatMap((e) => e.spans);
  const kinds = [...new Set(spans.map((s) => s.kind))];
  const events = a.events
    .map((e) => `<li><a href="#event/${encodeURIComponent(e.event_id)}">${escapeHtml(e.sub_event_type)} · ${escapeHtml(e.location ?? '')} · ${escapeHtml(e.event_date ?? 'undated')}</a></li>`)
    .join('');
  return `<article class="article-view" aria-labelledby="article-title">
    <p class="back"><a href="#">← back to the map</a></p>
    <h2 id="article-title" ${direction(a.title ?? a.text)}>${escapeHtml(a.title ?? 'Article')}</h2>
    <p>${escapeHtml(a.outlet ?? 'unknown outlet')}${a.published ? `, ${escapeHtml(a.published)}` : ''}${a.url ? ` · <a href="${escapeHtml(a.url)}" rel="noopener noreferrer" target="_blank">original</a>` : ''}</p>
    <ul class="span-legend" aria-label="What the marks mean">${kinds.map((k) => `<li><mark class="span span-${k}">${KIND_LABELS[k]}</mark></li>`).join('')}</ul>
    <div class="article-text" ${direction(a.text)}>${a.text
      .split('\n')
      .reduce<{ html: string; at: number }>(
        (acc, line) => ({ html: `${acc.html}<p>${markSpans(line, acc.at, spans)}</p>`, at: acc.at + line.length + 1 }),
        { html: '', at: 0 },
      ).html}</div>
    <h3>Events read from it</h3><ul>${events}</ul>
  </article>`;
}

/**
 * Events between two actors, per month and in both directions, with the retaliation links: the
 * count a report quotes as "about 15 attacks since May 2017", drawn and tabulated.
 */
export async function escalationView(a: string, b: string, actorNames: readonly string[]): Promise<{ html: string; draw?: (element: HTMLElement) => void }> {
  const options = actorNames.map((n) => `<option value="${escapeHtml(n)}"></option>`).join('');
  const form = `<form id="escalation-form" class="escalation-form" aria-label="Actor pair">
      <label>Actor A <input name="a" value="${escapeHtml(a)}" list="escalation-actors" required></label>
      <label>Actor B <input name="b" value="${escapeHtml(b)}" list="escalation-actors" required></label>
      <datalist id="escalation-actors">${options}</datalist>
      <button type="submit">Show</button></form>`;
  const head = `<section class="escalation" aria-labelledby="esc-title"><p class="back"><a href="#">← back to the map</a></p><h2 id="esc-title">Escalation between two actors</h2>${form}`;
  if (!a || !b) return { html: `${head}<p>Choose two actors (e.g. Iran-backed militias and US forces).</p></section>` };
  const params = new URLSearchParams({ actor: a, limit: '5000', fields: 'event_id_cnty|event_date|actor1|actor2|assoc_actor_1|assoc_actor_2|sub_event_type|related' });
  const { data } = await getJson<{ data: (EventRow & { assoc_actor_1: string; assoc_actor_2: string })[] }>(`/api/events?${params}`);
  const side = (e: { actor1: string; assoc_actor_1: string }, name: string) => e.actor1.toLowerCase() === name.toLowerCase() || e.assoc_actor_1.toLowerCase().includes(name.toLowerCase());
  const involves = (e: EventRow & { assoc_actor_2: string; assoc_actor_1: string }, name: string) =>
    [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2].some((x) => x.toLowerCase().includes(name.toLowerCase()));
  const pair = data.filter((e) => e.event_date && involves(e, a) && involves(e, b));
  const months = [...new Set(pair.map((e) => (e.event_date as string).slice(0, 7)))].sort();
  const count = (month: string, from: string) => pair.filter((e) => (e.event_date as string).startsWith(month) && side(e, from)).length;
  const retaliations = pair.filter((e) => e.related.some((r) => r.relation === 'retaliation_for')).length;
  const rows = months.map((m) => `<tr><th scope="row">${m}</th><td>${count(m, a)}</td><td>${count(m, b)}</td></tr>`).join('');
  const html = `${head}<p>${pair.length} events between them; ${retaliations} coded as retaliation for an earlier one.</p>
    <div id="escalation-chart" aria-hidden="true"></div>
    <table class="escalation-table"><caption>Events per month by who acted</caption><thead><tr><th scope="col">month</th><th scope="col">${escapeHtml(a)} acting</th><th scope="col">${escapeHtml(b)} acting</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  const draw = (element: HTMLElement) => {
    if (months.length === 0) return;
    const xs = months.map((m) => Date.parse(`${m}-15T00:00:00Z`) / 1000);
    new uPlot(
      {
        width: Math.max(280, element.clientWidth || 500),
        height: 200,
        scales: { x: { time: true } },
        series: [{}, { label: `${a} acting`, stroke: '#c62828', width: 2, points: { show: true } }, { label: `${b} acting`, stroke: '#1565c0', width: 2, points: { show: true } }],
      },
      [xs, months.map((m) => count(m, a)), months.map((m) => count(m, b))],
      element,
    );
  };
  return { html, draw };
}
