# Two commands on a fresh machine (see README):
#   make run    the server with the Gansu demo on the embedded SQLite database
#   make test   every test, exactly as CI runs them (.ci/run installs what is missing)
export PATH := $(PATH):/usr/local/go/bin

.PHONY: run test assets build release

run: assets
	go run ./cmd/qiangxian serve

test:
	./.ci/run

build: assets
	go build -o qiangxian ./cmd/qiangxian

# Front-end packages come from npm (package.json) and are embedded in the binary.
assets: internal/web/static/vendor/echarts.min.js

internal/web/static/vendor/echarts.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	scripts/assets.sh

# Static linux/amd64 and linux/arm64 binaries and SHA256SUMS in dist/
# (VERSION=… to name them; default git describe).
release:
	scripts/release.sh $(VERSION)
