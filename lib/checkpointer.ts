import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { rawSqlite } from "@/lib/sqlite";

// WAL checkpoints off the request path. By default the connection whose commit crosses the
// threshold copies the WAL back into the database and syncs it — inside that request, on the
// event loop (measured: ~0.2 ms of every intake). In the server a worker thread with its own
// connection runs PASSIVE checkpoints instead, which never block readers or writers, and the
// hot-path connection stops checkpointing itself.

const INTERVAL_MS = 1_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.path);
db.pragma("busy_timeout = 1000");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort.postMessage(String(error));
  }
}, workerData.intervalMs);
parentPort.on("message", (m) => { if (m === "stop") { clearInterval(timer); db.close(); process.exit(0); } });
`;

export function startCheckpointer(): void {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path: env().databasePath, intervalMs: INTERVAL_MS } });
  worker.on("message", (message) => logger.warn({ message }, "WAL checkpoint failed"));
  worker.on("error", (err) => logger.error({ err }, "WAL checkpointer stopped"));
  worker.unref();
  rawSqlite().pragma("wal_autocheckpoint = 0");
}
