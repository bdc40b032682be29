#!/usr/bin/env bash
# npm run stop: SIGTERM to the console and the services (they finish in-flight work), then Kafka and PostgreSQL.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

for service in console "${SERVICES[@]}"; do
  pid_file="$RUN_DIR/$service.pid"
  [ -f "$pid_file" ] || continue
  pid="$(cat "$pid_file")"
  if kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    say "$service stopped"
  fi
  rm -f "$pid_file"
done
[ "${1:-}" = "--services-only" ] || bash "$ROOT/deploy/local/infra.sh" down
