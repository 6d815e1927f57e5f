import "server-only";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { env } from "@/lib/env";
import { uploadsDir } from "@/lib/uploads/photos";

/** Everything a site needs besides its code: the database, the uploaded photos, the local secret. */
export type Site = { databasePath: string; uploadsDir: string; authSecretFile: string };

/** The site this process is configured for (DATA_DIR, DATABASE_URL). */
export function currentSite(): Site {
  const { dataDir, databasePath } = env();
  // The file authSecret() (lib/env.ts) generates when no AUTH_SECRET is configured.
  return { databasePath, uploadsDir: uploadsDir(), authSecretFile: path.join(dataDir, "auth-secret") };
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

/** Ticket count of a database file; 0 when it does not exist or holds no Ticket table yet. */
export function ticketCount(databasePath: string): number {
  if (!existsSync(databasePath)) return 0;
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Ticket'`).get();
    return table ? (db.prepare(`SELECT count(*) AS n FROM "Ticket"`).get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}
