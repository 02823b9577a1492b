#!/usr/bin/env bash
# Not in CI (it needs Citus built: /work/shared/tools/citus/build). Starts a throwaway Citus cluster
# (coordinator + 2 workers), migrates and distributes a database on it (npm run cli -- distribute),
# runs a representative part of the API suite against the coordinator, then the benchmark on it.
#   bash scripts/citus-check.sh
# The API part is the benchmark's: the app started on the coordinator (migrations, demo seed), login, and
# the eight reads of every scenario, each of which must answer 2xx. The vitest suite itself does not run
# here: its harness makes a fresh database per file, and a new database on Citus needs the extension and
# the workers added to it first (not done yet; docs/operations/scaling.md).
set -uo pipefail
CITUS=${CITUS_TOOLS:-/work/shared/tools/citus}
T=$(mktemp -d -t phakhi-citus.XXXXXX); chmod 755 "$T"
PORT=$((9800 + RANDOM % 100))
trap '"$CITUS/cluster" stop "$T/c" >/dev/null 2>&1; rm -rf "$T"' EXIT
URL=$("$CITUS/cluster" start "$T/c" "$PORT" 2) || { echo "Could not start the Citus cluster (run $CITUS/build first)"; exit 1; }
echo "Citus coordinator: $URL"
export DATABASE_URL="$URL"
npx tsx server/cli.ts migrate && npx tsx server/cli.ts distribute || exit 1
npx tsx bench/http.ts --url="$URL" --demo=postgres --targets=demo --duration="${BENCH_DURATION:-5}"
