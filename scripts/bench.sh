#!/usr/bin/env bash
# Measures qiangxian's speed and memory: the Go benchmarks of the engine and
# calculators, and end-to-end command-line runs. Prints the machine and date
# first so that the figures can be pasted into docs/PERFORMANCE.md.
# Usage: scripts/bench.sh [go test -bench pattern]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
pattern=${1:-.}

echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "go:      $(go version)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg)"
echo

echo "== Go benchmarks (one core: -cpu 1)"
go test -run '^$' -bench "$pattern" -benchmem -cpu 1 -count 3 ./internal/engine/ | grep -E '^(Benchmark|ok|FAIL)'

echo
echo "== Command line: COINr's example, full pipeline (build, then 20 runs)"
bin=$(mktemp -d)/qiangxian
go build -o "$bin" ./cmd/qiangxian
out=$(mktemp -d)
start=$(date +%s%N)
for _ in $(seq 20); do
	"$bin" evaluate --imeta testdata/asem/ASEM_iMeta.csv --idata testdata/asem/ASEM_iData.csv \
		--denominate --impute mean-group:EurAsia_group --screen 0.9 --treat default \
		--normalise minmax:0,100 --aggregate amean --out "$out/r.csv" >/dev/null
done
end=$(date +%s%N)
echo "evaluate (process start, read, pipeline, write): $(( (end - start) / 20000000 )) ms per run"
[ -x /usr/bin/time ] && /usr/bin/time -f "peak RSS: %M KiB" "$bin" evaluate --imeta testdata/asem/ASEM_iMeta.csv --idata testdata/asem/ASEM_iData.csv \
	--denominate --impute mean-group:EurAsia_group --screen 0.9 --treat default \
	--normalise minmax:0,100 --aggregate amean --out "$out/r.csv" 2>&1 >/dev/null | tail -1 || true
rm -rf "$out" "$(dirname "$bin")"
