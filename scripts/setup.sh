#!/usr/bin/env bash
# Installs what the project needs on a fresh machine, idempotently: npm packages (without Electron's
# binary download, which cannot work on offline build machines), Debian Chromium for the browser
# tests and browser mode, and the local sandbox (Kafka jars, Milvus Lite).
#   scripts/setup.sh [--no-browser] [--no-stack]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
want_browser=1 want_stack=1
for a in "$@"; do
  case $a in --no-browser) want_browser=0 ;; --no-stack) want_stack=0 ;; esac
done
say() { echo "setup: $*"; }

stamp=node_modules/.studio-install-stamp
if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || { [ -f package-lock.json ] && [ package-lock.json -nt "$stamp" ]; }; then
  say "installing npm packages"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi

apt_install() {
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
    say "cannot install $* (not root, no sudo): install it yourself, e.g. apt-get install -y $*"; return 1
  fi
  local SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  if [ ! -f /tmp/.studio-apt-updated ]; then $SUDO apt-get update -qq && touch /tmp/.studio-apt-updated; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if [ $want_browser = 1 ] && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  say "installing Debian chromium for the browser tests"
  apt_install chromium || exit 1
fi

if [ $want_stack = 1 ]; then bash scripts/stack.sh install; fi
