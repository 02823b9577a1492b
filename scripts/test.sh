#!/usr/bin/env bash
# The whole test suite, as a newcomer runs it: `npm test`.
#   1. typecheck
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

step "typecheck"
npx tsc -p tsconfig.json --noEmit || status=1

step "unit and API tests on PGlite"
npx vitest run --reporter=default --reporter=json --outputFile="$OUT/results-pglite.json" || status=1

step "the same suite on PostgreSQL ($(basename "$(dirname "$PG_BIN")"))"
T=$(mktemp -d -t phakhi-pg.XXXXXX); chmod 755 "$T"
PGPORT=${PHAKHI_TEST_PG_PORT:-$((55000 + RANDOM % 5000))}
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "cd / && $*"; else sh -c "$*"; fi; }
if [ "$(id -u)" = 0 ]; then install -d -o postgres "$T/pg" "$T/sock"; else mkdir -p "$T/pg" "$T/sock"; fi
stop_pg() { as_pg "$PG_BIN/pg_ctl -D $T/pg/data -m fast -w stop" >/dev/null 2>&1; rm -rf "$T"; }
trap stop_pg EXIT
if as_pg "$PG_BIN/initdb -D $T/pg/data -U app --auth=trust -E UTF8 --locale=C.UTF-8" >"$OUT/pg-init.log" 2>&1 \
  && as_pg "$PG_BIN/pg_ctl -D $T/pg/data -l $T/pg/log -w -o '-p $PGPORT -k $T/sock -c listen_addresses=127.0.0.1 -c fsync=off'" start >>"$OUT/pg-init.log" 2>&1; then
  PHAKHI_TEST_DATABASE_URL="postgres://app@127.0.0.1:$PGPORT/postgres" \
    npx vitest run --reporter=default --reporter=json --outputFile="$OUT/results-postgres.json" || status=1
else
  cat "$OUT/pg-init.log"; echo "Could not start PostgreSQL"; status=1
fi
stop_pg; trap - EXIT

step "end-to-end in Chromium"
npm run --silent build:web || status=1
echo "JavaScript a first visit downloads (scripts/bundle-size.ts):"
npx tsx scripts/bundle-size.ts || status=1
npx vitest run --config e2e/vitest.config.ts --reporter=default --reporter=json --outputFile="$OUT/results-e2e.json" || status=1

node scripts/test-summary.mjs "$OUT" || status=1
exit $status
