#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the store tests and prints the
# shell lines that point the tests at it:
#
#   eval "$(scripts/pg-test.sh start)"   # sets TEST_POSTGRES_DSN and PG_TEST_DIR
#   go test ./internal/store/
#   scripts/pg-test.sh stop "$PG_TEST_DIR"
#
# The cluster listens on 127.0.0.1 only, on a free port, with its data under a
# fresh temporary folder; fsync is off because the data is disposable. initdb
# refuses to run as root, so as root the cluster runs as the postgres OS user
# (the apt package creates it). Progress goes to stderr, the export lines to
# stdout; any failure exits non-zero so that CI fails rather than skips.
set -euo pipefail

usage() { echo "usage: $0 start | stop DIR" >&2; exit 2; }

bindir() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		[ -x "$d/initdb" ] && { echo "$d"; return; }
	done
	command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return; }
	echo "pg-test: initdb not found (apt-get install postgresql)" >&2
	exit 1
}

# as runs a command as the cluster's owner.
as() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

freeport() {
	local p
	for _ in $(seq 1 50); do
		p=$((20000 + RANDOM % 40000))
		# A refused connection means nobody listens there.
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
	done
	echo "pg-test: no free port found" >&2
	exit 1
}

start() {
	local bin dir port db=qiangxian_test
	bin=$(bindir)
	dir=$(mktemp -d /tmp/qx-pg.XXXXXX)
	chmod 755 "$dir"
	[ "$(id -u)" = 0 ] && chown postgres: "$dir"
	port=$(freeport)
	as "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; echo "pg-test: initdb failed" >&2; exit 1; }
	as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >&2 ||
		{ cat "$dir/server.log" >&2; echo "pg-test: server did not start" >&2; exit 1; }
	for _ in $(seq 1 30); do
		as "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q && break
		sleep 1
	done
	as "$bin/pg_isready" -h 127.0.0.1 -p "$port" >&2 || { echo "pg-test: server not ready" >&2; exit 1; }
	as "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db" >&2
	echo "export PG_TEST_DIR=$dir"
	echo "export TEST_POSTGRES_DSN=postgres://postgres@127.0.0.1:$port/$db?sslmode=disable"
}

stop() {
	local dir=${1:-${PG_TEST_DIR:-}}
	[ -n "$dir" ] && [ -d "$dir/data" ] || { echo "pg-test: no cluster folder given" >&2; exit 2; }
	as "$(bindir)/pg_ctl" -D "$dir/data" -m immediate stop >&2 || true
	rm -rf "$dir"
}

case "${1:-start}" in
start) start ;;
stop) shift; stop "$@" ;;
*) usage ;;
esac
