import { timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EventRecord } from '../contracts/record.ts';
import { exportChunks, pick } from '../export/formats.ts';
import { type ArticleDraft, articleId } from '../ingest/articles.ts';
import { type IngestCounts, storeDrafts } from '../ingest/run.ts';
import { type ArticleQueue, enqueueDrafts } from '../queue/articles.ts';
import type { Store } from '../store/index.ts';
import { docsPage, openApiDocument } from './openapi.ts';
import { encodeCursor, ParameterError, parseEventsRequest, parseExportRequest, parseStatsRequest } from './params.ts';

export interface AppOptions {
  readonly store: Store;
  /** Bearer token for writes; without one, writes are refused and reads stay open. */
  readonly token?: string | null;
  /** Requests per minute and client: reads, and writes (which run the extractor). */
  readonly readsPerMinute?: number;
  readonly writesPerMinute?: number;
  /** The built web app (web/dist) served at /; null for the API alone. */
  readonly webRoot?: string | null;
  /** Largest accepted request body, in bytes. */
  readonly bodyLimit?: number;
  readonly logger?: boolean;
  /** On PostgreSQL: posted articles are queued for the workers rather than extracted in the request. */
  readonly queue?: ArticleQueue | null;
}

const ArticleBody = z
  .object({
    id: z.string().max(200).optional(),
    text: z.string().min(1, 'text must not be empty'),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').nullable().optional(),
    lang: z.enum(['ar', 'en']).nullable().optional(),
    outlet: z.string().max(200).nullable().optional(),
    url: z.string().url().max(2000).nullable().optional(),
    title: z.string().max(1000).nullable().optional(),
  })
  .strict();

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * The HTTP API. Every query string goes through params.ts, which names the parameter at fault; the
 * store sees only typed filters. Errors answer in one JSON shape, and a 500 never shows internals.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
    routerOptions: { maxParamLength: 300 },
  });

  await app.register(rateLimit, {
    global: true,
    max: options.readsPerMinute ?? 600,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, error: 'Too Many Requests', message: `rate limit: at most ${context.max} requests a minute; retry in ${context.after}` }),
  });

  app.addContentTypeParser(['application/x-ndjson', 'application/jsonl', 'text/plain'], { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof ParameterError) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: error.message, parameter: error.parameter });
    if (error instanceof HttpError) return reply.code(error.statusCode).send({ statusCode: error.statusCode, error: statusText(error.statusCode), message: error.message, ...error.extra });
    if (error.statusCode && error.statusCode < 500) {
      const message = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `the body is over the ${Math.round((options.bodyLimit ?? 5 * 1024 * 1024) / 1024)} KB limit` : error.message;
      return reply.code(error.statusCode).send({ statusCode: error.statusCode, error: statusText(error.statusCode), message });
    }
    request.log.error(error);
    return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'something went wrong on our side; the error is logged' });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}` }));

  if (options.webRoot && existsSync(join(options.webRoot, 'index.html'))) {
    // The page and its assets; hashed asset names never change, so they may be cached for good.
    await app.register(fastifyStatic, { root: options.webRoot, prefix: '/', index: ['index.html'], maxAge: 0, setHeaders: (res, path) => {
      if (path.includes(`${sep}assets${sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
    } });
  }

  // Liveness: the process answers. Readiness: it can serve, i.e. the store (and queue) answer.
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const checks: Record<string, string> = {};
    try {
      await store.ping();
      checks.store = 'ok';
    } catch (error) {
      checks.store = (error as Error).message;
    }
    if (options.queue) {
      try {
        await options.queue.boss.getQueueSize('marsad-articles');
        checks.queue = 'ok';
      } catch (error) {
        checks.queue = (error as Error).message;
      }
    }
    const ready = Object.values(checks).every((v) => v === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });

  app.get('/openapi.json', async () => openApiDocument());
  app.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docsPage()));

  app.get('/api/events', async (request, reply) => {
    const query = parseEventsRequest(request.query as Record<string, unknown>);
    if (query.since !== undefined) {
      const changes = await store.changes(query.since, query.page.limit);
      return { success: true, count: changes.events.length, data: changes.events.map((e) => project(e, query.fields)), deleted: changes.removed, sync_token: String(changes.syncToken), more: changes.more };
    }
    if (query.format !== 'json') {
      const chunks = exportChunks(pageStream(await store.queryEvents(query.filter, query.page)), query.format === 'csv' ? 'acled-csv' : 'geojson', query.fields);
      return reply.type(query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json').send(Readable.from(chunks));
    }
    const events = await store.queryEvents(query.filter, query.page);
    const last = events.at(-1);
    return {
      success: true,
      count: events.length,
      data: events.map((e) => project(e, query.fields)),
      next_cursor: last && events.length === query.page.limit ? encodeCursor(last.event_date, last.event_id) : null,
    };
  });

  app.get('/api/events/:id', async (request) => {
    const { id } = request.params as { id: string };
    const event = await store.event(id);
    if (!event) {
      const gone = await store.removedEvent(id);
      if (gone) throw new HttpError(410, `event ${id} was merged into ${gone.merged_into ?? 'another event'}`, { merged_into: gone.merged_into });
      throw new HttpError(404, `no event ${id}`);
    }
    return {
      ...event.record,
      sources: event.sources.map((s) => ({
        report_id: s.reportId,
        article_id: s.articleId,
        outlet: s.outlet,
        published: s.published,
        url: s.url,
        date_text: s.record.date_text,
        fatalities: s.record.fatalities,
        evidence: s.record.evidence,
        spans: s.record.spans ?? [],
      })),
    };
  });

  app.get('/api/articles/:id', async (request) => {
    const { id } = request.params as { id: string };
    const article = await store.article(id);
    if (!article) throw new HttpError(404, `no article ${id}`);
    const reports = await store.articleReports(id);
    return {
      id: article.id,
      url: article.url,
      outlet: article.outlet,
      published: article.published,
      lang: article.lang,
      title: article.title,
      text: article.text,
      events: reports.map((r) => ({
        event_id: r.eventId,
        report_id: r.reportId,
        sub_event_type: r.record.sub_event_type,
        event_date: r.record.event_date,
        location: r.record.location,
        evidence: r.record.evidence,
        spans: r.record.spans ?? [],
      })),
      claims: await store.claims(id),
    };
  });

  app.get('/api/stats', async (request) => ({ success: true, ...(await store.eventStats(parseStatsRequest(request.query as Record<string, unknown>))) }));

  app.get('/api/export', async (request, reply) => {
    const { filter, fields, format } = parseExportRequest(request.query as Record<string, unknown>);
    const type = { 'acled-csv': 'text/csv', 'hxl-csv': 'text/csv', 'extras-csv': 'text/csv', geojson: 'application/geo+json', jsonl: 'application/x-ndjson' }[format];
    const extension = format === 'geojson' ? 'geojson' : format === 'jsonl' ? 'jsonl' : 'csv';
    return reply
      .type(`${type}; charset=utf-8`)
      .header('content-disposition', `attachment; filename="marsad-events.${extension}"`)
      .send(Readable.from(exportChunks(store.streamEvents(filter), format, fields)));
  });

  app.post(
    '/api/articles',
    { config: { rateLimit: { max: options.writesPerMinute ?? 60, timeWindow: 60_000 } } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      authorize(request, options.token ?? null);
      const drafts = articleDrafts(request.body, request.headers['content-type'] ?? '');
      const counts: IngestCounts = { files: 0, added: 0, duplicates: 0, rejected: 0, events: 0 };
      const rejected: string[] = [];
      if (options.queue) {
        const jobs = await enqueueDrafts(options.queue, drafts, counts, store);
        return reply.code(202).send({ success: true, queued: counts.queued ?? 0, duplicates: counts.duplicates, rejected, articles: jobs });
      }
      await storeDrafts(drafts, store, counts, (message) => rejected.push(message));
      const articles = await Promise.all(
        drafts.map(async (draft) => {
          const id = articleId(draft.text);
          const reports = await store.articleReports(id);
          return { id, events: [...new Set(reports.map((r) => r.eventId))] };
        }),
      );
      return reply.code(counts.added > 0 ? 201 : 200).send({ success: true, added: counts.added, duplicates: counts.duplicates, rejected, articles });
    },
  );

  return app;
}

async function* pageStream<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

function project(record: EventRecord, fields?: readonly string[]): Record<string, unknown> {
  if (fields) return pick(record, fields);
  const { provenance: _, ...rest } = record;
  return rest;
}

function authorize(request: FastifyRequest, token: string | null): void {
  if (!token) throw new HttpError(403, 'writes are disabled on this server: start it with MARSAD_TOKEN set');
  const header = request.headers.authorization ?? '';
  const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (!given || a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new HttpError(401, given ? 'the bearer token is wrong' : 'send the write token as Authorization: Bearer TOKEN');
  }
}

/** One article as a JSON object, several as {"articles": [...]}, or a JSONL batch. */
function articleDrafts(body: unknown, contentType: string): ArticleDraft[] {
  let items: unknown[];
  if (typeof body === 'string') {
    items = body
      .split('\n')
      .map((line, i) => ({ line: line.trim(), i }))
      .filter(({ line }) => line)
      .map(({ line, i }) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          throw new HttpError(400, `line ${i + 1}: not valid JSON`);
        }
      });
  } else if (body && typeof body === 'object' && Array.isArray((body as { articles?: unknown }).articles)) items = (body as { articles: unknown[] }).articles;
  else if (body && typeof body === 'object') items = [body];
  else throw new HttpError(400, `send an article as JSON, {"articles": [...]}, or JSONL (content type ${contentType || 'missing'})`);
  if (items.length === 0) throw new HttpError(400, 'no articles in the body');
  if (items.length > 1000) throw new HttpError(413, 'at most 1000 articles a request');
  return items.map((item, i) => {
    const parsed = ArticleBody.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, `article ${i + 1}: ${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const a = parsed.data;
    return { text: a.text, externalId: a.id ?? null, published: a.published, lang: a.lang, outlet: a.outlet, url: a.url, title: a.title, origin: 'api' };
  });
}

function statusText(code: number): string {
  return { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 410: 'Gone', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests' }[code] ?? 'Error';
}
