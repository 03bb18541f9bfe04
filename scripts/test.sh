#!/usr/bin/env bash
# The one gate (README: `npm test`): format, types (astro check reads every .ts file too, the
# tests' included: tsc alone would check the same files again) and lint (folder order, browser
# code free of Node), beside every unit, build and browser test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-chromium.sh
bash scripts/ensure-libreoffice.sh
[ -d node_modules ] || npm ci --no-audit --no-fund

# The test builds compress the engine at brotli level 5, not the release builds' cached level 11
# (src/deploy/precompress.ts): minutes saved on a fresh clone, the same files and headers.
export KT_BROTLI=fast
# Vitest runs two test files at once, one per core: a build's privacy gate then reads in one
# thread (still a worker thread; test/unit/gate-threads.test.ts runs one, two and three).
export KT_GATE_THREADS=${KT_GATE_THREADS:-1}

# The three checks run beside the tests, at a lower priority (each on one core): the tests leave a
# core idle while a site builds in global setup and while Chromium waits. Each check's output is
# printed whole once the tests end; any failure fails the run.
# Each runs in a session of its own (setsid), so that a stop (Ctrl-C, SIGTERM to this script
# alone, a closed terminal) ends it with all its children: npx passes no signal on to its tool.
# A background job of this script (no job control) is no group leader, so setsid does not fork:
# $! is the session's leader, its group's ID and the tool's own exit status.
logs=$(mktemp -d)
# The test builds keep their downloads' parts for this run only, not in the maintainer's cache (src/publish/part-cache.ts).
export KT_PART_DIR="$logs/bagian"
# And the record of which export made which rows (src/build/kept-rows.ts).
export KT_ROWS_DIR="$logs/baris"
# And what validating each region gave (src/build/validation-memory.ts).
export KT_VALID_DIR="$logs/sah"
groups=()
stop() {
  for g in "${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'rm -rf "$logs"' EXIT
trap 'stop; exit 129' HUP
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
setsid nice -n 10 npx prettier --check . --log-level warn >"$logs/prettier" 2>&1 &
p1=$!
groups+=("$p1")
setsid nice -n 10 npx astro check --minimumFailingSeverity warning >"$logs/astro" 2>&1 &
p2=$!
groups+=("$p2")
setsid nice -n 10 npx eslint . >"$logs/eslint" 2>&1 &
p3=$!
groups+=("$p3")

# In the background and waited for: bash runs a trap only between commands, and `wait` is one.
setsid npx vitest run "$@" &
pv=$!
groups+=("$pv")
if wait "$pv"; then failed=0; else failed=1; fi

for job in "prettier $p1" "astro $p2" "eslint $p3"; do
  read -r name pid <<<"$job" # (not `set --`: "$@" is vitest's arguments)
  if wait "$pid"; then status=0; else status=$?; fi
  if [ "$status" -ne 0 ]; then
    failed=1
    echo "✗ $name (exit $status):"
    cat "$logs/$name"
  elif [ "$name" = astro ]; then
    cat "$logs/$name" # its summary: files checked, hints
  fi
done
exit "$failed"
