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
stop_postgres() {
  local bin; bin=$(pg_bin) || return 0
  [ -f "$RUN_DIR/pg-data/postmaster.pid" ] || return 0
  as_pg "$bin/pg_ctl" -D "$RUN_DIR/pg-data" -m fast -w stop >/dev/null 2>&1 || true
  log "stopped postgres"
}
for s in "${servers[@]}"; do stop "$s"; [ "$s" = ferretdb ] && stop_postgres; done
if [ "$wipe" = 1 ]; then
  for s in "${servers[@]}"; do
    case "$s" in kafka) rm -rf "$RUN_DIR/kafka-data" "$RUN_DIR/kafka-server.properties" ;; ferretdb) rm -rf "$RUN_DIR/ferretdb-data" "$RUN_DIR/pg-data" "$RUN_DIR/pg-sock" ;; esac
  done
  log "wiped data"
fi
