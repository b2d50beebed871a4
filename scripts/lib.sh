# Shared by scripts/up.sh and scripts/test.sh. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is required: $2" >&2; exit 1; }; }

# Installs the npm workspace (Node 24 comes from the pinned `node` package) unless it is current.
ensure_node_modules() {
  need npm "install Node.js with npm (any version ≥ 20 runs the installer; the project itself runs on Node 24)"
  local stamp=node_modules/.install-stamp
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ ! -x node_modules/.bin/node ]; then
    say "installing npm workspace"
    # not `npm ci`: this npm leaves other platforms' optional binaries out of the lockfile and then refuses
    # its own lockfile in `ci`; `install` still takes every version from package-lock.json
    npm install --no-audit --no-fund --loglevel=error
    touch "$stamp"
  fi
  export PATH="$ROOT/node_modules/.bin:$PATH"
  local v; v=$(node --version)
  case "$v" in v24.*) ;; *) echo "error: expected Node 24 from node_modules/.bin, got $v" >&2; exit 1 ;; esac
}

elapsed() { echo $(( $(date +%s) - $1 ))s; }
