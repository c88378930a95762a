import { resolve } from 'node:path';
import { InputError } from '../contracts/errors.ts';
import { getLexicon } from '../lexicon/index.ts';
import { loadMergeRules, type MergeRules } from '../merge/index.ts';
import { PostgresStore } from './postgres/store.ts';
import { SqliteStore } from './sqlite/store.ts';
import type { Store } from './store.ts';

export type * from './store.ts';

/** `--db`, else `MARSAD_DB`, else ./data/marsad.db in the working directory. */
export function storeLocation(option?: string): string {
  return option || process.env.MARSAD_DB || resolve('data', 'marsad.db');
}

let rules: MergeRules | undefined;
function mergeRules(): MergeRules {
  rules ??= loadMergeRules(getLexicon().data.actors);
  return rules;
}

export function isPostgres(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/** A SQLite file path, or a postgres:// URL for the shared store (opened lazily: errors come with the first call). */
export function openStore(location: string = storeLocation()): Store {
  if (isPostgres(location)) return new PostgresStore(location, mergeRules);
  try {
    return new SqliteStore(location, mergeRules);
  } catch (error) {
    throw new InputError(`${location}: cannot open the database (${(error as Error).message})`);
  }
}

/** Opens the store (`--db`, MARSAD_DB or the default), lends it to `use`, and closes it whatever happens. */
export async function withStore<T>(location: string | undefined, use: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(storeLocation(location));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
