import "server-only";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterSQLite,
  type RateLimiterAbstract,
  type RateLimiterRes,
} from "rate-limiter-flexible";
import { countOrFailOpen } from "@/lib/counters/run";
import { startSweeping } from "@/lib/counters/sweep";
import { env } from "@/lib/env";
import { countersSqlite, postgresPoolOfApp } from "@/lib/sql";

/** The table of prisma/schema.prisma (model RateLimit) that both stores count in. */
const TABLE = "RateLimit";

export type LimiterOptions = { keyPrefix: string; points: number; duration: number };

/**
 * rate-limiter-flexible's store for this process's engine, on the RateLimit table our migrations
 * create (`tableCreated`: no DDL at run time). The library's own sweeping is off: on SQLite a
 * failed sweep would reject unhandled and stop; lib/counters/sweep.ts sweeps for every limiter.
 */
function storeLimiter(options: LimiterOptions): RateLimiterAbstract {
  const common = { ...options, tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false };
  if (env().databaseEngine === "postgresql") {
    return new RateLimiterPostgres({ ...common, storeClient: postgresPoolOfApp(), storeType: "pool" });
  }
  // Synchronous statements on the counters' own connection (lib/sql countersSqlite): tens of
  // microseconds, no sync to disk; SQLITE_BUSY is thrown at once and waited out by countOrFailOpen.
  return new RateLimiterSQLite({ ...common, storeClient: countersSqlite(), storeType: "better-sqlite3" });
}

/**
 * A fixed-window limiter whose counts every app node shares (the database). When the database
 * cannot answer it counts in this process's memory instead (lib/counters/run.ts: fail open).
 * Built on first use, so importing a module that defines limiters opens no database.
 */
export class SharedLimiter {
  readonly #options: () => LimiterOptions;
  #store: RateLimiterAbstract | undefined;
  #memory: RateLimiterMemory | undefined;

  /** `options` is read on first use (it may read env()). */
  constructor(options: () => LimiterOptions) {
    this.#options = options;
  }

  #limiters() {
    if (!this.#store || !this.#memory) {
      const options = this.#options();
      this.#store = storeLimiter(options);
      this.#memory = new RateLimiterMemory(options);
      startSweeping();
    }
    return { store: this.#store, memory: this.#memory };
  }

  #count<T>(what: string, operation: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> {
    const { store, memory } = this.#limiters();
    return countOrFailOpen(`${this.#options().keyPrefix} ${what}`, () => operation(store), () => operation(memory));
  }

  /** Takes `points` from the key's budget; rejects with a RateLimiterRes once it is spent. */
  consume(key: string, points = 1): Promise<RateLimiterRes> {
    return this.#count("consume", (limiter) => limiter.consume(key, points));
  }

  /** Gives points back (a look-up that found its ticket is not a failed guess). */
  reward(key: string, points = 1): Promise<RateLimiterRes> {
    return this.#count("reward", (limiter) => limiter.reward(key, points));
  }

  /** Counts points without ever refusing. */
  penalty(key: string, points = 1): Promise<RateLimiterRes> {
    return this.#count("penalty", (limiter) => limiter.penalty(key, points));
  }

  /** The key's count in its current window, or null when it has none. */
  get(key: string): Promise<RateLimiterRes | null> {
    return this.#count("get", (limiter) => limiter.get(key));
  }
}
