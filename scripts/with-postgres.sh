#!/usr/bin/env bash
# Run one command against a throwaway PostgreSQL cluster, e.g.
#   bash scripts/with-postgres.sh npx vitest run server/modules/plans
# The cluster lives in a temp folder on a random port and is removed afterwards; the command sees
# PHAKHI_TEST_DATABASE_URL (used by the test harness) and DATABASE_URL.
set -uo pipefail
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PG_BIN" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)"; exit 1; }
T=$(mktemp -d -t phakhi-pg.XXXXXX); chmod 755 "$T"
PGPORT=$((55000 + RANDOM % 5000))
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "cd / && $*"; else sh -c "$*"; fi; }
if [ "$(id -u)" = 0 ]; then install -d -o postgres "$T/pg" "$T/sock"; else mkdir -p "$T/pg" "$T/sock"; fi
stop_pg() { as_pg "$PG_BIN/pg_ctl -D $T/pg/data -m fast -w stop" >/dev/null 2>&1; rm -rf "$T"; }
trap stop_pg EXIT
as_pg "$PG_BIN/initdb -D $T/pg/data -U app --auth=trust -E UTF8 --locale=C.UTF-8" >"$T/init.log" 2>&1 \
  && as_pg "$PG_BIN/pg_ctl -D $T/pg/data -l $T/pg/log -w -o '-p $PGPORT -k $T/sock -c listen_addresses=127.0.0.1 -c fsync=off'" start >>"$T/init.log" 2>&1 \
  || { cat "$T/init.log"; echo "Could not start PostgreSQL"; exit 1; }
export PHAKHI_TEST_DATABASE_URL="postgres://app@127.0.0.1:$PGPORT/postgres"
export DATABASE_URL="$PHAKHI_TEST_DATABASE_URL"
"$@"
