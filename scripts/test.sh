#!/usr/bin/env bash
# npm test: lint, typecheck, unit and integration tests (Vitest, on both engines), the
# Playwright journeys in Debian's Chromium on both engines, and the cluster test (two app nodes
# behind Debian's nginx on PostgreSQL). Ends with one line
# "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results=test-reports
rm -rf "$results" && mkdir -p "$results"

step() { printf '\n=== %s ===\n' "$*"; }

# Debian packages the tests need, installed when absent (with sudo when not root).
apt_install() {
  step "installing $* with apt"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# Playwright cannot download browsers here: use Debian's Chromium and CJK fonts (STACK.md).
ensure_browser() {
  if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then return 0; fi
  apt_install chromium fonts-noto-cjk
}

# The PostgreSQL tests start a throw-away server from Debian's package (tests/support/postgres.ts).
ensure_postgres() {
  if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then return 0; fi
  apt_install postgresql
}

# The cluster test puts Debian's nginx in front of two app nodes (tests/cluster/nginx.ts).
ensure_nginx() {
  if [ -x /usr/sbin/nginx ]; then return 0; fi
  apt_install nginx
}

checks_passed=0
checks_failed=0
check() {
  local name=$1; shift
  step "$name"
  if "$@"; then checks_passed=$((checks_passed + 1)); echo "✓ $name"; else checks_failed=$((checks_failed + 1)); echo "✗ $name"; fi
}

check "lint (eslint)" npx eslint .
check "typecheck (tsc)" npx tsc --noEmit

ensure_postgres
step "unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/unit.json"

ensure_browser
step "journeys on SQLite (playwright)"
npx playwright test
step "journeys on PostgreSQL (playwright)"
E2E_ENGINE=postgresql npx playwright test

# On the journeys' production build: two app nodes on PostgreSQL behind nginx (tests/cluster/).
ensure_nginx
step "cluster: two app nodes, nginx, PostgreSQL (vitest)"
npx vitest run --config vitest.cluster.config.ts --reporter=default --reporter=json --outputFile.json="$results/cluster.json"

node scripts/test-summary.mjs "$checks_passed" "$checks_failed" "$results/unit.json" "$results/cluster.json" "$results/e2e-sqlite.json" "$results/e2e-postgresql.json"
