import "server-only";
import { spawn } from "node:child_process";
import { chmodSync, existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { SiteDatabase } from "./database";
import { PRIVATE_FILE, type PostgresSite } from "./site";

// The database part of a backup on PostgreSQL: pg_dump's custom format (compressed, restored
// selectively by pg_restore) and a restore through psql in one transaction.

/**
 * A client program of Debian's postgresql package (/usr/lib/postgresql/<version>/bin, as
 * tests/support/postgres.ts finds the server), else the one on PATH. The newest version: pg_dump
 * refuses servers newer than itself.
 */
export function postgresProgram(name: "pg_dump" | "pg_restore" | "psql"): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const program = path.join(root, version, "bin", name);
    if (existsSync(program)) return program;
  }
  return name;
}

/** Prisma's own settings in a DATABASE_URL, which libpq refuses as unknown options. */
const PRISMA_URL_PARAMETERS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout", "sslaccept"];

/**
 * The connection for the client programs: the URL without its password, which goes into
 * PGPASSWORD instead — a command line is visible to every user of the machine (ps), and error
 * messages quote the URL. Host, port, user, database and libpq options stay in the URL.
 */
export function libpqConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const name of PRISMA_URL_PARAMETERS) url.searchParams.delete(name);
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: process.env.PGCONNECT_TIMEOUT ?? "10" };
  if (password) env.PGPASSWORD = password;
  return { url: url.toString(), env };
}

type Run = { code: number | null; stderr: string };

/** Waits for a child process; its stderr is kept for the error message. */
function finished(child: ReturnType<typeof spawn>, program: string): Promise<Run> {
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new Error(`找不到 ${program}：请安装 PostgreSQL 客户端（例如 apt-get install postgresql-client）`) : error),
    );
    child.once("close", (code) => resolve({ code, stderr: stderr.trim() }));
  });
}

function failed(program: string, run: Run): Error {
  return new Error(`${program} 失败（退出码 ${run.code}）：${run.stderr || "无输出"}`);
}

/** Runs `fn` on a connection of its own, closed afterwards. */
async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function tableExists(client: pg.Client, table: string): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [`"${table}"`]);
  return rows[0]!.found;
}

async function ticketCount(client: pg.Client): Promise<number> {
  if (!(await tableExists(client, "Ticket"))) return 0;
  return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Ticket"`)).rows[0]!.n;
}

async function latestMigration(client: pg.Client): Promise<string | null> {
  if (!(await tableExists(client, "_jsjb_migrations"))) return null;
  return (await client.query<{ name: string | null }>(`SELECT max("name") AS name FROM "_jsjb_migrations"`)).rows[0]!.name;
}

/**
 * pg_dump of one snapshot, while the server keeps writing: pg_dump reads everything in one
 * REPEATABLE READ transaction. That snapshot is exported from a transaction of ours, which
 * counts the tickets and reads the migration in it, so the manifest describes exactly the dump.
 */
async function dump(site: PostgresSite, target: string) {
  return withClient(site.databaseUrl, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
      const described = { tickets: await ticketCount(client), migration: await latestMigration(client) };
      const { url, env } = libpqConnection(site.databaseUrl);
      const program = postgresProgram("pg_dump");
      const args = ["--format=custom", "--no-password", `--snapshot=${rows[0]!.id}`, `--file=${target}`, `--dbname=${url}`];
      const run = await finished(spawn(program, args, { env, stdio: ["ignore", "ignore", "pipe"] }), "pg_dump");
      if (run.code !== 0) throw failed("pg_dump", run);
      chmodSync(target, PRIVATE_FILE);
      return described;
    } finally {
      await client.query("ROLLBACK");
    }
  });
}

/**
 * Run first, in the restore's own transaction. The public schema is dropped and created again
 * rather than using `pg_restore --clean --if-exists`, which drops only the objects the dump
 * contains: a table a newer migration added would survive while _jsjb_migrations comes back
 * without that migration, and the next start would fail re-applying it. Dropping the schema
 * leaves exactly the backup; and in one transaction with the restore (pg_restore's own
 * --single-transaction could not include it) a failure changes nothing. The schema and its
 * objects then belong to the restoring role; grants to other roles are not restored
 * (--no-privileges: they name roles of the server that was backed up).
 * lock_timeout: a server still running holds locks; fail instead of waiting behind it.
 */
const CLEAR_SCHEMA = `SET lock_timeout = '10s'; SET client_min_messages = warning; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;`;

/**
 * pg_restore turns the archive into SQL (owners and grants left out: the restoring role owns
 * everything) and psql runs it after CLEAR_SCHEMA in one transaction: any error and the database
 * is as it was. psql's input is only closed — which commits — once pg_restore has succeeded;
 * otherwise psql is stopped and the transaction rolls back. If psql stops first (an SQL error),
 * pg_restore is stopped too: it would wait for ever to write into a closed pipe.
 */
async function restore(site: PostgresSite, source: string): Promise<void> {
  const { url, env } = libpqConnection(site.databaseUrl);
  const reader = spawn(postgresProgram("pg_restore"), ["--no-owner", "--no-privileges", "--file=-", source], { env, stdio: ["ignore", "pipe", "pipe"] });
  const psqlArgs = ["--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1", "--single-transaction", `--command=${CLEAR_SCHEMA}`, "--file=-", `--dbname=${url}`];
  const writer = spawn(postgresProgram("psql"), psqlArgs, { env, stdio: ["pipe", "ignore", "pipe"] });
  writer.stdin!.on("error", () => {}); // psql stopped early: its exit code and stderr say why
  const reading = finished(reader, "pg_restore");
  const writing = finished(writer, "psql");
  reading.then(
    (run) => (run.code === 0 ? writer.stdin!.end() : writer.kill()),
    () => writer.kill(),
  );
  writing.finally(() => reader.kill()).catch(() => {});
  reader.stdout!.pipe(writer.stdin!, { end: false });

  const [read, written] = await Promise.all([reading, writing]);
  // psql's own failure (it exited with a code) says more than pg_restore's stop that followed.
  if (written.code !== 0 && written.code !== null) throw failed("psql", written);
  if (read.code !== 0) throw failed("pg_restore", read);
  if (written.code !== 0) throw failed("psql", written);
}

export function postgresDatabase(site: PostgresSite): SiteDatabase {
  return {
    engine: "postgresql",
    snapshotNote: "正在导出数据库（pg_dump，服务可继续使用）…",
    snapshot: (target) => dump(site, target),
    ticketCount: () => withClient(site.databaseUrl, ticketCount),
    restore: (source) => restore(site, source),
  };
}
