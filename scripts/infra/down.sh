#!/usr/bin/env bash
# Stops the local Kafka and FerretDB started by up.sh. With --wipe also deletes their data.
set -euo pipefail
source "$(dirname "$0")/env.sh"
stop() {
  local pidf="$RUN_DIR/$1.pid"
  pid_alive "$pidf" || { rm -f "$pidf"; return 0; }
  local pid; pid=$(cat "$pidf")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidf"; log "stopped $1"
}
stop kafka; stop ferretdb
if [ "${1:-}" = "--wipe" ]; then rm -rf "$RUN_DIR/kafka-data" "$RUN_DIR/ferretdb-data" "$RUN_DIR/kafka-server.properties"; log "wiped data"; fi
