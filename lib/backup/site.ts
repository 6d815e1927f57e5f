import "server-only";
import { existsSync, readdirSync } from "node:fs";
import { env, type DatabaseEngine } from "@/lib/env";
import { legacyAuthSecretFile } from "@/lib/site-secret";
import { legacyUploadsDir } from "@/lib/uploads/legacy-photos";

/**
 * The files beside the database that versions before photos and the session secret moved into
 * the database kept: a backup still carries them when a site has them, and restoring an old
 * backup puts them back, for the next start to move in (lib/uploads/legacy-photos.ts,
 * lib/site-secret.ts).
 */
type SiteFiles = { uploadsDir: string; authSecretFile: string };
export type SqliteSite = SiteFiles & { engine?: "sqlite"; databasePath: string };
export type PostgresSite = SiteFiles & { engine: "postgresql"; databaseUrl: string };
/** Everything a site needs besides its code: the database, and the legacy files if any. */
export type Site = SqliteSite | PostgresSite;

export const engineOf = (site: Site): DatabaseEngine => site.engine ?? "sqlite";

/** The site this process is configured for (DATA_DIR, DATABASE_URL). */
export function currentSite(): Site {
  const { dataDir, databaseEngine, databaseUrl, databasePath } = env();
  const files = { uploadsDir: legacyUploadsDir(), authSecretFile: legacyAuthSecretFile(dataDir) };
  return databaseEngine === "postgresql" ? { ...files, engine: "postgresql", databaseUrl } : { ...files, databasePath };
}

/** Owner-only: a backup holds citizens' personal data and the session secret. */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Files in a folder (none if it does not exist), sorted so manifests compare. */
export function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}
