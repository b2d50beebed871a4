#!/usr/bin/env bash
# Obtains the local infrastructure tools into .tools/ from the package registries only:
# Kafka jars from Maven Central, FerretDB and Helm built from the Go module proxy.
# Idempotent: a tool whose stamp matches tools/infra/versions.env is not fetched again.
# Usage: tools.sh [kafka] [ferretdb] [helm] [alertmanager]   (no argument: the first three)
set -euo pipefail
source "$(dirname "$0")/env.sh"
mkdir -p "$TOOLS/bin"
stamp_ok() { [ -f "$TOOLS/$1.stamp" ] && [ "$(cat "$TOOLS/$1.stamp")" = "$2" ]; }

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed; $2"; }

kafka() {
  stamp_ok kafka "$KAFKA_VERSION" && [ -d "$TOOLS/kafka/libs" ] && return 0
  need java "install a JDK 17+ (Debian: apt-get install -y openjdk-17-jre-headless)"
  need mvn "install Maven (Debian: apt-get install -y maven)"
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central"
  rm -rf "$TOOLS/kafka/libs"
  mvn -q -B -f "$ROOT/tools/infra/kafka/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$TOOLS/kafka/libs" >&2
  echo "$KAFKA_VERSION" > "$TOOLS/kafka.stamp"
}

# Our patches to FerretDB (scripts/infra/patches/ferretdb-*.patch, why in docs/adr/0005): the stamp names them
# by content, so a tree built before a patch changed is rebuilt.
ferretdb_build() {
  echo "$FERRETDB_VERSION patches:$(cat "$ROOT"/scripts/infra/patches/ferretdb-*.patch | sha256sum | cut -c1-12)"
}

ferretdb() {
  local build; build=$(ferretdb_build)
  stamp_ok ferretdb "$build" && [ -x "$TOOLS/bin/ferretdb" ] && return 0
  need go "install Go 1.24+ (Debian: apt-get install -y golang)"
  if ! command -v patch >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing patch from Debian (applies our FerretDB patches)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq patch >/dev/null
  fi
  need patch "install patch (Debian: apt-get install -y patch)"
  log "building FerretDB $FERRETDB_VERSION from the Go module proxy; first build takes a few minutes"
  # The module zip lacks build/version/version.txt, which FerretDB's init requires when it is the main
  # module, so build from a private copy of the module source with that file written in.
  local src="$TOOLS/src/ferretdb"
  local dir; dir=$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  [ -n "$dir" ] || die "could not download FerretDB $FERRETDB_VERSION from the Go module proxy"
  rm -rf "$src"; mkdir -p "$(dirname "$src")"; cp -r "$dir" "$src"; chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
  local p
  for p in "$ROOT"/scripts/infra/patches/ferretdb-*.patch; do
    (cd "$src" && patch -p1 -s --no-backup-if-mismatch < "$p") || die "patch $(basename "$p") does not apply to FerretDB $FERRETDB_VERSION"
  done
  (cd "$src" && GOFLAGS=-trimpath go build -o "$TOOLS/bin/ferretdb" ./cmd/ferretdb)
  echo "$build" > "$TOOLS/ferretdb.stamp"
}

helm() {
  stamp_ok helm "$HELM_VERSION" && [ -x "$TOOLS/bin/helm" ] && return 0
  need go "install Go 1.24+ (Debian: apt-get install -y golang)"
  log "building Helm $HELM_VERSION from the Go module proxy; first build takes a few minutes"
  # the ldflags set the version and a current default Kubernetes version (plain go install leaves v1.20)
  local pkg=helm.sh/helm/v3
  GOBIN="$TOOLS/bin" go install -trimpath -ldflags "-s -w -X $pkg/internal/version.version=$HELM_VERSION \
    -X $pkg/pkg/chartutil.k8sVersionMajor=1 -X $pkg/pkg/chartutil.k8sVersionMinor=$HELM_KUBE_MINOR \
    -X $pkg/pkg/lint/rules.k8sVersionMajor=1 -X $pkg/pkg/lint/rules.k8sVersionMinor=$HELM_KUBE_MINOR" \
    "$pkg/cmd/helm@$HELM_VERSION"
  echo "$HELM_VERSION" > "$TOOLS/helm.stamp"
}

# Optional, not built by default: Prometheus Alertmanager, the baseline of bench/duty (npm run bench:duty).
# Its module zip lacks the web UI bundle (ui/app/dist, embedded with go:embed), so build from a private copy
# with a placeholder page, as for FerretDB above; the benchmark uses only the API and the webhook.
alertmanager() {
  local version="${ALERTMANAGER_VERSION:-v0.34.2}"
  stamp_ok alertmanager "$version" && [ -x "$TOOLS/bin/alertmanager" ] && return 0
  need go "install Go 1.24+ (Debian: apt-get install -y golang)"
  log "building Alertmanager $version from the Go module proxy (bench baseline)"
  local src="$TOOLS/src/alertmanager"
  local dir; dir=$(go mod download -json "github.com/prometheus/alertmanager@$version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  [ -n "$dir" ] || die "could not download Alertmanager $version from the Go module proxy"
  rm -rf "$src"; mkdir -p "$(dirname "$src")"; cp -r "$dir" "$src"; chmod -R u+w "$src"
  mkdir -p "$src/ui/app/dist"; echo '<!doctype html><title>alertmanager</title>' > "$src/ui/app/dist/index.html"
  (cd "$src" && GOFLAGS=-trimpath go build -o "$TOOLS/bin/alertmanager" ./cmd/alertmanager)
  echo "$version" > "$TOOLS/alertmanager.stamp"
}

postgres() {
  [ -n "$(pg_bin)" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing PostgreSQL from Debian (FerretDB's storage)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  [ -n "$(pg_bin)" ] || die "PostgreSQL server binaries not found; install them (Debian: apt-get install -y postgresql) or use FERRETDB_BACKEND=sqlite"
}

targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(kafka ferretdb postgres helm)
for t in "${targets[@]}"; do "$t"; done
