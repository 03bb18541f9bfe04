#!/usr/bin/env bash
# The one gate (README: `npm test`): type check, lint (folder order, browser code free of Node),
# then every unit, build and browser test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-chromium.sh
[ -d node_modules ] || npm ci --no-audit --no-fund

npx tsc --noEmit -p tsconfig.json
# The .astro files too: tsc does not read them.
npx astro check --minimumFailingSeverity warning
npx eslint .
npx vitest run "$@"
