import { join } from 'node:path';
import { InputError } from '../contracts/errors.ts';
import { ROOT } from '../contracts/paths.ts';
import { buildApp } from '../serve/app.ts';
import { type ArticleQueue, openQueue } from '../queue/articles.ts';
import { isPostgres, openStore, type Store, storeLocation } from '../store/index.ts';

/** The web app as `npm run build:web` (run by npm install) leaves it. */
export const WEB_ROOT = join(ROOT, 'web', 'dist');

export function checkPort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port: "${value}" is not a port number`);
  return port;
}

/** Serves a store until SIGINT or SIGTERM, then closes it; prints the address. */
export async function serveStore(store: Store, host: string, port: number, queue: ArticleQueue | null = null, readOnly = false): Promise<void> {
  const app = await buildApp({ store, queue, token: readOnly ? null : process.env.MARSAD_TOKEN || null, logger: process.env.MARSAD_LOG !== 'off', webRoot: WEB_ROOT });
  const stop = async () => {
    await app.close();
    await queue?.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await app.listen({ port, host });
  } catch (error) {
    await queue?.close();
    await store.close();
    throw new InputError(`cannot listen on ${host}:${port} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const address = app.server.address();
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${typeof address === 'object' && address ? address.port : port}`;
  process.stdout.write(`serving ${store.location} at ${url}  (the map: ${url}/ ; API docs: ${url}/docs; writes ${readOnly ? 'are off: read-only' : process.env.MARSAD_TOKEN ? 'need the bearer token' : 'are off: set MARSAD_TOKEN'})\n`);
}

export async function serveCommand(options: { port: string; host: string; db?: string; readOnly?: boolean }): Promise<void> {
  const port = checkPort(options.port);
  const location = storeLocation(options.db);
  // A read-only instance (on a PostgreSQL replica) opens no queue and refuses writes.
  const queue = isPostgres(location) && !options.readOnly ? await openQueue(location) : null;
  await serveStore(openStore(location), options.host, port, queue, options.readOnly);
}
