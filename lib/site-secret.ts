// The secret that signs sessions. A configured AUTH_SECRET (or NEXTAUTH_SECRET) wins. Without
// one, the secret lives in the database (SiteSecret), generated once: every app node — each with
// its own DATA_DIR, on its own machine — signs and accepts the same sessions with no
// configuration. Versions before this one kept it in DATA_DIR/auth-secret; that file is taken
// over the first time, so sessions issued before the upgrade stay valid.
// Not server-only: `npm start` (scripts/start.ts) reads it before the server runs and hands it
// over as AUTH_SECRET; the app reads it itself only when started another way (next dev, tests).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { configuredAuthSecret, env } from "@/lib/env";
import { sql } from "@/lib/sql";
import { writeStatement } from "@/lib/sql/write";

const AUTH_SECRET = "auth";
/** What lib/env.ts accepts for a configured secret. */
const MIN_LENGTH = 16;

/** The session secret versions before this one generated under the data folder. */
export function legacyAuthSecretFile(dataDir = env().dataDir): string {
  return path.join(dataDir, "auth-secret");
}

async function legacySecret(): Promise<string | null> {
  const value = await readFile(legacyAuthSecretFile(), "utf8").then(
    (text) => text.trim(),
    () => "",
  );
  return value.length >= MIN_LENGTH ? value : null;
}

/**
 * The database's secret, stored first if there is none: INSERT … ON CONFLICT DO NOTHING, then
 * read, so two nodes starting at once agree on whichever insert came first.
 */
async function storedSecret(): Promise<string> {
  const candidate = (await legacySecret()) ?? randomBytes(32).toString("base64url");
  await writeStatement((db) =>
    db
      .insertInto("SiteSecret")
      .values({ name: AUTH_SECRET, value: candidate })
      .onConflict((conflict) => conflict.column("name").doNothing()),
  );
  const row = await sql().selectFrom("SiteSecret").select("value").where("name", "=", AUTH_SECRET).executeTakeFirstOrThrow();
  return row.value;
}

const cache = globalThis as unknown as { siteAuthSecret?: Promise<string> };

/** The session secret of this site: the configured one, else the database's (read once per process). */
export function authSecret(): Promise<string> {
  const configured = configuredAuthSecret();
  if (configured) return Promise.resolve(configured);
  cache.siteAuthSecret ??= storedSecret().catch((error: unknown) => {
    cache.siteAuthSecret = undefined; // the next request tries again (the database may be back)
    throw error;
  });
  return cache.siteAuthSecret;
}
