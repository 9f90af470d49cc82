#!/usr/bin/env bash
# Measures page and API latencies under load: starts `qiangxian serve` with
# the demo on a fresh SQLite file (and, when TEST_POSTGRES_DSN is set, in a
# fresh schema of that PostgreSQL database, made with psql), on loopback, and runs cmd/qxload
# against it: 50 concurrent clients per page, at most REQUESTS requests or
# DURATION per page. Prints the machine, date and load first so that the
# figures can be pasted into docs/PERFORMANCE.md. Not part of CI.
# Usage: scripts/loadtest.sh [qxload flags, e.g. -requests 2000 -duration 20s]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "go:      $(go version)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg)"

tmp=$(mktemp -d)
pid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
go build -o "$tmp/qiangxian" ./cmd/qiangxian
go build -o "$tmp/qxload" ./cmd/qxload
password="Load-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-Aa1!"

# cpu PID: the process's user and system CPU time so far, in clock ticks.
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure DB NAME: serves DB with the demo on a free loopback port and
# measures it.
measure() {
	local port
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	"$tmp/qiangxian" serve --db "$1" --addr "127.0.0.1:$port" --admin-password "$password" \
		>"$tmp/$2.log" 2>&1 &
	pid=$!
	for _ in $(seq 120); do
		curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
		sleep 1
	done
	echo
	echo "== $2"
	local before after
	before=$(cpu "$pid")
	"$tmp/qxload" -url "http://127.0.0.1:$port" -admin-password "$password" "${@:3}" | tee "$tmp/$2.out"
	after=$(cpu "$pid")
	# The server's own CPU time per request is what a busy machine does not
	# distort: the latencies include waiting for the cores.
	awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" \
		'NF >= 7 && $(NF-5) ~ /^[0-9]+$/ { n += $(NF-5) } END { if (n) printf "server CPU: %.1f s for %d requests, %.2f ms a request\n", t/hz, n, 1000*t/hz/n }' "$tmp/$2.out"
	echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	pid=""
}

measure "$tmp/load.db" sqlite "$@"
if [ -n "${TEST_POSTGRES_DSN:-}" ]; then
	# A schema of its own, so that the demo loads into an empty database.
	schema="qxload_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
	psql -q "$TEST_POSTGRES_DSN" -c "CREATE SCHEMA $schema"
	sep="?"; [[ "$TEST_POSTGRES_DSN" == *\?* ]] && sep="&"
	measure "$TEST_POSTGRES_DSN${sep}search_path=$schema" postgres "$@"
	PGOPTIONS="-c client_min_messages=warning" psql -q "$TEST_POSTGRES_DSN" -c "DROP SCHEMA $schema CASCADE"
fi
