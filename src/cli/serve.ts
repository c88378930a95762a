import { InputError } from '../contracts/errors.ts';
import { buildApp } from '../serve/app.ts';
import { openStore, storeLocation } from '../store/index.ts';

export async function serveCommand(options: { port: string; host: string; db?: string }): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port: "${options.port}" is not a port number`);
  const store = openStore(storeLocation(options.db));
  const app = await buildApp({ store, token: process.env.MARSAD_TOKEN || null, logger: true });
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await app.listen({ port, host: options.host });
  } catch (error) {
    await store.close();
    throw new InputError(`cannot listen on ${options.host}:${port} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const address = app.server.address();
  const shown = typeof address === 'object' && address ? `http://${options.host}:${address.port}` : `${options.host}:${port}`;
  process.stderr.write(`marsad: serving ${store.location} at ${shown} (API docs ${shown}/docs); writes ${process.env.MARSAD_TOKEN ? 'need the bearer token' : 'are disabled (no MARSAD_TOKEN)'}\n`);
}
