# Shared by start.sh, stop.sh and test.sh.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES=(release-calendar referral housing-placement notification)
declare -A DEFAULT_PORT=([release-calendar]=3001 [referral]=3002 [housing-placement]=3003 [notification]=3004)
RUN_DIR="${PASSERELLE_RUN_DIR:-$ROOT/.local/run}"
LOG_DIR="${PASSERELLE_LOG_DIR:-$ROOT/.local/logs}"

say() { echo "[passerelle] $*"; }

# Installs from the lock file when node_modules is missing or older than it. `npm install`, not
# `npm ci`: the registry this project is built against lacks some other platforms' optional native
# bindings (@unrs/resolver-binding-*), which the lock file therefore omits and `npm ci` refuses.
ensure_dependencies() {
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing dependencies"
    (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
  fi
}

service_port() {
  local var
  var="$(echo "$1" | tr 'a-z-' 'A-Z_')_PORT"
  echo "${!var:-${DEFAULT_PORT[$1]}}"
}
