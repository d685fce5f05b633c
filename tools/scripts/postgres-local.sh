#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on 127.0.0.1 for tests (CI and developers alike).
#   tools/scripts/postgres-local.sh start <dir> <port>   -> prints the DATABASE_URL
#   tools/scripts/postgres-local.sh stop  <dir>
# PostgreSQL refuses to run as root, so as root it runs as the "postgres" user (created if missing).
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?start|stop}; dir=${2:?data dir}; port=${3:-54329}

as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "$cmd" in
  start)
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$PGBIN/initdb -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    as_pg "$PGBIN/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -o \"-h 127.0.0.1 -p $port -k '$dir' -c fsync=off -c max_connections=200\" start >/dev/null"
    as_pg "$PGBIN/createdb -h 127.0.0.1 -p $port -U postgres frontdoor"
    echo "postgres://postgres@127.0.0.1:$port/frontdoor"
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl -D '$dir/data' -m fast stop >/dev/null" || true
    ;;
  *) echo "usage: $0 start|stop <dir> [port]" >&2; exit 2 ;;
esac
