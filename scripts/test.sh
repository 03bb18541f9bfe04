#!/usr/bin/env bash
# The one gate (README: `npm test`): type check, lint (folder order, browser code free of Node),
# then every unit, build and browser test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-chromium.sh
[ -d node_modules ] || npm ci --no-audit --no-fund

# The test builds compress the engine at brotli level 5, not the release builds' cached level 11
# (src/deploy/precompress.ts): minutes saved on a fresh clone, the same files and headers.
export KT_BROTLI=fast

npx prettier --check . --log-level warn
npx tsc --noEmit -p tsconfig.json
# The .astro files too: tsc does not read them.
npx astro check --minimumFailingSeverity warning
npx eslint .
npx vitest run "$@"
