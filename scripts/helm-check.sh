#!/usr/bin/env bash
# Offline checks of deploy/helm: `helm lint --strict` on every chart and `helm template` of the
# umbrella chart with its dev and prod values. Works on a temp copy, so the local charts/ folders
# that `helm dependency build` fills never end up in the working tree.
# Usage: scripts/helm-check.sh        (HELM_BIN overrides the helm binary)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HELM=${HELM_BIN:-$ROOT/.tools/bin/helm}
if [ ! -x "$HELM" ]; then
  echo "helm-check: no helm at $HELM; build it with: bash scripts/infra/tools.sh helm" >&2
  exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/helm-check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cp -r "$ROOT/deploy/helm/." "$WORK/"
find "$WORK" \( -type d -name charts -prune -o -name Chart.lock \) -exec rm -rf {} +

SERVICES=(document supervision duty credit finance gateway)
step() { # step <label> <command...>: run quietly, report the time, show the output on failure
  local label=$1 start out; shift
  start=$(date +%s%N)
  if ! out=$("$@" 2>&1); then
    echo "FAIL $label" >&2; echo "$out" >&2; exit 1
  fi
  printf 'ok   %-44s %5d ms\n' "$label" $((($(date +%s%N) - start) / 1000000))
}

# the library first, then the service charts, then the umbrella that packages them
for chart in "${SERVICES[@]}" gov-office; do
  step "dependency build $chart" "$HELM" dependency build --skip-refresh "$WORK/$chart"
done
for chart in library "${SERVICES[@]}" gov-office; do
  step "lint --strict $chart" "$HELM" lint --strict "$WORK/$chart"
done
for values in values-dev.yaml values-prod.yaml; do
  step "lint --strict gov-office -f $values" "$HELM" lint --strict "$WORK/gov-office" --values "$WORK/gov-office/$values"
  step "template gov-office -f $values" "$HELM" template gov-office "$WORK/gov-office" \
    --namespace gov-office --values "$WORK/gov-office/$values" --output-dir "$WORK/out-${values%.yaml}"
  printf '     %s objects rendered\n' "$(cat "$WORK"/out-"${values%.yaml}"/*/templates/*.yaml \
    "$WORK"/out-"${values%.yaml}"/*/charts/*/templates/*.yaml 2>/dev/null | grep -c '^kind:')"
done
echo "helm-check: all charts pass"
