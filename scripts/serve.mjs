// The production server `npm start` runs (scripts/start.ts), in place of `next start`: Next's
// documented custom-server API behind a plain node:http server, so that every request carries
// the client address the server itself derived. Next only fills X-Forwarded-For from the socket
// when the header is absent, so behind `next start` a client could send any address it liked and
// walk around every per-address limit (issue 9, item 9).
//
//   node scripts/serve.mjs [-p PORT] [-H HOSTNAME]      (defaults: PORT from the environment, or 3000)
//
// TRUSTED_PROXY_HOPS (validated by lib/env.ts when started through scripts/start.ts): how many
// reverse proxies in front of this server append to X-Forwarded-For. 0 (the default) uses the
// socket address and ignores the header.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { settleForwardedHeaders } from "../lib/domain/client-address.js";

// Owner-only files (photos, the database's -wal/-shm, logs) also when run without scripts/start.ts,
// which sets the same umask (lib/env.ts restrictNewFilesToOwner).
process.umask(0o077);

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function fail(message) {
  process.stderr.write(`[serve] ${message}\n`);
  process.exit(1);
}

/** `-p 3000`, `--port 3000`, `--port=3000` (and the same for -H / --hostname), as `next start` takes them. */
function option(short, long) {
  const args = process.argv.slice(2);
  for (const [i, arg] of args.entries()) {
    if (arg === short || arg === long) return args[i + 1];
    if (arg.startsWith(`${long}=`)) return arg.slice(long.length + 1);
  }
  return undefined;
}

const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail("端口应为 1–65535 之间的整数");
const hostname = option("-H", "--hostname");
const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
if (!Number.isInteger(trustedHops) || trustedHops < 0) fail("TRUSTED_PROXY_HOPS 应为 0 或正整数（可信反向代理的层数）");

const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();
const handleUpgrade = app.getUpgradeHandler();

// Every request, before Next.js sees it: see settleForwardedHeaders.
const server = createServer((req, res) => {
  settleForwardedHeaders(req.headers, req.socket.remoteAddress, trustedHops);
  handle(req, res).catch((error) => {
    process.stderr.write(`[serve] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("upgrade", (req, socket, head) => {
  settleForwardedHeaders(req.headers, req.socket.remoteAddress, trustedHops);
  handleUpgrade(req, socket, head);
});

// Like `next start`: stop accepting, let requests in flight finish, close Next (its `after`
// callbacks), then exit with the signal's code. A stuck connection does not hold the exit forever.
// The background jobs (lib/jobs.ts) listen for the same signals and stop at once: the scheduler's
// leader gives its lock up before the drain, so another node leads at its next round; the exit
// waits for that.
let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(signal === "SIGINT" ? 130 : 143), 10_000).unref();
  server.close(() => {
    app
      .close()
      .catch((error) => process.stderr.write(`[serve] ${String(error)}\n`))
      // Set by lib/jobs.ts when it saw the signal; a process exit would free the lock as well.
      .then(() => globalThis.jsjbBackgroundJobsStopped)
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

server.on("error", (error) => fail(error instanceof Error ? error.message : String(error)));
// Without -H, every interface, as `next start` does.
server.listen(port, hostname, () => {
  process.stderr.write(`[serve] ready on http://${hostname ?? "localhost"}:${port} (trusted proxy hops: ${trustedHops})\n`);
});
