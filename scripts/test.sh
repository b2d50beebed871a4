#!/usr/bin/env bash
# The one command that runs every test (README). Installs what is missing, starts real Kafka and
# FerretDB, and runs: contract checks, lint, typecheck/build, unit, integration, end-to-end, chart checks.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
t0=$(date +%s)
ensure_node_modules
say "tools: Kafka jars, FerretDB, Helm (cached in .tools/)"
bash scripts/infra/tools.sh
say "contracts: buf lint, generated code fresh, no breaking change against main"
npm run -s proto:lint
npm run -s gen:check
npm run -s proto:breaking
say "lint and format"
npm run -s lint
npm run -s format:check
say "build (typecheck)"
npm run -s build
say "typecheck of the tests"
npm run -s typecheck:tests
mkdir -p .run/test-results
say "unit tests"
npx jest --selectProjects unit --ci --json --outputFile=.run/test-results/unit.json
say "integration tests (real Kafka + FerretDB)"
npx jest --selectProjects integration --ci --runInBand --json --outputFile=.run/test-results/integration.json
say "end-to-end tests (built services as processes)"
npx jest --selectProjects e2e --ci --runInBand --json --outputFile=.run/test-results/e2e.json
say "all tests passed in $(elapsed "$t0")"
# one plain closing line over the three tiers
node -e '
  let p = 0, f = 0, s = 0;
  for (const t of ["unit", "integration", "e2e"]) {
    const r = require(`./.run/test-results/${t}.json`);
    p += r.numPassedTests; f += r.numFailedTests; s += r.numPendingTests;
  }
  console.log(`${p} passed, ${f} failed, ${s} skipped`);
'
