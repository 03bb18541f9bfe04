#!/usr/bin/env bash
# The one gate (README: `npm test`): type check, then every unit, build and browser test.
set -euo pipefail
cd "$(dirname "$0")/.."

# Browser tests use Debian's chromium; install it when missing (CI runs as root on a clean machine).
if [ ! -x /usr/bin/chromium ]; then
  echo "Memasang chromium / installing chromium (apt-get)…"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
fi
[ -d node_modules ] || npm install --no-audit --no-fund

npx tsc --noEmit -p tsconfig.json
npx vitest run "$@"
