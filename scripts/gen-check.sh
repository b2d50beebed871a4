#!/usr/bin/env bash
# Fails when packages/contracts/src/gen differs from what buf + ts-proto generate from proto/ now.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd proto && buf generate -o "$tmp/proto")
if ! diff -r "$tmp/packages/contracts/src/gen" packages/contracts/src/gen > "$tmp/diff.txt"; then
  head -n 40 "$tmp/diff.txt" >&2
  echo "generated contracts are stale: run 'npm run gen' and commit packages/contracts/src/gen" >&2
  exit 1
fi
echo "generated contracts are fresh"
