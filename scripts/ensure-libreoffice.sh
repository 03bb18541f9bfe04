#!/usr/bin/env bash
# Two tests open what the site gives readers and officers the way they would, in LibreOffice
# Calc: the officers' workbook template (test/unit/templates-libreoffice.test.ts) and every
# published table's .xlsx (test/unit/xlsx-libreoffice.test.ts, rows written without their place).
# Install its headless build when missing (Debian's libreoffice-calc-nogui); a machine without
# apt skips the two tests. CI runs as root on a clean machine; elsewhere through sudo.
set -euo pipefail
if command -v soffice >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then exit 0; fi
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
echo "Memasang / installing libreoffice-calc-nogui (apt-get)…"
# Not installed (no rights, no network): the two tests are skipped, the others run.
if ! { apt-cache show libreoffice-calc-nogui >/dev/null 2>&1 || as_root apt-get update -qq; } ||
  ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui >/dev/null; then
  echo "LibreOffice tidak terpasang; dua ujinya dilewati / not installed; its two tests are skipped"
fi
