#!/usr/bin/env bash
# Browser tests and the benchmark drive Debian's chromium (playwright-core cannot download one here):
# install it when missing. The tests drive its headless shell (the package chromium-headless-shell:
# the same Blink and V8 without the desktop browser around them, a third less time a page) where
# the distribution has it, else chromium itself (test/support/browser.ts); the benchmark, the
# full browser a reader has. A browser named by CHROMIUM_PATH is used as it is. CI runs as root on
# a clean machine; elsewhere through sudo.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromium-headless-shell ]; then exit 0; fi
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# The package lists first: a clean machine has none, and would not know the headless shell.
as_root apt-get update -qq
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
if [ ! -x /usr/bin/chromium-headless-shell ] && apt-cache show chromium-headless-shell >/dev/null 2>&1; then
  packages+=(chromium-headless-shell)
fi
if [ "${#packages[@]}" -gt 0 ]; then
  echo "Memasang / installing ${packages[*]} (apt-get)…"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi
