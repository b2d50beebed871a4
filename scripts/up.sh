#!/usr/bin/env bash
# The one command that brings the whole system up on this machine (README): tools, Kafka and FerretDB,
# build, all services and the gateway, demo data; then prints the URLs and a sample request.
# Re-running restarts the services with the current code; data is kept (scripts/down.sh --wipe clears it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
t0=$(date +%s)
ensure_node_modules
say "infrastructure: Kafka (KRaft) and FerretDB"
# only the two variable lines: tools may print other things (Maven writes terminal codes even when quiet)
eval "$(bash scripts/infra/up.sh | grep -E '^(KAFKA_BROKERS|MONGO_URL)=')"
say "build"
npm run -s build
node scripts/dev-keys.mjs

# name grpc-port admin-port
services=("document 50051 9101" "supervision 50052 9102" "duty 50053 9103" "credit 50054 9104" "finance 50055 9105")
mkdir -p .run/services .run/logs
stop_service() { local f=.run/services/$1.pid; if [ -f "$f" ]; then kill "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; sleep 0.2; fi; }
start_service() { # name admin-port env...
  local name=$1 admin=$2; shift 2
  stop_service "$name"
  env SERVICE_NAME="$name" OTEL_SERVICE_NAME="$name" NODE_ENV=development ADMIN_PORT="$admin" \
    KAFKA_BROKERS="$KAFKA_BROKERS" MONGO_URL="$MONGO_URL" JWKS_FILE="$ROOT/.run/dev/jwks.json" \
    JWT_ISSUER=gov-office-dev JWT_AUDIENCE=gov-office "$@" \
    setsid nohup node --require @gov/platform/otel "services/$name/dist/main.js" >> ".run/logs/$name.log" 2>&1 < /dev/null &
  echo $! > ".run/services/$name.pid"
}
wait_ready() { # name admin-port
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$2/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$(cat ".run/services/$1.pid")" 2>/dev/null || { tail -n 30 ".run/logs/$1.log" >&2; echo "error: $1 exited" >&2; exit 1; }
    sleep 0.1
  done
  tail -n 30 ".run/logs/$1.log" >&2; echo "error: $1 not ready" >&2; exit 1
}
say "services"
# the local SMS/voice provider the duty service alerts through (its log shows every message)
# and reports every SMS delivered back through the gateway, as a provider's callback would (spec duty AK-2)
stop_service sms-simulator
sms_token=$(node scripts/dev-token.mjs dev-sms-gateway SMS_GATEWAY INTERNAL gov-office/sms-gateway)
setsid nohup node bench/duty/sms-simulator-main.ts 8925 http://127.0.0.1:8080/v1/duty/delivery-receipts "$sms_token" \
  >> .run/logs/sms-simulator.log 2>&1 < /dev/null &
echo $! > .run/services/sms-simulator.pid
for s in "${services[@]}"; do set -- $s; start_service "$1" "$3" GRPC_PORT="$2" MONGO_DB="$1"; done
start_service gateway 9100 HTTP_PORT=8080 DOCUMENT_GRPC_ADDR=127.0.0.1:50051 SUPERVISION_GRPC_ADDR=127.0.0.1:50052 \
  DUTY_GRPC_ADDR=127.0.0.1:50053 CREDIT_GRPC_ADDR=127.0.0.1:50054 FINANCE_GRPC_ADDR=127.0.0.1:50055
for s in "${services[@]}"; do set -- $s; wait_ready "$1" "$3"; done
wait_ready gateway 9100

say "demo data"
token=$(node scripts/dev-token.mjs dev-clerk CLERK INTERNAL)
manager=$(node scripts/dev-token.mjs dev-duty-manager DUTY_ROOM_MANAGER SECRET gov-office/duty-room)
node scripts/demo-data.mjs http://127.0.0.1:8080 "$token" "$manager"

cat <<EOM

The platform is up ($(elapsed "$t0")).
  REST gateway        http://127.0.0.1:8080      (API docs: http://127.0.0.1:8080/docs, spec: /openapi.json)
  gateway admin       http://127.0.0.1:9100/metrics
  services (gRPC)     document :50051  supervision :50052  duty :50053  credit :50054  finance :50055
  service admin       http://127.0.0.1:9101/readyz … :9105  (/healthz /readyz /metrics)
  Kafka               $KAFKA_BROKERS        FerretDB (MongoDB wire)  $MONGO_URL
  SMS simulator       http://127.0.0.1:8925      (duty alerts land in .run/logs/sms-simulator.log)
  logs                .run/logs/<service>.log; stop with scripts/down.sh

A dev token for a registry clerk (12 h; make others with: node scripts/dev-token.mjs USER ROLES CLEARANCE):
  export TOKEN=$token

Sample request — register an incoming document, then see the supervision item it opened:
  curl -s -X POST http://127.0.0.1:8080/v1/documents/incoming -H "authorization: Bearer \$TOKEN" \\
    -H 'content-type: application/json' -H "idempotency-key: \$(date +%s%N)" \\
    -d '{"title":"关于开展防汛检查的通知","sender":{"id":"city-water","name":"市水务局"},"senderDocNo":"市水〔2026〕7号","urgency":"NORMAL","classification":"PUBLIC","nature":"FOR_ACTION","channel":"PAPER","receivedAt":"'\$(date -u +%FT%TZ)'","ccOnly":false,"fromSuperior":true,"handlingLimitWorkingDays":0}'
  curl -s "http://127.0.0.1:8080/v1/supervision/items" -H "authorization: Bearer \$TOKEN"

Duty desk — watch the console stream in one terminal, raise an emergency report in another:
  export DUTY=\$(node scripts/dev-token.mjs duty-li DUTY_OFFICER SECRET gov-office/duty-room)
  curl -N "http://127.0.0.1:8080/v1/duty/stream" -H "authorization: Bearer \$DUTY"
  curl -s -X POST http://127.0.0.1:8080/v1/duty/incidents -H "authorization: Bearer \$DUTY" \\
    -H 'content-type: application/json' -H "idempotency-key: \$(date +%s%N)" \\
    -d '{"title":"某镇化工厂燃气爆炸","category":"ACCIDENT","severity":"II","location":"北街"}'
EOM
