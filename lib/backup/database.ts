import "server-only";
import type { DatabaseEngine } from "@/lib/env";
import { postgresDatabase } from "./postgres";
import type { Site } from "./site";
import { sqliteDatabase } from "./sqlite";

/** What the backup and restore commands need from a site's database, per engine. */
export type SiteDatabase = {
  engine: DatabaseEngine;
  /** Progress line while the snapshot is taken. */
  snapshotNote: string;
  /** Writes a consistent copy to `target` while the site keeps serving; what the copy holds. */
  snapshot(target: string): Promise<{ tickets: number; migration: string | null }>;
  /** Tickets in the site's database (0 when it has no schema yet). */
  ticketCount(): Promise<number>;
  /** Replaces the site's database by the copy at `source`. Run with the server stopped. */
  restore(source: string): Promise<void>;
};

export function siteDatabase(site: Site): SiteDatabase {
  return site.engine === "postgresql" ? postgresDatabase(site) : sqliteDatabase(site);
}

export const ENGINE_LABELS: Record<DatabaseEngine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };
