#!/usr/bin/env bash
# The whole test suite, as a newcomer runs it: `npm test`.
#   1. typecheck, lint (eslint) and formatting (prettier --check)
#   2. unit + API tests on the embedded database (PGlite)
#   3. the same suite on a throwaway PostgreSQL server (started and stopped here)
#   4. end-to-end flows in Debian's Chromium against the built app with demo data (after the bundle-size check)
# Needs Chromium, Thai fonts and PostgreSQL; installs them when running as root on Debian.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=test-output
mkdir -p "$OUT"
rm -f "$OUT"/results-*.json

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi tlwg || need+=(fonts-thai-tlwg)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${need[*]} (Debian packages)…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}") >"$OUT/apt.log" 2>&1 \
      || { tail -20 "$OUT/apt.log"; echo "Could not install ${need[*]}"; exit 1; }
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  else
    echo "Missing: ${need[*]}. Install them first, e.g.:"
    echo "  sudo apt-get install -y --no-install-recommends chromium fonts-thai-tlwg postgresql"
    exit 1
  fi
fi

status=0
step() { echo; echo "== $1"; }

step "typecheck, lint, formatting"
npx tsc -p tsconfig.json --noEmit || status=1
npx eslint . --max-warnings=0 || status=1
npx prettier --check . --log-level=warn || status=1

step "unit and API tests on PGlite"
npx vitest run --reporter=default --reporter=json --outputFile="$OUT/results-pglite.json" || status=1

step "the same suite on PostgreSQL ($(basename "$(dirname "$PG_BIN")"))"
bash scripts/with-postgres.sh npx vitest run --reporter=default --reporter=json --outputFile="$OUT/results-postgres.json" || status=1

step "end-to-end in Chromium"
npm run --silent build:web || status=1
echo "JavaScript a first visit downloads (scripts/bundle-size.ts):"
npx tsx scripts/bundle-size.ts || status=1
npx vitest run --config e2e/vitest.config.ts --reporter=default --reporter=json --outputFile="$OUT/results-e2e.json" || status=1

node scripts/test-summary.mjs "$OUT" || status=1
exit $status
