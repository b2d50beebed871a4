#!/usr/bin/env bash
# Stops the local Kafka and FerretDB started by up.sh. With --wipe also deletes their data.
# Usage: down.sh [kafka|ferretdb] [--wipe]   (no server named: both)
set -euo pipefail
source "$(dirname "$0")/env.sh"
servers=(); wipe=0
for a in "$@"; do
  case "$a" in kafka | ferretdb) servers+=("$a") ;; --wipe) wipe=1 ;; *) die "unknown argument '$a'" ;; esac
done
[ ${#servers[@]} -gt 0 ] || servers=(kafka ferretdb)
stop() {
  local pidf="$RUN_DIR/$1.pid"
  pid_alive "$pidf" || { rm -f "$pidf"; return 0; }
  local pid; pid=$(cat "$pidf")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidf"; log "stopped $1"
}
for s in "${servers[@]}"; do stop "$s"; done
if [ "$wipe" = 1 ]; then
  for s in "${servers[@]}"; do
    case "$s" in kafka) rm -rf "$RUN_DIR/kafka-data" "$RUN_DIR/kafka-server.properties" ;; ferretdb) rm -rf "$RUN_DIR/ferretdb-data" ;; esac
  done
  log "wiped data"
fi
