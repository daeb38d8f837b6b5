/**
 * The `vector` extension (pgvector), which brand knowledge search uses when it is there
 * (docs/decisions/0036-vector-search-when-available.md). PGlite always has it (the
 * `@electric-sql/pglite-pgvector` bundle is loaded when the database opens); a PostgreSQL server has it
 * only when its administrator installed the package, so the app detects it at start-up and nothing
 * in the migrations depends on it.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

export type VectorExtensionState =
  | { status: 'enabled'; version: string }
  /** The server has no pgvector package to load (e.g. Debian's PostgreSQL without postgresql-NN-pgvector). */
  | { status: 'not-installed' }
  /** Installed, but `create extension` failed — typically a role that may not create extensions. */
  | { status: 'not-enabled'; error: string };

/** One key for every instance creating the extension or the objects that use it at start-up. */
export const VECTOR_SETUP_LOCK = 0x1bc_0036;

/** Whether the server could load pgvector; changes nothing. */
export async function vectorExtensionAvailable(database: Database): Promise<boolean> {
  const rows = await database.query("select 1 from pg_available_extensions where name = 'vector'");
  return rows.length > 0;
}

async function enabledVersion(database: Database): Promise<string | null> {
  const [row] = await database.query<{ version: string }>(
    "select extversion as version from pg_extension where extname = 'vector'",
  );
  return row?.version ?? null;
}

/**
 * Creates the extension when the server has it. Idempotent, and serialised by an advisory lock so
 * instances starting together do not race on the catalogue.
 */
export async function enableVectorExtension(database: Database): Promise<VectorExtensionState> {
  const existing = await enabledVersion(database);
  if (existing) return { status: 'enabled', version: existing };
  if (!(await vectorExtensionAvailable(database))) return { status: 'not-installed' };
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${VECTOR_SETUP_LOCK})`);
      await tx.execute(sql`create extension if not exists vector`);
    });
  } catch (error) {
    return { status: 'not-enabled', error: error instanceof Error ? error.message : String(error) };
  }
  const version = await enabledVersion(database);
  return version
    ? { status: 'enabled', version }
    : { status: 'not-enabled', error: 'not listed after creation' };
}
