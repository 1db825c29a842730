# Shared by .ci/demo, .ci/test and .ci/run: check for, and install when missing, what the
# build and the tests need. Each step says what it does and stops with a clear message when
# it cannot be done.

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=0.2.130
CARGO_DENY_VERSION=0.20.2

# Each step says when it started and how much disk is left: CI's disk is small.
say() {
  printf '\033[1m==> [%ss, %s free] %s\033[0m\n' "$SECONDS" \
    "$(df -h --output=avail . 2>/dev/null | tail -1 | tr -d ' ')" "$*"
}
die() { printf '\033[1;31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "'$*' needs root: run it as root or install sudo"; fi
}

APT_UPDATED=
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* by hand (Debian package names)"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  say "Installing Debian packages: $*"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null \
    || die "could not install Debian packages: $*"
}

ensure_rust_tools() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
  command -v cc >/dev/null || apt_install build-essential
  # webauthn-rs verifies passkey signatures with OpenSSL.
  { command -v pkg-config >/dev/null && pkg-config --exists openssl; } \
    || apt_install pkg-config libssl-dev
  if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
    say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (about 12 minutes, once)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

# Checks the dependency tree (deny.toml): licences, sources, bans, and RustSec advisories.
ensure_cargo_deny() {
  if [ "$(cargo deny --version 2>/dev/null | awk '{print $2}')" != "$CARGO_DENY_VERSION" ]; then
    say "Installing cargo-deny $CARGO_DENY_VERSION (about 4 minutes, once)"
    cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked
  fi
}

ensure_node() {
  local major
  major=$(node --version 2>/dev/null | sed 's/^v\([0-9]*\).*/\1/' || true)
  if [ -z "$major" ] || [ "$major" -lt 18 ] || ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  if [ ! -x node_modules/.bin/playwright ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing the pinned npm packages (Playwright, axe-core, wasm-opt)"
    npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

# The browser tests age a staff session in the test server's SQLite file, as time would.
ensure_sqlite_cli() {
  command -v sqlite3 >/dev/null || apt_install sqlite3
}
