#!/usr/bin/env bash
# postgres.sh — make sure the PostgreSQL server the store tests use is
# running: 127.0.0.1:5432, user postgres with trust authentication on
# loopback, database "test" (the DSN postgres://postgres@127.0.0.1:5432/test).
# Installs Debian's postgresql when no server is installed, starts the
# cluster when it is down, and is a no-op when all is in place.
# Needs root (or sudo).
set -euo pipefail

HOST=127.0.0.1
PORT=5432
DB=test
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

ready() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls -d /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "postgres: apt-get install postgresql"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql postgresql-client >/dev/null
fi

VERSION=$(ls /etc/postgresql | sort -V | tail -n1)
CONF=/etc/postgresql/$VERSION/main

if ! ready; then
  echo "postgres: starting cluster $VERSION/main"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$VERSION" main start || true
  for _ in $(seq 1 30); do ready && break; sleep 1; done
fi
if ! ready; then
  echo "postgres: no server answers on $HOST:$PORT (see /var/log/postgresql/)" >&2
  exit 1
fi

# Trust authentication for loopback TCP, as the tests connect without a password.
if ! psql -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  echo "postgres: trusting loopback connections in $CONF/pg_hba.conf"
  $SUDO sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$CONF/pg_hba.conf"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$VERSION" main reload
  sleep 1
fi

if ! psql -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc "select 1 from pg_database where datname='$DB'" | grep -q 1; then
  echo "postgres: creating database $DB"
  psql -h "$HOST" -p "$PORT" -U postgres -d postgres -qc "CREATE DATABASE $DB"
fi

echo "postgres: $(psql -h "$HOST" -p "$PORT" -U postgres -d "$DB" -tAc 'show server_version') on $HOST:$PORT, database $DB"
