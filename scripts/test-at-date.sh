#!/usr/bin/env bash
# Runs the integration and browser suites (or the command given) with the clock moved to DATE,
# for Node, the simulator and Chromium alike (Debian's faketime, LD_PRELOAD). The simulator's
# dataset is built from the date, so this is how a test that only passes on the day it was
# written is caught.
#
#   scripts/test-at-date.sh 2028-02-29                      # 10:00 in Bogotá that day
#   scripts/test-at-date.sh '2027-12-31 23:50' npx vitest run --project integration
#
# The clock is moved by a fixed offset, not frozen: it ticks, and every process (vitest's workers,
# the harness, Chromium) sees the same moved time. Needs the build in out/ for the browser suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  echo "usage: $0 YYYY-MM-DD[ HH:MM] [command…]" >&2
  exit 2
fi
when="$1"
shift
[[ "$when" == *:* ]] || when="$when 10:00"
if ! target=$(date -d "$when -0500" +%s 2>/dev/null); then
  echo "not a date: $when" >&2
  exit 2
fi
if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime is missing: run bash scripts/install-system-packages.sh" >&2
  exit 1
fi
offset=$((target - $(date +%s)))
[ $# -gt 0 ] || set -- bash -c 'npm run -s test:integration && npm run -s test:e2e'

[ "$offset" -ge 0 ] && offset="+$offset"

echo "=== clock moved to $when (Bogotá, UTC-5), offset ${offset} s: $*"
exec faketime -f "$offset" "$@"
