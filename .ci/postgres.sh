#!/usr/bin/env bash
# Make a PostgreSQL database for the store tests, idempotently: install the Debian packages when
# missing, create and start a cluster, create the role and the database, and print the SQLAlchemy URL
# on stdout (everything else goes to stderr). Usage in CI:
#   export MARSAD_TEST_PG_URL="$(.ci/postgres.sh)"
# Needs root (apt-get, and running commands as the postgres user).
set -euo pipefail

PG_USER="${MARSAD_PG_USER:-marsad}"
PG_PASSWORD="${MARSAD_PG_PASSWORD:-marsad}"
PG_DB="${MARSAD_PG_DB:-marsad_test}"

log() { echo "postgres.sh: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null; then
  log "installing postgresql (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$VERSION main"; then
  log "creating cluster $VERSION/main"
  pg_createcluster "$VERSION" main >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  log "starting cluster $VERSION/main on port $PORT"
  pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 60); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || { log "server on port $PORT did not become ready"; exit 1; }

psql_admin() { runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -tA "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
  log "creating role $PG_USER"
  psql_admin -c "CREATE ROLE \"$PG_USER\" LOGIN PASSWORD '$PG_PASSWORD'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]; then
  log "creating database $PG_DB"
  psql_admin -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\"" >&2
fi

echo "postgresql+psycopg://$PG_USER:$PG_PASSWORD@127.0.0.1:$PORT/$PG_DB"
