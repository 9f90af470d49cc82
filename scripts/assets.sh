#!/usr/bin/env bash
# Copies the front-end assets that the binary embeds from node_modules into
# internal/web/static/vendor/ (not in git). Run after `npm ci`; then build.
# Without them the server still builds and runs: its pages show tables
# where they would draw charts, and say so.
set -euo pipefail
cd "$(dirname "$0")/.."
src=node_modules/echarts/dist/echarts.min.js
if [ ! -f "$src" ]; then
	echo "assets: $src is missing; run 'npm ci' first" >&2
	exit 1
fi
mkdir -p internal/web/static/vendor
cp "$src" internal/web/static/vendor/echarts.min.js
cp node_modules/echarts/LICENSE internal/web/static/vendor/echarts.LICENSE.txt
echo "assets: internal/web/static/vendor/echarts.min.js ($(wc -c < internal/web/static/vendor/echarts.min.js) bytes)"
