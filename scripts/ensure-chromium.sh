#!/usr/bin/env bash
# The browser tests drive Debian's chromium through playwright-core: never a browser downloaded by a test tool.
# Installs it from Debian's packages when it is missing (as root; others are told the command).
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "[passerelle] the browser tests need Debian's chromium: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "[passerelle] installing Debian's chromium for the browser tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ]
