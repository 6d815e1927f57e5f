import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { enableWalBackPressure, rawSqlite, WAL_SIZE_LIMIT_BYTES } from "@/lib/sqlite";
import { unwritableStorage } from "@/lib/storage/preflight";
import { storageRecovered, storageUnavailable } from "@/lib/storage/health";

// WAL checkpoints off the request path, and a WAL that stays bounded.
//
// By default the connection whose commit crosses the threshold copies the WAL back into the
// database and syncs it — inside that request, on the event loop (measured: ~0.2 ms of every
// intake). In the server a worker thread with its own connection does it instead, and the
// hot-path connection stops checkpointing itself.
//
// A PASSIVE checkpoint never blocks anyone, but under sustained writes it never catches up with
// the end of the WAL either, so the WAL is never reset and grows without bound (measured before:
// 132 MB after a 15 s burst). So once the WAL passes WAL_SIZE_LIMIT_BYTES the worker runs a
// TRUNCATE checkpoint: it holds the write lock while it copies the rest back and empties the
// file (writers wait asynchronously, lib/sqlite.ts). Writers that find the WAL past twice that
// pause briefly (walBackPressure) so the checkpoint can finish between their transactions. When
// writes stop, a TRUNCATE empties the file too.
//
// A checkpoint that fails because the database file cannot be written (made read-only,
// immutable, an I/O error) means new commits would pile up in the WAL: the write path refuses
// writes (503) and /api/health reports it until a checkpoint succeeds again.

/** How often the worker looks at the WAL's size (a stat), and how often it checkpoints anyway. */
const WATCH_INTERVAL_MS = 50;
const CHECKPOINT_EVERY_MS = 500;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const Database = require("better-sqlite3");
const { path, watchMs, checkpointMs, restartBytes } = workerData;
const db = new Database(path);
// A RESTART holds the write lock while it waits, so it waits briefly; it blocks only this thread.
db.pragma("busy_timeout = 100");
let previousFrames = -1;
let failing = false;
let lastCheckpoint = 0;
// A long reader (a backup) pins the WAL; TRUNCATE then cannot finish, so it backs off meanwhile.
let restartBackoffMs = 0;
let restartNotBefore = 0;
const walBytes = () => { try { return fs.statSync(path + "-wal").size; } catch { return 0; } };
const tick = () => {
  try {
    const size = walBytes();
    const now = Date.now();
    if (size >= restartBytes && now >= restartNotBefore) {
      const [result] = db.pragma("wal_checkpoint(TRUNCATE)");
      restartBackoffMs = result.busy ? Math.min(Math.max(restartBackoffMs * 2, 200), 2000) : 0;
      restartNotBefore = Date.now() + restartBackoffMs;
      lastCheckpoint = now;
    } else if (now - lastCheckpoint >= checkpointMs) {
      const [result] = db.pragma("wal_checkpoint(PASSIVE)");
      // Nothing written since the last round and everything copied back: the load has stopped.
      if (size > 0 && result.log === previousFrames && result.log === result.checkpointed) db.pragma("wal_checkpoint(TRUNCATE)");
      previousFrames = result.log;
      lastCheckpoint = now;
    } else {
      return;
    }
    if (failing) parentPort.postMessage({ ok: true });
    failing = false;
  } catch (error) {
    failing = true;
    parentPort.postMessage({ ok: false, code: error.code, message: String(error.message) });
  }
};
const timer = setInterval(tick, watchMs);
parentPort.on("message", (m) => { if (m === "stop") { clearInterval(timer); db.close(); process.exit(0); } });
`;

type WorkerReport = { ok: true } | { ok: false; code?: string; message: string };

/** Starts the checkpointer thread; `stop` ends it (tests; the server runs it until exit). */
export function startCheckpointer(): { stop: () => Promise<void> } {
  const databasePath = env().databasePath;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path: databasePath, watchMs: WATCH_INTERVAL_MS, checkpointMs: CHECKPOINT_EVERY_MS, restartBytes: WAL_SIZE_LIMIT_BYTES },
  });
  worker.on("message", (report: WorkerReport) => {
    if (report.ok) return storageRecovered("checkpoint");
    // SQLite says only "disk I/O error" when the file has been made read-only or immutable.
    const unwritable = report.code?.startsWith("SQLITE_IOERR") ? unwritableStorage(databasePath) : null;
    const error = Object.assign(new Error(unwritable?.message ?? report.message), { code: unwritable?.code ?? report.code });
    // A lock held a little longer than the worker's wait is no fault; it tries again next round.
    if (!storageUnavailable(error, "checkpoint")) logger.warn({ err: error }, "WAL checkpoint failed");
  });
  worker.on("error", (err) => logger.error({ err }, "WAL checkpointer stopped"));
  worker.unref();
  rawSqlite().pragma("wal_autocheckpoint = 0");
  enableWalBackPressure();
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
      }),
  };
}
