// Debian's nginx in front of the cluster's app nodes, with the repository's site config
// (deploy/nginx/jsjb.conf): a copy in which only the `listen` address and the upstream `server`
// addresses are replaced, every other line as an operator installs it. An unprivileged process
// (as root: the `nobody` user) with its own prefix, pid and temp paths, in the foreground.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const NGINX = "/usr/sbin/nginx";
const SITE_CONFIG = path.resolve(import.meta.dirname, "../../deploy/nginx/jsjb.conf");

/** The site config with its placeholders replaced; throws if the file no longer has the shape the substitution expects. */
export function siteConfigFor(listen: string, nodes: string[]): string {
  const config = readFileSync(SITE_CONFIG, "utf8");
  const servers = [...config.matchAll(/^(\s*server\s+)\S+:\d+((?:\s+[^;\s]+)*;)$/gm)];
  const listens = [...config.matchAll(/^(\s*listen\s+)\S+;$/gm)];
  if (servers.length < 1 || listens.length !== 1) throw new Error(`${SITE_CONFIG}: expected one "listen" line and "server ADDRESS:PORT …;" lines`);
  const parameters = servers[0]![2]!;
  // The first node line takes all the test's nodes (same parameters); the others go.
  let first = true;
  return config
    .replace(/^(\s*server\s+)\S+:\d+((?:\s+[^;\s]+)*;)\n/gm, (_line, indent: string) => {
      if (!first) return "";
      first = false;
      return nodes.map((node) => `${indent}${node}${parameters}\n`).join("");
    })
    .replace(/^(\s*listen\s+)\S+;$/m, (_line, indent: string) => `${indent}${listen};`);
}

export type Nginx = { url: string; stop: () => Promise<void>; log: () => string };

export async function startNginx(dir: string, port: number, nodes: string[]): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error("nginx is not installed: apt-get install -y nginx");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "jsjb.conf"), siteConfigFor(`127.0.0.1:${port}`, nodes));
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${path.join(dir, "error.log")} warn;`,
      "events { worker_connections 1024; }",
      "http {",
      "  access_log off;",
      `  ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}`,
      `  include ${path.join(dir, "jsjb.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const args = ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")];
  let child: ChildProcess;
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "nobody"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "nobody"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
    // setpriv execs nginx itself (no process in between), so the child's pid is nginx's master.
    child = spawn("setpriv", ["--reuid", String(uid), "--regid", String(gid), "--clear-groups", NGINX, ...args], { stdio: "ignore" });
  } else {
    child = spawn(NGINX, args, { stdio: "ignore" });
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = () => (existsSync(path.join(dir, "error.log")) ? readFileSync(path.join(dir, "error.log"), "utf8") : "");
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${log()}`);
    try {
      await fetch(`${url}/nginx-up`);
      break;
    } catch {
      if (i > 100) throw new Error(`nginx did not start: ${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    log,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
