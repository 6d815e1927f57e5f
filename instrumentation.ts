// Starts the server's background jobs (notification outbox) once per Node.js server process.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startBackgroundJobs } = await import("./lib/jobs");
    startBackgroundJobs();
  }
}
