#!/usr/bin/env bash
# npm run bench:credit — builds what the benchmark imports, makes sure Kafka and FerretDB answer, runs it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
tsc -b packages/contracts packages/platform services/credit
eval "$(bash scripts/infra/up.sh | grep -E '^(KAFKA_BROKERS|MONGO_URL)=' | sed 's/^/export /')"
exec node bench/credit/run.mts
