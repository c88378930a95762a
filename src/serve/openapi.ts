import { z } from 'zod';
import { ClaimRecord, EventRecord } from '../contracts/record.ts';
import { EXPORT_FORMATS } from '../export/formats.ts';
import { EVENT_PARAMETERS, type ParameterDoc } from './params.ts';

const FILTERS = EVENT_PARAMETERS.filter((p) => !['fields', 'limit', 'page', 'cursor', 'since', 'format'].includes(p.name));

interface Operation {
  readonly path: string;
  readonly summary: string;
  readonly parameters: readonly ParameterDoc[];
  readonly method?: 'get' | 'post';
  readonly pathParameter?: string;
  readonly body?: string;
}

const OPERATIONS: readonly Operation[] = [
  { path: '/api/events', summary: 'Events, newest first, filtered in ACLED\'s conventions; JSON, ACLED CSV or GeoJSON; or, with since, what changed', parameters: EVENT_PARAMETERS },
  { path: '/api/events/{id}', summary: 'One event with every source article and its evidence; 410 with merged_into for an event merged into another', parameters: [], pathParameter: 'id' },
  { path: '/api/stats', summary: 'Counts and fatalities by country, type, month and actor pair, under the same filters', parameters: FILTERS },
  {
    path: '/api/export',
    summary: `The filtered events as a streamed file: ${EXPORT_FORMATS.join(', ')}`,
    parameters: [...FILTERS, { name: 'format', description: `${EXPORT_FORMATS.join(', ')} (default acled-csv)` }, { name: 'fields', description: 'columns, separated by |' }],
  },
  { path: '/healthz', summary: 'Liveness: 200 while the process answers', parameters: [] },
  { path: '/readyz', summary: 'Readiness: 200 when the store (and, on PostgreSQL, the queue) answer; 503 naming the check that failed', parameters: [] },
  { path: '/api/articles/{id}', summary: 'A stored article\'s text, the events it reported with their evidence spans, and its claims', parameters: [], pathParameter: 'id' },
  {
    path: '/api/articles',
    method: 'post',
    summary:
      'Extract and store articles: one JSON article, {"articles": [...]}, or JSONL (application/x-ndjson). Needs Authorization: Bearer MARSAD_TOKEN. On a PostgreSQL store the articles are queued for the workers (202, with each article\'s job id)',
    parameters: [],
    body: 'ArticleInput',
  },
];

/** The OpenAPI 3.1 document of the API, with the record's JSON Schema from the zod contracts. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const op of OPERATIONS) {
    const parameters = [
      ...(op.pathParameter ? [{ name: op.pathParameter, in: 'path', required: true, schema: { type: 'string' } }] : []),
      ...op.parameters.map((p) => ({ name: p.name, in: 'query', required: false, description: p.description, schema: { type: 'string' }, ...(p.example ? { example: p.example } : {}) })),
    ];
    paths[op.path] = {
      [op.method ?? 'get']: {
        summary: op.summary,
        parameters,
        ...(op.body ? { requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.body}` } }, 'application/x-ndjson': { schema: { type: 'string' } } } }, security: [{ bearer: [] }] } : {}),
        responses: {
          200: { description: 'OK' },
          400: { description: 'a bad parameter, named in `parameter` and `message`', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          ...(op.body ? { 401: { description: 'missing or wrong token' }, 403: { description: 'writes disabled' }, 413: { description: 'body too large' } } : {}),
          429: { description: 'rate limit' },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Marsad API', version: '0.1.0', description: 'Conflict events read from Arabic and English news, coded in ACLED\'s taxonomy, with their evidence.' },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        EventRecord: z.toJSONSchema(EventRecord),
        ClaimRecord: z.toJSONSchema(ClaimRecord),
        ArticleInput: { type: 'object', required: ['text'], properties: { id: { type: 'string' }, text: { type: 'string' }, published: { type: 'string', format: 'date' }, lang: { enum: ['ar', 'en'] }, outlet: { type: 'string' }, url: { type: 'string' }, title: { type: 'string' } } },
        Error: { type: 'object', properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' }, parameter: { type: 'string' } } },
      },
    },
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** A readable page of the same document, with no script or remote asset (the server may be offline). */
export function docsPage(): string {
  const sections = OPERATIONS.map((op) => {
    const rows = op.parameters.map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.description)}${p.example ? ` <span class="ex">e.g. <code>${escapeHtml(p.example)}</code></span>` : ''}</td></tr>`).join('');
    return `<section><h2><span class="m">${(op.method ?? 'get').toUpperCase()}</span> <code>${escapeHtml(op.path)}</code></h2><p>${escapeHtml(op.summary)}</p>${rows ? `<table><thead><tr><th scope="col">parameter</th><th scope="col">meaning</th></tr></thead><tbody>${rows}</tbody></table>` : ''}</section>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Marsad API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:0 .2em}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}.m{background:#245;color:#fff;padding:0 .4em;border-radius:3px;font-size:.8em}.ex{color:#555}</style></head>
<body><h1>Marsad API</h1><p>Conflict events in ACLED's taxonomy, read from Arabic and English news. Several values of a parameter are separated by <code>|</code>; errors name the parameter. The machine-readable description is <a href="/openapi.json">/openapi.json</a>.</p>
${sections}</body></html>`;
}
