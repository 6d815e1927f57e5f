// A throw-away PostgreSQL 15 server for tests and benchmarks (STACK.md): Debian's `postgresql`
// package, a temporary folder, a free loopback port, trust authentication; for tests fsync off
// (nothing here must survive the test), for benchmarks `durable` (fsync and synchronous commit
// on, as a site runs it, to compare with SQLite's synchronous = FULL). `npm test` installs the
// package with apt when it is absent.
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type Postgres = {
  /** The server's maintenance database (`postgres`). */
  url: string;
  /** A new empty database on this server; its URL. */
  createDatabase: (name: string) => Promise<string>;
  /**
   * Stops the server (`fast`: ends every session, as an administrator's restart does; `immediate`:
   * as a crash) and starts it again on the same port and data; clients must reconnect.
   */
  restart: (mode?: "fast" | "immediate") => Promise<void>;
  stop: () => void;
};

/** Runs one statement on its own connection; its rows. */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  const dir = version && path.join(root, version, "bin");
  if (!dir || !existsSync(path.join(dir, "initdb"))) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql");
  return dir;
}

/** A port nobody listens on just now, on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** initdb refuses root: as root the server runs as the `postgres` user, as anyone else as that user. */
function asOwner(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

function runAsOwner(command: string, args: string[]): void {
  execFileSync(...asOwner(command, args), { stdio: "pipe" });
}

function runAsOwnerAsync(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => execFile(...asOwner(command, args), (error) => (error ? reject(error) : resolve())));
}

/**
 * `dir`: keep the server's files in this folder and reuse what an earlier run left there (a
 * benchmark's loaded database, BENCH_DATA_DIR); stop() then leaves them. Otherwise a temporary
 * folder, removed by stop().
 */
export async function startPostgres(options: { durable?: boolean; sharedBuffers?: string; dir?: string } = {}): Promise<Postgres> {
  const bin = binDir();
  const kept = options.dir !== undefined;
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), "jsjb-pg-"));
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  if (!existsSync(path.join(data, "PG_VERSION"))) runAsOwner(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "app", "--no-sync", "-E", "UTF8", "--locale", "C"]);
  const settings = [
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    options.durable ? "" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
    options.sharedBuffers ? `-c shared_buffers=${options.sharedBuffers}` : "",
  ].join(" ");
  runAsOwner(path.join(bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", path.join(dir, "log"), "-w", "start"]);
  let stopped = false;
  const url = `postgresql://app@127.0.0.1:${port}/postgres`;
  return {
    url,
    async createDatabase(name) {
      await query(url, `CREATE DATABASE "${name}"`);
      return url.replace(/\/postgres$/, `/${name}`);
    },
    // Asynchronous, so that a test's load keeps running meanwhile.
    async restart(mode = "fast") {
      await runAsOwnerAsync(path.join(bin, "pg_ctl"), ["-D", data, "-m", mode, "-w", "stop"]);
      await runAsOwnerAsync(path.join(bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", path.join(dir, "log"), "-w", "start"]);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", kept ? "fast" : "immediate", "-w", "stop"]);
      } finally {
        if (!kept) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
