// Which node runs the scheduler (issue 11): with several app nodes on one PostgreSQL database, the
// node that holds a session-level advisory lock on a connection of its own leads; the others ask
// again every round. The lock lives as long as that session, so a leader that exits, is killed or
// loses its connection leaves it free for the next node that asks. On SQLite the one process
// always leads.
import os from "node:os";
import pg from "pg";
import { logger } from "@/lib/logger";

/** Any fixed 64-bit number other than the migration runner's (lib/migrations/postgres.ts). */
export const SCHEDULER_LOCK_KEY = 7_301_120_261_131;

/** How long the lock's connection may take to connect or to answer before this node stops leading. */
const ANSWER_WITHIN_MS = 5_000;

export type Leadership = {
  /** As last confirmed, and false as soon as the lock's connection fails (no round trip). */
  leading(): boolean;
  /** Whether this node leads now: confirms that a held lock's session still answers, or tries to take a free lock. */
  confirm(): Promise<boolean>;
  /** Gives the lock up at once (shutdown), so another node takes over at its next try. */
  release(): Promise<void>;
};

/** SQLite: one process per database, which always leads. */
export function singleProcessLeadership(): Leadership {
  return { leading: () => true, confirm: async () => true, release: async () => {} };
}

export type AdvisoryLockOptions = {
  /** How often confirm() is called: the session is idle at most this long while this node is alive. */
  heartbeatMs: number;
  key?: number;
};

export function advisoryLockLeadership(url: string, options: AdvisoryLockOptions): Leadership {
  return new AdvisoryLockLeadership(url, options);
}

class AdvisoryLockLeadership implements Leadership {
  private client: pg.Client | null = null;
  private held = false;
  private pending: Promise<boolean> | null = null;
  private released = false;
  /** The last state logged, so that each change is logged once, not every round. */
  private logged: "leader" | "standby" | "unreachable" | null = null;
  private readonly node = `${os.hostname()}:${process.pid}`;
  private readonly key: number;

  constructor(
    private readonly url: string,
    private readonly options: AdvisoryLockOptions,
  ) {
    this.key = options.key ?? SCHEDULER_LOCK_KEY;
  }

  leading(): boolean {
    return this.held;
  }

  confirm(): Promise<boolean> {
    // A slow answer must not let the next round open a second connection beside it.
    this.pending ??= this.check().finally(() => (this.pending = null));
    return this.pending;
  }

  private async check(): Promise<boolean> {
    if (this.released) return false;
    try {
      const client = this.client ?? (await this.connect());
      if (this.held) {
        // A session-level lock lasts as long as its session: a session that answers still holds it.
        await client.query("SELECT 1");
        return true;
      }
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [this.key]);
      this.held = rows[0]?.locked === true;
      this.log(this.held ? "leader" : "standby");
    } catch (err) {
      this.drop(err);
    }
    return this.held;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      // Who leads, for the DBA: pg_stat_activity joined with pg_locks (docs/deploy.md).
      application_name: `jsjb scheduler ${this.node}`.slice(0, 63),
      connectionTimeoutMillis: ANSWER_WITHIN_MS,
      query_timeout: ANSWER_WITHIN_MS,
      keepAlive: true,
    });
    // Without a listener, a connection the server ends between two rounds would crash the process.
    client.on("error", (err) => this.drop(err, client));
    try {
      await client.connect();
      await this.endWhenAbandoned(client);
    } catch (err) {
      void client.end().catch(() => {});
      throw err;
    }
    this.client = client;
    return client;
  }

  /**
   * A leader whose machine loses power or network never closes its connection: the server would
   * hold the session, and the lock, until its TCP keepalive gives up (two hours by default). The
   * server ends the session instead once it stays idle for two heartbeats (at least 10 s).
   * PostgreSQL 14 and later; an older server keeps the keepalive's delay.
   */
  private async endWhenAbandoned(client: pg.Client): Promise<void> {
    const idleMs = Math.max(2 * this.options.heartbeatMs, 10_000);
    try {
      await client.query(`SET idle_session_timeout = ${idleMs}`);
    } catch (err) {
      logger.warn({ err }, "scheduler: the server cannot end an abandoned leader's session (idle_session_timeout needs PostgreSQL 14)");
    }
  }

  /** The connection failed or was ended: this node no longer leads (the server freed the lock with the session). */
  private drop(err: unknown, client: pg.Client | null = this.client): void {
    if (client !== this.client) return; // an old connection's late error
    this.client = null;
    void client?.end().catch(() => {});
    const wasLeading = this.held;
    this.held = false;
    if (this.released) return;
    if (wasLeading) {
      this.logged = null;
      logger.warn({ err, node: this.node }, "scheduler leadership lost: the lock's connection failed");
    } else if (this.logged !== "unreachable") {
      this.logged = "unreachable";
      logger.error({ err, node: this.node }, "scheduler: cannot reach the database to ask for leadership");
    }
  }

  private log(state: "leader" | "standby"): void {
    if (this.logged === state) return;
    this.logged = state;
    if (state === "leader") logger.info({ node: this.node }, "scheduler leadership acquired: this node runs the deadline and expiry rounds");
    else logger.info({ node: this.node }, "scheduler standing by: another node leads");
  }

  async release(): Promise<void> {
    this.released = true;
    await this.pending; // a check under way finishes first: it may just have taken the lock
    const client = this.client;
    const wasLeading = this.held;
    this.client = null;
    this.held = false;
    if (!client) return;
    try {
      // Ending the session frees the lock too; unlocking first means it is free when this returns.
      if (wasLeading) await client.query("SELECT pg_advisory_unlock($1)", [this.key]);
    } catch {
      // The session is gone already, and its lock with it.
    }
    await client.end().catch(() => {});
    if (wasLeading) logger.info({ node: this.node }, "scheduler leadership released");
  }
}
