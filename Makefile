# Two commands on a fresh machine (see README):
#   make run    the server with the Gansu demo on the embedded SQLite database
#   make test   every test, exactly as CI runs them (.ci/run installs what is missing)
export PATH := $(PATH):/usr/local/go/bin

.PHONY: run test assets build dist

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

# Release archives for linux/amd64, arm64 and loong64 (static binary, systemd
# unit, example config, nginx TLS example) with SHA256SUMS and SM3SUMS in
# dist/ (VERSION=… to name them; default git describe). Works from a fresh
# clone: npm ci runs when the assets are missing.
dist:
	scripts/dist.sh $(VERSION)
