// The query builder's PostgreSQL connections. TIMESTAMP(3) columns hold UTC — Prisma writes them
// so and the metric triggers read them so — whatever the time zone of the process; and a site in
// China runs with TZ=Asia/Shanghai. node-postgres, left alone, sends a Date as local time (which
// PostgreSQL stores as given in a column without a zone) and reads such a column as local time:
// 8 hours off on both ways. Both are UTC here. (Prisma's adapter converts its own values.)
import pg from "pg";
import { logger } from "@/lib/logger";

// Process-wide: pg has no per-pool setting for parameters. Every pool of this app holds UTC.
pg.defaults.parseInputDatesAsUTC = true;

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE && format !== "binary"
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function postgresPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // The server ends connections when it restarts or fails over, or an administrator ends them.
  // pg re-emits such an error on the pool (idle connection) or on the client (checked out, e.g.
  // between a transaction's statements), where without a listener it is an uncaught exception.
  // The pool drops the connection and opens a new one for the next query; a statement on a
  // checked-out one fails and reports the error itself.
  pool.on("error", (err) => logger.warn({ err }, "PostgreSQL ended an idle connection; the next query opens a new one"));
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}
