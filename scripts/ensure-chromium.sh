#!/usr/bin/env bash
# Browser tests and the benchmark drive Debian's chromium (playwright-core cannot download one here):
# install it when missing. The tests drive its headless shell (the package chromium-headless-shell:
# the same Blink and V8 without the desktop browser around them, a third less time a page); the
# benchmark, the full browser a reader has. CI runs as root on a clean machine; elsewhere through sudo.
set -euo pipefail
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromium-headless-shell ]; then
  echo "Memasang chromium / installing chromium (apt-get)…"
  install=(apt-get install -y -qq chromium chromium-headless-shell)
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null; fi
fi
