#!/usr/bin/env bash
# Starts the local Kafka (KRaft) broker and FerretDB, waits until both answer, and creates the topics.
# Idempotent: a server that already answers on its port is left as it is.
# Prints KAFKA_BROKERS and MONGO_URL lines on stdout for callers to eval.
# Usage: up.sh [kafka|ferretdb]   (no argument: both; a test restarting one server names it)
set -euo pipefail
source "$(dirname "$0")/env.sh"
only="${1:-}"
case "$only" in "" | kafka | ferretdb) ;; *) die "unknown server '$only' (kafka or ferretdb)" ;; esac
wanted=(${only:-kafka ferretdb})
[ "$only" != kafka ] && [ "$FERRETDB_BACKEND" = postgresql ] && wanted+=(postgres)
bash "$ROOT/scripts/infra/tools.sh" "${wanted[@]}"
mkdir -p "$RUN_DIR/logs"

start_kafka() {
  if port_open "$KAFKA_PORT"; then log "kafka already answers on $KAFKA_PORT"; return 0; fi
  local t0; t0=$(now_ms)
  local data="$RUN_DIR/kafka-data" cp="$TOOLS/kafka/libs/*"
  local jopts=(-Xms256m -Xmx768m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
    "-Dlog4j.configuration=file:$ROOT/tools/infra/kafka/log4j.properties")
  local overrides=(--override "listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT"
    --override "advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT"
    --override "controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT"
    --override "log.dirs=$data")
  mkdir -p "$data"
  local cfg="$RUN_DIR/kafka-server.properties"
  # StorageTool reads only a file, so the overrides are appended to a run-local copy for the format step
  { cat "$ROOT/tools/infra/kafka/server.properties"
    printf 'listeners=PLAINTEXT://127.0.0.1:%s,CONTROLLER://127.0.0.1:%s\n' "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
    printf 'advertised.listeners=PLAINTEXT://127.0.0.1:%s\ncontroller.quorum.voters=1@127.0.0.1:%s\nlog.dirs=%s\n' \
      "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$data"; } > "$cfg"
  local attempt
  for attempt in 1 2; do
    # the log is appended to across restarts, so only lines written after this start count
    local from=1; [ -f "$RUN_DIR/logs/kafka.log" ] && from=$(( $(wc -l < "$RUN_DIR/logs/kafka.log") + 1 ))
    java "${jopts[@]}" -cp "$cp" kafka.tools.StorageTool format -t "R292T2ZmaWNlUGxhdGZvcm0" -c "$cfg" --ignore-formatted \
      >> "$RUN_DIR/logs/kafka.log" 2>&1
    setsid nohup java "${jopts[@]}" -cp "$cp" kafka.Kafka "$cfg" >> "$RUN_DIR/logs/kafka.log" 2>&1 < /dev/null &
    echo $! > "$RUN_DIR/kafka.pid"
    local i corrupt=0
    for i in $(seq 1 600); do
      port_open "$KAFKA_PORT" && awk -v from="$from" 'NR >= from && /Kafka Server started/ { f = 1 } END { exit !f }' "$RUN_DIR/logs/kafka.log" && break
      pid_alive "$RUN_DIR/kafka.pid" || { tail -n 30 "$RUN_DIR/logs/kafka.log" >&2; die "kafka exited during start"; }
      # a machine stopped mid-write can leave a zero-filled tail in the metadata log; the broker then reports a
      # fatal fault but keeps running without ever listening
      if awk -v from="$from" 'NR >= from && /CorruptRecordException/ { f = 1 } END { exit !f }' "$RUN_DIR/logs/kafka.log"; then
        corrupt=1; break
      fi
      sleep 0.1
    done
    [ "$corrupt" = 1 ] || break
    kill -9 "$(cat "$RUN_DIR/kafka.pid")" 2> /dev/null || true
    [ "$attempt" = 1 ] || die "kafka's data is corrupt again after a fresh format (see $RUN_DIR/logs/kafka.log)"
    # local development data only: kept aside, not deleted, and the broker starts on a fresh log
    local aside; aside="$data.corrupt-$(date -u +%Y%m%dT%H%M%SZ)"
    mv "$data" "$aside" && mkdir -p "$data"
    log "kafka's log under $data was corrupt (unclean stop); moved to $aside, starting on a fresh log"
  done
  port_open "$KAFKA_PORT" || die "kafka did not open $KAFKA_PORT within 60 s (see $RUN_DIR/logs/kafka.log)"
  log "kafka ready on $KAFKA_PORT in $(( $(now_ms) - t0 )) ms"
}

start_postgres() {
  local bin; bin=$(pg_bin)
  local data="$RUN_DIR/pg-data" sock="$RUN_DIR/pg-sock"
  mkdir -p "$data" "$sock"
  touch "$RUN_DIR/logs/postgres.log"
  if [ "$(id -u)" = 0 ]; then chown nobody "$data" "$sock" "$RUN_DIR/logs/postgres.log"; chmod 700 "$data"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$data" -A trust -U gov --no-sync -E UTF8 >> "$RUN_DIR/logs/postgres.log" 2>&1
  fi
  # durability settings off: this server holds dev and test data only, and speed is what tests need
  as_pg "$bin/pg_ctl" -D "$data" -w -t 60 -l "$RUN_DIR/logs/postgres.log" \
    -o "-p $PG_PORT -k $sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  # the client may live apart from the server binaries (Debian: /usr/bin/psql)
  local psql; psql=$(command -v psql || echo "$bin/psql")
  "$psql" -h 127.0.0.1 -p "$PG_PORT" -U gov -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='ferretdb'" | grep -q 1 ||
    "$psql" -h 127.0.0.1 -p "$PG_PORT" -U gov -d postgres -qc "CREATE DATABASE ferretdb" >/dev/null
}

start_ferretdb() {
  if port_open "$MONGO_PORT"; then
    # our FerretDB running a binary older than the one just built (a patch changed): restart it; its data is in
    # PostgreSQL (or the SQLite files), the process holds none
    if pid_alive "$RUN_DIR/ferretdb.pid" && [ "$TOOLS/bin/ferretdb" -nt "$RUN_DIR/ferretdb.pid" ]; then
      log "restarting ferretdb: its binary was rebuilt"
      kill "$(cat "$RUN_DIR/ferretdb.pid")"
      local j
      for j in $(seq 1 100); do port_open "$MONGO_PORT" || break; sleep 0.1; done
    else
      log "mongo-wire server already answers on $MONGO_PORT"; return 0
    fi
  fi
  local t0; t0=$(now_ms)
  local storage
  if [ "$FERRETDB_BACKEND" = postgresql ]; then
    port_open "$PG_PORT" || start_postgres
    storage=(--handler=postgresql "--postgresql-url=postgres://gov@127.0.0.1:$PG_PORT/ferretdb")
  else
    mkdir -p "$RUN_DIR/ferretdb-data"
    storage=(--handler=sqlite "--sqlite-url=file:$RUN_DIR/ferretdb-data/")
  fi
  # --test-batch-size=1000: an insert of up to 1000 documents is one SQL INSERT, not ten of 100 (default);
  # GOGC=400: FerretDB allocates per document converted, and collects far less often (~120 MiB resident instead
  # of ~50). Together about a third less FerretDB CPU per inserted document (bench/credit/README.md).
  GOGC=400 DO_NOT_TRACK=1 setsid nohup "$TOOLS/bin/ferretdb" "${storage[@]}" \
    --listen-addr="127.0.0.1:$MONGO_PORT" --state-dir=- --debug-addr=- --telemetry=disable --log-level=warn \
    --test-batch-size=1000 >> "$RUN_DIR/logs/ferretdb.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/ferretdb.pid"
  local i
  for i in $(seq 1 300); do
    port_open "$MONGO_PORT" && break
    pid_alive "$RUN_DIR/ferretdb.pid" || { tail -n 30 "$RUN_DIR/logs/ferretdb.log" >&2; die "ferretdb exited during start"; }
    sleep 0.1
  done
  port_open "$MONGO_PORT" || die "ferretdb did not open $MONGO_PORT within 30 s"
  log "ferretdb ($FERRETDB_BACKEND) ready on $MONGO_PORT in $(( $(now_ms) - t0 )) ms"
}

pids=()
[ "$only" = ferretdb ] || { start_kafka & pids+=($!); }
[ "$only" = kafka ] || { start_ferretdb & pids+=($!); }
for p in "${pids[@]}"; do wait "$p"; done
# kafkajs on Node 24 warns about its own idle timer (kafkajs#1751); harmless in this short-lived script
if [ "$only" != ferretdb ]; then node --disable-warning=TimeoutNegativeWarning "$ROOT/scripts/infra/create-topics.mjs"; fi
echo "KAFKA_BROKERS=$KAFKA_BROKERS"
echo "MONGO_URL=$MONGO_URL"
