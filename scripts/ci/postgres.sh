#!/usr/bin/env bash
# Starts the Debian PostgreSQL server (installing it with apt when the machine lacks it) and creates
# a scratch role and database for the tests. Prints the connection URL on its last line, so that
# `export MARSAD_TEST_PG=$(scripts/ci/postgres.sh | tail -1)` is all a test run needs.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  as_root pg_createcluster "$(ls /usr/lib/postgresql | sort -n | tail -1)" main >/dev/null
fi
read -r version cluster port status _ < <(pg_lsclusters -h | head -1)
if [ "$status" != "online" ]; then as_root pg_ctlcluster "$version" "$cluster" start; fi
database="${MARSAD_PG_DATABASE:-marsad_test}"
psql_admin() { as_root runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'marsad'")" ]; then
  psql_admin -c "CREATE ROLE marsad LOGIN PASSWORD 'marsad' CREATEDB" >&2
fi
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
  psql_admin -c "CREATE DATABASE $database OWNER marsad" >&2
fi
echo "postgres://marsad:marsad@127.0.0.1:$port/$database"
