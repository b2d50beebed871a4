#!/usr/bin/env bash
# A published contract never changes incompatibly (ARCHITECTURE §6). Checks every commit that touched proto/
# against its parent with buf's WIRE_JSON rules, and the working tree against HEAD. A commit whose message
# carries the trailer "Proto-Break-Approved: <reason>" is exempt (for contracts not yet published).
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
check() { # input against label
  if ! out=$(buf breaking "$1" --against "$2" 2>&1); then echo "$3:"; echo "$out"; fail=1; fi
}
# buf clones the repository for a git input, 50 commits deep by default: deep enough to reach the first commit
depth=$(( $(git rev-list --count HEAD) + 1 ))
for c in $(git rev-list HEAD -- proto); do
  git rev-parse -q --verify "$c^:proto/buf.yaml" >/dev/null || continue # first commit with protos
  git log -1 --format=%B "$c" | grep -q '^Proto-Break-Approved:' && continue
  check ".git#ref=$c,subdir=proto,depth=$depth" ".git#ref=$c^,subdir=proto,depth=$depth" "commit $(git log -1 --format='%h %s' "$c")"
done
if git rev-parse -q --verify HEAD:proto/buf.yaml >/dev/null; then
  check proto ".git#ref=HEAD,subdir=proto,depth=$depth" "working tree"
fi
[ "$fail" = 0 ] && echo "no breaking contract change in $(git rev-list --count HEAD -- proto) proto commits or the working tree"
exit "$fail"
