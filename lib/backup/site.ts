import "server-only";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { env, type DatabaseEngine } from "@/lib/env";
import { uploadsDir } from "@/lib/uploads/photos";

/** The files beside the database: the uploaded photos and the local session secret. */
type SiteFiles = { uploadsDir: string; authSecretFile: string };
export type SqliteSite = SiteFiles & { engine?: "sqlite"; databasePath: string };
export type PostgresSite = SiteFiles & { engine: "postgresql"; databaseUrl: string };
/** Everything a site needs besides its code: the database, the uploaded photos, the local secret. */
export type Site = SqliteSite | PostgresSite;

export const engineOf = (site: Site): DatabaseEngine => site.engine ?? "sqlite";

/** The site this process is configured for (DATA_DIR, DATABASE_URL). */
export function currentSite(): Site {
  const { dataDir, databaseEngine, databaseUrl, databasePath } = env();
  // The file authSecret() (lib/env.ts) generates when no AUTH_SECRET is configured.
  const files = { uploadsDir: uploadsDir(), authSecretFile: path.join(dataDir, "auth-secret") };
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
