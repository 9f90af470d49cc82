#!/usr/bin/env bash
# Builds the release binaries into dist/ (not in git):
#
#   dist/qiangxian-VERSION-linux-amd64
#   dist/qiangxian-VERSION-linux-arm64
#   dist/SHA256SUMS
#
# Static binaries (CGO_ENABLED=0: the SQLite driver is pure Go), built with
# -trimpath so that no path of this machine is in them, the version stamped
# into cli.Version, and the front-end assets embedded (npm ci and
# scripts/assets.sh are run first when node_modules is missing). VERSION is
# the first argument, else $VERSION, else `git describe`.
#
# Usage: scripts/release.sh [VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

version="${1:-${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}}"
case "$version" in
*[!A-Za-z0-9._+-]*)
	echo "release: version '$version' may hold only letters, digits and . _ + -" >&2
	exit 2
	;;
esac

if [ ! -f internal/web/static/vendor/echarts.min.js ]; then
	if [ ! -d node_modules ]; then
		npm ci --no-audit --no-fund
	fi
	scripts/assets.sh
fi

out=dist
mkdir -p "$out"
rm -f "$out"/qiangxian-*-linux-* "$out/SHA256SUMS"
for arch in amd64 arm64; do
	bin="$out/qiangxian-$version-linux-$arch"
	echo "release: building $bin" >&2
	CGO_ENABLED=0 GOOS=linux GOARCH="$arch" go build -trimpath \
		-ldflags "-s -w -X github.com/qiangxian/qiangxian/internal/cli.Version=$version" \
		-o "$bin" ./cmd/qiangxian
done
# Each binary must say its version: amd64 natively, arm64 under qemu-user
# when installed (Debian's qemu-user; no binfmt needed), else `file` is shown.
check() {
	got="$("$@" version)"
	if [ "$got" != "qiangxian $version" ]; then
		echo "release: $* version said '$got', want 'qiangxian $version'" >&2
		exit 1
	fi
}
check "$out/qiangxian-$version-linux-amd64"
if command -v qemu-aarch64 >/dev/null; then
	check qemu-aarch64 "$out/qiangxian-$version-linux-arm64"
	echo "release: arm64 binary runs under qemu-aarch64" >&2
else
	file "$out/qiangxian-$version-linux-arm64" >&2 || true
fi
(cd "$out" && sha256sum qiangxian-"$version"-linux-* > SHA256SUMS)
cat "$out/SHA256SUMS"
