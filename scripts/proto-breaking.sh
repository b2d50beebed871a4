#!/usr/bin/env bash
# Fails when a proto changed incompatibly (WIRE_JSON rules) against main. Skipped where main has no proto/ yet.
set -euo pipefail
cd "$(dirname "$0")/.."
against="${PROTO_BREAKING_AGAINST:-main}"
if ! git rev-parse --verify -q "$against:proto/buf.yaml" >/dev/null; then
  echo "no proto/ on $against yet: nothing to compare"; exit 0
fi
cd proto && buf breaking --against "../.git#ref=$against,subdir=proto"
