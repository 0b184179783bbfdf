#!/usr/bin/env bash
# Runs wasm-bindgen tests in headless Chromium through wasm-pack, with Debian's chromedriver.
# No arguments: every tests/wasm_*.rs (the `make test` layer). With arguments: passed to `wasm-pack test ... .`,
# e.g. `scripts/wasm-test.sh --release --test x`; `--cargo ARGS` runs `cargo test --target wasm32-unknown-unknown ARGS`
# with the same runner and browser, e.g. `scripts/wasm-test.sh --cargo --release --test bench_wasm -- --nocapture`
# (the wasm model benchmark of `make bench`).
set -euo pipefail
cd "$(dirname "$0")/.."

export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="${WASM_BINDGEN_TEST_WEBDRIVER_JSON:-$PWD/scripts/webdriver.json}"

if [[ "${1:-}" == "--cargo" ]]; then
  # Straight through cargo with wasm-bindgen's runner, as wasm-pack does, but without the `--tests` wasm-pack adds
  # (which builds every test target; with the release profile's LTO some of them fail to link).
  shift
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER:-wasm-bindgen-test-runner}"
  export WASM_BINDGEN_TEST_ONLY_WEB=1
  exec cargo test --target wasm32-unknown-unknown "$@"
fi
if (( $# > 0 )); then
  exec wasm-pack test --headless --chrome --mode no-install . "$@"
fi

shopt -s nullglob
files=(tests/wasm_*.rs)
if (( ${#files[@]} == 0 )); then
  echo "wasm-test: no tests/wasm_*.rs found: the browser test layer is missing" >&2
  exit 1
fi
targets=()
for f in "${files[@]}"; do
  targets+=(--test "$(basename "$f" .rs)")
done
echo "wasm-test: ${files[*]}"
exec wasm-pack test --headless --chrome --mode no-install . "${targets[@]}"
