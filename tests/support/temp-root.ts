// One temporary folder per test run, removed when the run ends: every folder a test makes with
// mkdtemp under os.tmpdir() (data folders, backups, throw-away servers) lands inside it, so a run
// leaves nothing behind in /tmp even where a test does not clean up after itself.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Called by each project's global setup; the first creates the folder, and removes it at the end. */
export function makeRunTempRoot(): () => void {
  if (process.env.JSJB_TEST_TMP) return () => {};
  const root = mkdtempSync(path.join(tmpdir(), "jsjb-test-run-"));
  // Traversable: as root, the throw-away PostgreSQL runs as the postgres user in a folder inside.
  chmodSync(root, 0o711);
  process.env.JSJB_TEST_TMP = root;
  process.env.TMPDIR = root; // os.tmpdir() here and in every test worker started after this
  return () => rmSync(root, { recursive: true, force: true });
}
