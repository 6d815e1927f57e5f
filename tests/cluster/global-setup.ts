// The cluster runs the production server on the existing build (scripts/test.sh runs this after
// the journeys, which build); alone, without a build, it builds once.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export default function setup() {
  const root = path.resolve(import.meta.dirname, "../..");
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  process.stderr.write("[cluster] no production build: building once\n");
  execFileSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
}
