// Starts the server's background work once per Node.js server process: the notification
// outbox and deadline loops (lib/jobs.ts) and the WAL checkpointer (lib/checkpointer.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startBackgroundJobs } = await import("./lib/jobs");
    const { startCheckpointer } = await import("./lib/checkpointer");
    const { env } = await import("./lib/env");
    startBackgroundJobs();
    if (env().databaseEngine === "sqlite") startCheckpointer(); // a WAL file is SQLite's
  }
}
