#!/usr/bin/env bash
# Not in CI (it needs Citus built: /work/shared/tools/citus/build). Starts a throwaway Citus cluster
# (coordinator + 2 workers) and checks Phakhi on it end to end:
#   1. migrate and distribute a database (npm run cli -- distribute), then the demo seed through the coordinator;
#   2. row-level security on the workers: as the app role with one tenant set, only that tenant's rows are
#      visible and another tenant's row cannot be written; the ledger's guard trigger refuses an edit of a
#      posted entry; the demo's hash chains verify (npm run cli -- ledger-verify);
#   3. a representative part of the API suite on the coordinator (PHAKHI_TEST_CITUS=1: the harness gives each
#      test file a database with the extension and the workers, and distributes it after migrating);
#   4. the benchmark on the coordinator (every scenario must answer 2xx).
#   bash scripts/citus-check.sh            CITUS_TESTS="file …" to choose the API test files, BENCH_DURATION=s
set -uo pipefail
CITUS=${CITUS_TOOLS:-/work/shared/tools/citus}
T=$(mktemp -d -t phakhi-citus.XXXXXX); chmod 755 "$T"
PORT=$((9800 + RANDOM % 100))
trap '"$CITUS/cluster" stop "$T/c" >/dev/null 2>&1; rm -rf "$T"' EXIT
URL=$("$CITUS/cluster" start "$T/c" "$PORT" 2) || { echo "Could not start the Citus cluster (run $CITUS/build first)"; exit 1; }
echo "== Citus coordinator: $URL"
export DATABASE_URL="$URL" PHAKHI_DATA_DIR="$T/data"
fail=0
step() { echo "== $1"; shift; "$@" || { echo "!! failed: $*"; fail=1; }; }
step "migrate" npx tsx server/cli.ts migrate
step "distribute" npx tsx server/cli.ts distribute || exit 1
step "demo seed through the coordinator" npx tsx server/cli.ts seed-demo
step "ledger chains" npx tsx server/cli.ts ledger-verify chomphu
PSQL="psql $URL -qAt -v ON_ERROR_STOP=1"
A=$($PSQL -c "select id from tenants where slug = 'chomphu'"); B=$($PSQL -c "select id from tenants where slug = 'thakwang'")
rls() {
  local seen other entry
  seen=$($PSQL -c "begin; set local app.tenant_id = '$A'; set local role phakhi_app; commit;" -c "begin" -c "set local app.tenant_id = '$A'" -c "set local role phakhi_app" \
    -c "select (select count(*) from parties) || '/' || (select count(*) from parties where tenant_id = '$B')" -c "commit")
  echo "   as chomphu: parties visible/of thakwang = $seen (all: $($PSQL -c 'select count(*) from parties'))"
  [ "${seen#*/}" = 0 ] || return 1
  other=$($PSQL -c "begin" -c "set local app.tenant_id = '$A'" -c "set local role phakhi_app" \
    -c "insert into parties (tenant_id, kind, name, sector, pillar) values ('$B', 'person', 'x', 'locality', 'people')" -c "commit" 2>&1)
  echo "   insert of a thakwang row as chomphu: ${other:0:120}"
  grep -q "row-level security" <<<"$other" || return 1
  # as the owner (the app role may not even try: it has no UPDATE grant), so the worker's trigger is what refuses
  entry=$($PSQL -c "begin" \
    -c "update ledger_entries set amount_satang = amount_satang + 1 where tenant_id = '$A' and line_no = 1" -c "commit" 2>&1)
  echo "   edit of the posted ledger entries: ${entry:0:120}"
  grep -q "ledger_append_only" <<<"$entry"
}
step "row-level security and the ledger guard on the workers" rls
step "API tests on the coordinator" env PHAKHI_TEST_CITUS=1 PHAKHI_TEST_DATABASE_URL="$URL" npx vitest run --hookTimeout=900000 --testTimeout=180000 \
  ${CITUS_TESTS:-server/modules/networks/networks.test.ts server/modules/budget/ledger.test.ts server/modules/knowledge/knowledge.test.ts server/modules/accounts/accounts.test.ts}
step "benchmark on the coordinator" npx tsx bench/http.ts --url="$URL" --demo=postgres --targets=demo --connections="${BENCH_CONNECTIONS:-10}" --duration="${BENCH_DURATION:-5}"
[ $fail = 0 ] && echo "== Citus check passed" || echo "== Citus check FAILED"
exit $fail
