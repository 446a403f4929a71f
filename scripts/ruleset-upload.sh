#!/usr/bin/env bash
# Sends a rules directory to the service: stores it as a version (POST /api/v1/rulesets), or only validates it.
# Prints the service's answer. Needs python3 and curl.
#
#   scripts/ruleset-upload.sh [--validate] DIR [LABEL]
#   env: URL or UNBIND_URL (default http://localhost:8080), UNBIND_USER (default admin:admin-demo-pw, a rules admin)
#   Exits non-zero when the service refuses (printing its answer, e.g. 422 naming every error) or cannot be reached.
set -euo pipefail
endpoint=/api/v1/rulesets
if [ "${1:-}" = --validate ]; then
    endpoint=/api/v1/rulesets/validate
    shift
fi
[ $# -ge 1 ] || { sed -n '2,7p' "$0" >&2; exit 2; }
dir=$1
label=${2:-}
[ -z "$label" ] || [ "$endpoint" = /api/v1/rulesets ] || { echo "a label goes with storing only" >&2; exit 2; }
python3 - "$dir" "$label" <<'PY' | curl -sS --fail-with-body -u "${UNBIND_USER:-admin:admin-demo-pw}" \
    -H 'Content-Type: application/json' --data-binary @- -w '\n' "${UNBIND_URL:-${URL:-http://localhost:8080}}$endpoint"
import json, pathlib, sys
root, label = pathlib.Path(sys.argv[1]), sys.argv[2]
files = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*"))
         if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)}
body = {"files": files}
if label:
    body["label"] = label
print(json.dumps(body))
PY
