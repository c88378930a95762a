import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The backends a store test runs on: SQLite always, PostgreSQL where MARSAD_TEST_PG names a database
 * (`.ci/run` starts one). Under CI a missing PostgreSQL fails the run instead of skipping half the suite.
 */
export const postgresUrl = process.env.MARSAD_TEST_PG;
if (!postgresUrl && process.env.CI) throw new Error('MARSAD_TEST_PG is not set: CI must run the store tests on PostgreSQL too (scripts/ci/postgres.sh)');

export interface Backend {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** Why the suite is skipped here, if it is. */
  readonly skip: string | false;
  /** A location for an empty store of its own. */
  fresh(name: string): Promise<string>;
}

const work = mkdtempSync(join(tmpdir(), 'marsad-stores-'));
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;

/** An empty schema of its own in the test database, as a URL whose search_path points at it. */
export async function freshPostgres(name: string): Promise<string> {
  if (!postgresUrl) throw new Error('MARSAD_TEST_PG is not set');
  const schema = `t_${run}_${name.replace(/\W/g, '_')}`.toLowerCase();
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export const backends: readonly Backend[] = [
  { name: 'SQLite', skip: false, fresh: async (name) => join(work, `${name}.db`) },
  { name: 'PostgreSQL', skip: postgresUrl ? false : 'MARSAD_TEST_PG is not set', fresh: freshPostgres },
];

/** A new, empty database of its own (the queue's pg-boss schema is per database, so queue tests need one). */
export async function freshDatabase(name: string): Promise<string> {
  if (!postgresUrl) throw new Error('MARSAD_TEST_PG is not set');
  const database = `marsad_t_${name.replace(/\W/g, '_')}_${run}`.toLowerCase();
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drops the databases this run made (they are also dropped by name on the next run's creation). */
export async function dropDatabase(url: string): Promise<void> {
  if (!postgresUrl) return;
  const database = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
