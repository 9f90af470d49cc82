#!/usr/bin/env bash
# Copies the front-end assets that the binary embeds from node_modules into
# internal/web/static/vendor/ (not in git). Run after `npm ci`; then build.
# Without them the server still builds and runs: its pages show tables
# where they would draw charts, and say so, and use the fonts of the
# reader's system.
set -euo pipefail
cd "$(dirname "$0")/.."
src=node_modules/echarts/dist/echarts.min.js
font=node_modules/@fontsource/noto-sans-sc
for f in "$src" "$font/400.css" "$font/700.css"; do
	if [ ! -f "$f" ]; then
		echo "assets: $f is missing; run 'npm ci' first" >&2
		exit 1
	fi
done
out=internal/web/static/vendor
rm -rf "$out"
mkdir -p "$out/fonts/files"
cp "$src" "$out/echarts.min.js"
cp node_modules/echarts/LICENSE "$out/echarts.LICENSE.txt"

# Noto Sans SC (SIL Open Font Licence), regular and bold, in the
# unicode-range subsets that browsers fetch only as a page needs them; the
# .woff fallbacks are dropped (every browser in use reads woff2).
cat "$font/400.css" "$font/700.css" |
	sed -e "s/, url(\.\/files\/[^)]*\.woff) format('woff')//" > "$out/fonts/noto-sans-sc.css"
for w in 400 700; do
	cp "$font"/files/noto-sans-sc-*-"$w"-normal.woff2 "$out/fonts/files/"
done
cp "$font/LICENSE" "$out/fonts/OFL.txt"
echo "assets: $out/echarts.min.js ($(wc -c < "$out/echarts.min.js") bytes), fonts ($(du -sh "$out/fonts" | cut -f1))"
