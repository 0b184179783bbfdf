#!/usr/bin/env bash
# Installs the build and test tools Rare-Earth Outlook needs, from the package registries only, skipping what is already
# present at the right version. Usage: scripts/install-tools.sh [--browser]   (--browser: also Debian's chromium + chromedriver)
set -euo pipefail

cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
WASM_PACK_VERSION=0.15.1
WASM_TARGET=wasm32-unknown-unknown
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$PWD/node_modules/.bin:$CARGO_BIN:$PATH"

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "install-tools: unknown argument '$arg' (use --browser)" >&2; exit 2 ;;
  esac
done

# fail TOOL FIX-COMMAND: stop with a message naming the tool and how to fix it.
fail() {
  echo >&2
  echo "install-tools: ERROR: could not install $1." >&2
  echo "install-tools: fix it by running:  $2" >&2
  echo "install-tools: (then run make again; installs already done are kept and skipped)" >&2
  exit 1
}

# step NAME: print a step header and remember when it started.
step_start=0
step() { step_start=$(date +%s); echo "install-tools: $1"; }
done_step() { echo "install-tools:   ok ($(( $(date +%s) - step_start )) s)"; }

# --- Rust toolchain pieces ---------------------------------------------------------------------------------------------
command -v cargo >/dev/null || fail "cargo (the Rust toolchain)" "install Rust with rustup, then re-run make"
command -v rustup >/dev/null || fail "rustup" "install Rust with rustup (the wasm32 target is added through it)"

step "wasm32 target"
if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  echo "install-tools:   $WASM_TARGET already installed"
else
  rustup target add "$WASM_TARGET" || fail "the $WASM_TARGET target" "rustup target add $WASM_TARGET"
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component" || fail "the $component component" "rustup component add $component"
  fi
done
done_step

# version_of CMD: first line of `CMD --version`, or empty when CMD is missing or broken.
version_of() { "$@" --version 2>/dev/null | head -n1 || true; }

step "wasm-bindgen CLI $WASM_BINDGEN_VERSION"
if [[ "$(version_of wasm-bindgen)" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  echo "install-tools:   already installed"
else
  # Without --locked: the CLI's own lock file names a dependency version the registry here does not have.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force \
    || fail "wasm-bindgen-cli $WASM_BINDGEN_VERSION" "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION --force"
fi
[[ "$(version_of wasm-bindgen)" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]] \
  || fail "wasm-bindgen $WASM_BINDGEN_VERSION (another version is first on PATH: $(command -v wasm-bindgen))" \
          "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION --force, and put $CARGO_BIN first on PATH"
done_step

step "trunk $TRUNK_VERSION"
if [[ "$(version_of trunk)" == "trunk $TRUNK_VERSION" ]]; then
  echo "install-tools:   already installed"
else
  cargo install --locked trunk --version "$TRUNK_VERSION" --force \
    || fail "trunk $TRUNK_VERSION" "cargo install --locked trunk --version $TRUNK_VERSION --force"
fi
done_step

step "wasm-pack $WASM_PACK_VERSION"
if [[ "$(version_of wasm-pack)" == "wasm-pack $WASM_PACK_VERSION" ]]; then
  echo "install-tools:   already installed"
else
  cargo install --locked wasm-pack --version "$WASM_PACK_VERSION" --force \
    || fail "wasm-pack $WASM_PACK_VERSION" "cargo install --locked wasm-pack --version $WASM_PACK_VERSION --force"
fi
done_step

# --- Node packages (wasm-opt from binaryen, playwright-core, axe-core, lighthouse) -------------------------------------
step "node packages (npm ci from package-lock.json)"
command -v npm >/dev/null || fail "npm (Node.js)" "apt-get install -y nodejs npm"
stamp=node_modules/.ree-lock-sha256
lock_sum=$(cat package.json package-lock.json | sha256sum | cut -d" " -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" && -x node_modules/.bin/wasm-opt ]]; then
  echo "install-tools:   node_modules matches package-lock.json"
else
  npm ci --no-audit --no-fund || fail "the node packages" "npm ci"
  echo "$lock_sum" > "$stamp"
fi
[[ "$(version_of wasm-opt)" == *"version 132"* ]] \
  || fail "wasm-opt 132 (found: '$(version_of wasm-opt)' at $(command -v wasm-opt || echo nowhere))" "npm ci"
done_step

# --- Browser for the wasm and end-to-end tests ----------------------------------------------------------------------
if (( want_browser )); then
  step "chromium + chromedriver"
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    echo "install-tools:   $(version_of /usr/bin/chromium)"
  else
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver; } \
      || fail "chromium and chromium-driver (Debian packages)" "${sudo:+sudo }apt-get update && ${sudo:+sudo }apt-get install -y chromium chromium-driver"
  fi
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] \
    || fail "/usr/bin/chromium or /usr/bin/chromedriver" "apt-get install -y chromium chromium-driver"
  done_step

  # The Chinese page's tests and screenshots need a font with Chinese glyphs (a reader's system has one; a bare
  # Debian image does not): WenQuanYi Micro Hei, a small Debian package (1.6 MB).
  step "a font with Chinese glyphs"
  if [[ -n "$(fc-list :lang=zh 2>/dev/null | grep -vi dejavu)" ]]; then
    echo "install-tools:   $(fc-list :lang=zh family | grep -vi dejavu | head -1)"
  else
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y fonts-wqy-microhei; } \
      || fail "fonts-wqy-microhei (Debian package)" "${sudo:+sudo }apt-get install -y fonts-wqy-microhei"
  fi
  done_step
fi

echo "install-tools: all tools present"
