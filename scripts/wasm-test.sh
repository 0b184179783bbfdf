#!/usr/bin/env bash
# Runs the wasm-bindgen tests (tests/wasm_*.rs) in headless Chromium through wasm-pack, with Debian's chromedriver.
set -euo pipefail
cd "$(dirname "$0")/.."

shopt -s nullglob
files=(tests/wasm_*.rs)
if (( ${#files[@]} == 0 )); then
  echo "wasm-test: no tests/wasm_*.rs found: the browser test layer is missing" >&2
  exit 1
fi
targets=()
for f in "${files[@]}"; do
  name=$(basename "$f" .rs)
  targets+=(--test "$name")
done

export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="${WASM_BINDGEN_TEST_WEBDRIVER_JSON:-$PWD/scripts/webdriver.json}"
echo "wasm-test: ${files[*]}"
exec wasm-pack test --headless --chrome --mode no-install . "${targets[@]}"
