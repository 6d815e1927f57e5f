// Shared by the backup tests: the CLI as a child process (as an operator runs it) and file modes.
import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** `npm run cli -- …` against the site `env` names (DATABASE_URL, DATA_DIR); the test's own by default. */
export const cliIn = (env: Record<string, string>, ...args: string[]) =>
  run(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "cli/index.ts", ...args], { env: { ...process.env, ...env }, timeout: 60_000 });

export const cli = (...args: string[]) => cliIn({}, ...args);

export const mode = (file: string) => statSync(file).mode & 0o777;
