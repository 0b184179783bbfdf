# Rare-Earth Outlook: install tools, build the release site, serve it, test and benchmark it.
# `make serve` and `make test` install whatever is missing first (scripts/install-tools.sh); see README.md "Set-up".

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# node_modules/.bin first: Trunk must find binaryen 132's wasm-opt, not an older system one.
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROME_PATH ?= /usr/bin/chromium
export PHASE_LOG ?= $(CURDIR)/target/phase-times.txt

PORT ?= 8080
SIZE_BUDGET_KB ?= 200
PHASE := scripts/phase.sh
E2E_TESTS = $(wildcard tests/e2e/*.test.mjs)

.PHONY: help tools tools-browser fetch build size size-detail serve test lint unit wasm-test e2e bench clean-site icons js-api-test test-hooks-site fuzz

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  make %-12s %s\n", $$1, $$2 }'

tools: ## install the build tools that are missing (wasm32 target, trunk, wasm-bindgen, wasm-pack, node packages)
	@scripts/install-tools.sh

tools-browser: ## tools plus Debian's chromium and chromedriver
	@scripts/install-tools.sh --browser

fetch: ## download the crates for the offline build
	cargo fetch

build: tools fetch ## build the release site into dist/ (wasm-opt -Oz, hashed names, CSP, service worker)
	trunk build --release
	@python3 scripts/size_report.py dist --budget-kb $(SIZE_BUDGET_KB) --json target/size-report.json --warn-only

size: ## print the gzipped size of the shipped wasm and js (after a build); fails over the budget, like make test
	@python3 scripts/size_report.py dist --budget-kb $(SIZE_BUDGET_KB) --json target/size-report.json

size-detail: ## where the shipped wasm bytes go: code by crate and the largest functions (after a build)
	@mkdir -p target/size-detail
	@wasm-bindgen --target web --out-dir target/size-detail target/wasm32-unknown-unknown/release/ree-web.wasm
	@wasm-opt -Oz -g --converge target/size-detail/ree-web_bg.wasm -o target/size-detail/named.wasm
	@python3 scripts/wasm_sizes.py target/size-detail/named.wasm

serve: build ## build the release site and serve it at http://127.0.0.1:$(PORT)
	python3 scripts/serve.py dist --port $(PORT)

lint: ## cargo fmt --check and clippy (native and wasm32), warnings are errors
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

unit: ## native tests (library and command-line tool)
	cargo test

wasm-test: ## wasm-bindgen tests in headless Chromium (tests/wasm_*.rs)
	scripts/wasm-test.sh

JS_API_PKG := target/js-api/pkg-node

js-api-test: ## build the JavaScript API with wasm-pack (nodejs target), test it from Node against the native CLI, run README.md's JavaScript blocks
	wasm-pack build --dev --target nodejs --out-dir $(JS_API_PKG) --no-opt --mode no-install . --features js-api
	cargo build --bin ree-outlook
	REE_JS_API_PKG=$(CURDIR)/$(JS_API_PKG) REE_OUTLOOK_BIN=$(CURDIR)/target/debug/ree-outlook node --test tests/js-api/test.mjs
	node --test --test-timeout=600000 tests/js-api/readme.test.mjs

test-hooks-site: ## the site again with the test-hooks feature (#debug-panic=1), into target/dist-test-hooks, for the error-panel test
	trunk build --release --features test-hooks --dist target/dist-test-hooks

fuzz: ## the link decoder's fuzz-style properties, 100,000 cases each from a new seed (make test runs 2,000 from a fixed one)
	REE_FUZZ_CASES=100000 REE_FUZZ_SEED=$$(date +%s) cargo test --test url -- never_panic read_a_link_alike

e2e: ## end-to-end tests against the built dist/ (run `make build` and `make test-hooks-site` first)
	node --test --test-concurrency=1 --test-timeout=240000 $(E2E_TESTS)

test: ## install everything missing, then lint, native tests, wasm tests, release build, size gate and end-to-end tests
	@$(PHASE) --reset
	@$(PHASE) tools scripts/install-tools.sh --browser
	@$(PHASE) fetch cargo fetch
	@$(PHASE) fmt cargo fmt --all -- --check
	@$(PHASE) clippy cargo clippy --all-targets -- -D warnings
	@$(PHASE) clippy-wasm cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
	@$(PHASE) cargo-test cargo test
	@$(PHASE) wasm-test scripts/wasm-test.sh
	@$(PHASE) js-api $(MAKE) --no-print-directory js-api-test
	@$(PHASE) build trunk build --release
	@$(PHASE) size-gate python3 scripts/size_report.py dist --budget-kb $(SIZE_BUDGET_KB) --json target/size-report.json
	@$(PHASE) build-test-hooks $(MAKE) --no-print-directory test-hooks-site
	@$(PHASE) e2e node --test --test-concurrency=1 --test-timeout=240000 $(E2E_TESTS)
	@$(PHASE) --summary

bench: ## benchmarks (not part of make test): native and wasm model benches, then key press to frame, first data frame, size, Lighthouse
	@$(PHASE) --reset
	@$(PHASE) tools scripts/install-tools.sh --browser
	@if [ -f benches/model.rs ]; then $(PHASE) bench-model cargo bench --bench model; else echo "bench: no benches/model.rs, skipping the native model bench"; fi
	@# LTO off for the wasm bench only: with fat LTO the wasm test binaries fail to link ("failed to load bitcode of module js_sys").
	@if [ -f tests/bench_wasm.rs ]; then CARGO_PROFILE_BENCH_LTO=false $(PHASE) bench-wasm scripts/wasm-test.sh --cargo --release --test bench_wasm -- --nocapture; else echo "bench: no tests/bench_wasm.rs, skipping the wasm model bench"; fi
	@$(PHASE) build trunk build --release
	@$(PHASE) size python3 scripts/size_report.py dist --json target/size-report.json
	@$(PHASE) bench-e2e node tests/e2e/bench-latency.mjs
	@$(PHASE) bench-claims node tests/e2e/bench-claims.mjs
	@$(PHASE) --summary

icons: ## regenerate www/icons/*.png (committed; only needed after changing scripts/make_icons.py)
	python3 scripts/make_icons.py

clean-site: ## remove the built site (dist/) only; never touches target/
	rm -rf dist
