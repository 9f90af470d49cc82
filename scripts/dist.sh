#!/usr/bin/env bash
# Builds the release archives into dist/ (not in git), from a fresh clone:
#
#   dist/qiangxian-VERSION-linux-amd64.tar.gz
#   dist/qiangxian-VERSION-linux-arm64.tar.gz    (鲲鹏, 飞腾)
#   dist/qiangxian-VERSION-linux-loong64.tar.gz  (龙芯)
#   dist/SHA256SUMS and dist/SM3SUMS             (of the three archives)
#
# Each archive holds one folder qiangxian-VERSION-linux-ARCH/ with the static
# binary (CGO_ENABLED=0: the SQLite driver is pure Go; -trimpath; the version
# stamped into cli.Version; the front-end assets embedded), the systemd unit,
# the example TOML config and the nginx TLS reverse-proxy example of deploy/,
# and the Chinese operations guide. npm ci and scripts/assets.sh run first
# when the assets are missing. VERSION is the first argument, else
# $VERSION, else `git describe`. SM3SUMS is written by the amd64 binary's
# `qiangxian sm3sum` (GB/T 32905) when this machine runs it, else by
# `openssl dgst -sm3`.
#
# Usage: scripts/dist.sh [VERSION]
# DIST_ARCHES="amd64" builds only those, DIST_OUT=DIR writes there instead
# of dist/ (the install test, internal/disttest, uses both).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

version="${1:-${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}}"
case "$version" in
*[!A-Za-z0-9._+-]*)
	echo "dist: version '$version' may hold only letters, digits and . _ + -" >&2
	exit 2
	;;
esac

if [ ! -f internal/web/static/vendor/echarts.min.js ]; then
	if [ ! -d node_modules ]; then
		npm ci --no-audit --no-fund
	fi
	scripts/assets.sh
fi

out="${DIST_OUT:-dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -rf "$out"/qiangxian-* "$out/SHA256SUMS" "$out/SM3SUMS"
arches="${DIST_ARCHES:-amd64 arm64 loong64}"
archives=()
for arch in $arches; do
	name="qiangxian-$version-linux-$arch"
	dir="$out/$name"
	mkdir -p "$dir"
	echo "dist: building $dir/qiangxian" >&2
	# arm64: gmsm's SM3 instructions path (taken when the CPU reports the
	# SM3 extension) dies with SIGILL under qemu, and no arm64 hardware
	# checked it here: the portable Go code is used instead (purego).
	tags=""
	[ "$arch" = arm64 ] && tags="purego"
	CGO_ENABLED=0 GOOS=linux GOARCH="$arch" go build -trimpath -tags "$tags" \
		-ldflags "-s -w -X github.com/qiangxian/qiangxian/internal/cli.Version=$version" \
		-o "$dir/qiangxian" ./cmd/qiangxian
	install -m 0644 deploy/qiangxian.service deploy/qiangxian.toml deploy/nginx-qiangxian.conf "$dir/"
	install -m 0644 docs/运维手册.md LICENSE "$dir/"
	# Reproducible archive: fixed owner, order and times.
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00Z' \
		-C "$out" -czf "$out/$name.tar.gz" "$name"
	archives+=("$name.tar.gz")
done

# Each binary must say its version: amd64 natively, arm64 and loong64 under
# qemu-user when installed (Debian's qemu-user-static; no binfmt needed).
check() {
	got="$("$@" version)"
	if [ "$got" != "qiangxian $version" ]; then
		echo "dist: $* version said '$got', want 'qiangxian $version'" >&2
		exit 1
	fi
}
amd="$out/qiangxian-$version-linux-amd64/qiangxian"
native=""
if [ "$(uname -m)" = x86_64 ] && [ -x "$amd" ]; then
	check "$amd"
	native="$amd"
fi
for pair in arm64:aarch64 loong64:loongarch64; do
	arch=${pair%%:*}
	for q in "qemu-${pair#*:}-static" "qemu-${pair#*:}"; do
		if [ -d "$out/qiangxian-$version-linux-$arch" ] && command -v "$q" >/dev/null; then
			check "$q" "$out/qiangxian-$version-linux-$arch/qiangxian"
			echo "dist: $arch binary runs under $q" >&2
			break
		fi
	done
done

(cd "$out" && sha256sum "${archives[@]}" > SHA256SUMS)
if [ -n "$native" ]; then
	(cd "$out" && "$native" sm3sum "${archives[@]}" > SM3SUMS)
else
	(cd "$out" && for a in "${archives[@]}"; do
		echo "$(openssl dgst -sm3 -r "$a" | cut -d' ' -f1)  $a"
	done > SM3SUMS)
fi
for arch in $arches; do rm -rf "$out/qiangxian-$version-linux-$arch"; done
cat "$out/SHA256SUMS" "$out/SM3SUMS"
