#!/usr/bin/env bash
# Browser tests and the benchmark drive Debian's chromium (playwright-core cannot download one here):
# install it when missing. CI runs as root on a clean machine; elsewhere through sudo.
set -euo pipefail
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Memasang chromium / installing chromium (apt-get)…"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
fi
