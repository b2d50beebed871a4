#!/usr/bin/env bash
# Stops the services started by scripts/up.sh and the local Kafka and FerretDB. --wipe also deletes their data.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
for f in .run/services/*.pid; do
  [ -f "$f" ] || continue
  pid=$(cat "$f"); kill "$pid" 2>/dev/null || true; rm -f "$f"
done
bash scripts/infra/down.sh "$@"
