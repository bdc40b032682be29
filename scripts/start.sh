#!/usr/bin/env bash
# npm start: dependencies, Kafka and PostgreSQL (kept between runs), the four services.
# Stays in the foreground and stops the services on Ctrl-C; `--detach` returns once healthy.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

detach=0
[ "${1:-}" = "--detach" ] && detach=1

ensure_dependencies
bash "$ROOT/deploy/local/infra.sh" up
eval "$(bash "$ROOT/deploy/local/infra.sh" env)"
export KAFKA_BROKERS DATABASE_URL
# A development machine: webhooks may reach a receiver on loopback (never in production, which refuses it).
export WEBHOOK_ALLOWED_ADDRESS_KINDS="${WEBHOOK_ALLOWED_ADDRESS_KINDS:-loopback}"
# A demo lets days pass (`npm run story` moves the services' clocks through PUT /v1/admin/clock; refused in production).
export PASSERELLE_CLOCK_CONTROL="${PASSERELLE_CLOCK_CONTROL:-1}"
mkdir -p "$RUN_DIR" "$LOG_DIR"

for service in "${SERVICES[@]}"; do
  if [ -f "$RUN_DIR/$service.pid" ] && kill -0 "$(cat "$RUN_DIR/$service.pid")" 2>/dev/null; then
    say "$service already running"
    continue
  fi
  PORT="$(service_port "$service")" nohup node "$ROOT/deploy/local/run-service.js" "$service" >"$LOG_DIR/$service.log" 2>&1 &
  echo $! >"$RUN_DIR/$service.pid"
done

# The web console: built, then served on CONSOLE_PORT (3000) by its own server, which forwards /api/<service>/.
start_console() {
  local port="${CONSOLE_PORT:-3000}"
  if [ -f "$RUN_DIR/console.pid" ] && kill -0 "$(cat "$RUN_DIR/console.pid")" 2>/dev/null; then
    say "console already running"
  else
    say "building the console"
    (cd "$ROOT" && npx vite build --config services/console/vite.config.ts --logLevel warn)
    CONSOLE_PORT="$port" nohup node "$ROOT/scripts/run-ts.js" "$ROOT/services/console/server/main.ts" >"$LOG_DIR/console.log" 2>&1 &
    echo $! >"$RUN_DIR/console.pid"
  fi
  until curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 "$(cat "$RUN_DIR/console.pid")" 2>/dev/null || { say "the console did not start:"; tail -n 20 "$LOG_DIR/console.log" >&2; return 1; }
    sleep 0.5
  done
  say "console: http://127.0.0.1:$port (development sign-in: pick a role and départements)"
}

wait_healthy() {
  local service="$1" port deadline=$((SECONDS + 180))
  port="$(service_port "$service")"
  until curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$RUN_DIR/$service.pid")" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      say "$service did not become healthy; last log lines:"
      tail -n 30 "$LOG_DIR/$service.log" >&2
      return 1
    fi
    sleep 1
  done
}
for service in "${SERVICES[@]}"; do wait_healthy "$service"; done

say "all services healthy"
for service in "${SERVICES[@]}"; do
  port="$(service_port "$service")"
  printf '  %-18s http://127.0.0.1:%s   (API docs: /docs, health: /health, metrics: /metrics)\n' "$service" "$port"
done
# The demo territory (three départements, their prisons, structures and commission), loaded once, then
# the tokens and the story command.
node "$ROOT/scripts/run-ts.js" "$ROOT/scripts/demo-seed.ts"
start_console
say "another token: npm run token -- --role spip --departement 94 (a structure's user: --role structure --organisation <structure id>)"
say "logs in .local/logs/; stop everything with: npm run stop"

if [ "$detach" = 1 ]; then exit 0; fi
trap 'bash "$ROOT/scripts/stop.sh" --services-only; exit 0' INT TERM
say "running; Ctrl-C stops the services (Kafka and PostgreSQL keep running: npm run stop)"
while true; do sleep 3600; done
