import "server-only";
import { compareMigrations, schemaVerdict, type MigrationRecord, type SchemaVerdict } from "@/lib/domain/migrations";
import { env } from "@/lib/env";
import { appliedMigrations, MIGRATIONS_DIRS, readMigrations } from "@/lib/migrations/files";
import { sql } from "@/lib/sql";

// Readiness knows the schema (issue 11): a node serves only a database whose applied migrations
// are exactly those its code ships — not an older database (a migration still to run), and not a
// newer one (another node with newer code migrated it during a rolling upgrade).

/** The probe runs every few seconds per node; the schema changes only on a deployment. */
export const SCHEMA_CHECK_EVERY_MS = 10_000;

const cache: { shipped?: MigrationRecord[]; checkedAt?: number; verdict?: Promise<SchemaVerdict> } = {};

/**
 * What this process's code ships, read once: the files of the project folder may be replaced by a
 * deployment while this process still runs the old code.
 */
function shippedMigrations(): MigrationRecord[] {
  return (cache.shipped ??= readMigrations(MIGRATIONS_DIRS[env().databaseEngine]).map(({ name, checksum }) => ({ name, checksum })));
}

async function checkSchema(): Promise<SchemaVerdict> {
  const shipped = shippedMigrations();
  const applied = (await appliedMigrations(sql(), env().databaseEngine)) ?? []; // no record: nothing applied
  return schemaVerdict(compareMigrations(shipped, applied));
}

/** Whether the database's schema is this code's, re-read at most every SCHEMA_CHECK_EVERY_MS. */
export function schemaStatus(now: number = Date.now()): Promise<SchemaVerdict> {
  const age = now - (cache.checkedAt ?? -Infinity);
  if (cache.verdict && age >= 0 && age < SCHEMA_CHECK_EVERY_MS) return cache.verdict; // (a clock set back re-checks)
  const verdict = checkSchema();
  cache.verdict = verdict;
  cache.checkedAt = now;
  // A failed read (the database went away mid-check) is not an answer to keep for 10 s.
  verdict.catch(() => {
    if (cache.verdict === verdict) cache.verdict = undefined;
  });
  return verdict;
}
