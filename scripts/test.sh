#!/usr/bin/env bash
# npm test: fresh Kafka and PostgreSQL (unless KAFKA_BROKERS/DATABASE_URL are given), then
# every test: the parallel run, then the fault tests that stop the broker, one at a time.
# Ends with one line `N passed, N failed` computed from Jest's JSON results.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
RESULTS="$ROOT/.local/test-results"

ensure_dependencies || exit 1
# The console's browser tests need Debian's chromium; without it they fail and say so.
bash "$ROOT/scripts/ensure-chromium.sh" || say "chromium is missing: the browser tests will fail"
started_infra=0
if [ -z "${KAFKA_BROKERS:-}" ] || [ -z "${DATABASE_URL:-}" ]; then
  bash "$ROOT/deploy/local/infra.sh" up --fresh || { echo "0 passed, 1 failed"; exit 1; }
  eval "$(bash "$ROOT/deploy/local/infra.sh" env)"
  started_infra=1
  # The fault tests may stop and kill this broker: only when we own it.
  export PASSERELLE_LOCAL_INFRA=1
fi
export KAFKA_BROKERS DATABASE_URL LOG_LEVEL="${LOG_LEVEL:-warn}" KAFKAJS_NO_PARTITIONER_WARNING=1

rm -rf "$RESULTS" && mkdir -p "$RESULTS"
cd "$ROOT"
# The house rules (rings, service boundaries) are checked first and count as one test.
# The Nx boundary rule reads the cached project graph; without one it silently skips itself.
NX_DAEMON=false npx nx show projects >/dev/null
if NX_DAEMON=false npx eslint .; then echo passed >"$RESULTS/lint"; else echo failed >"$RESULTS/lint"; fi
npx jest -c jest.config.cjs --maxWorkers=2 --json --outputFile="$RESULTS/parallel.json" "$@"
# The serial pass: end-to-end tests of the four processes, then fault tests. --forceExit: after a broker
# outage one kafkajs socket outlives its client (not yet traced).
npx jest -c jest.faults.config.cjs --runInBand --forceExit --json --outputFile="$RESULTS/faults.json" "$@"

[ "$started_infra" = 1 ] && bash "$ROOT/deploy/local/infra.sh" down >/dev/null 2>&1
node "$ROOT/scripts/summarize-tests.js" "$RESULTS"/*.json --lint "$RESULTS/lint"
