# Shared settings for the local infrastructure scripts. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=/dev/null
source "$ROOT/tools/infra/versions.env"
TOOLS="$ROOT/.tools"
RUN_DIR="${GOV_RUN_DIR:-$ROOT/.run}"
KAFKA_PORT="${KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
MONGO_PORT="${MONGO_PORT:-27027}"
# FerretDB's storage: postgresql (default; filters and _id look-ups reach an index) or sqlite (no server needed,
# but every query scans its collection: see ADR 0003)
FERRETDB_BACKEND="${FERRETDB_BACKEND:-postgresql}"
PG_PORT="${PG_PORT:-$((MONGO_PORT + 1000))}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export MONGO_URL="${MONGO_URL:-mongodb://127.0.0.1:$MONGO_PORT}"
log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
# PostgreSQL refuses to run as root; on a root shell its commands run as the unprivileged user `nobody`
pg_bin() { local b; b=$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1); [ -n "$b" ] && dirname "$b"; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
