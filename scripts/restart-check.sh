#!/usr/bin/env bash
# Decisions survive a restart of the packaged app and replay against their own rule-set version after a rule change.
#
#  1. starts the app on a copy of the audit tests' rule set (handling fee 10.00) and decides a few cases;
#  2. restarts it: every decision is readable and replays identical against its recorded version;
#  3. edits the fee to 25.00 and restarts on the changed rules: old decisions still replay identical against their
#     own version, and against the active version the replay reports exactly the changed fee and the totals.
# Prints one line per phase; exits 1 at the first failed check.
#
#   scripts/restart-check.sh   (env: PORT=18182 DECISIONS=5 KEEP=1 keeps the work directory)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18182}
DECISIONS=${DECISIONS:-5}
WORK=$(mktemp -d)
# shellcheck source=lib-app.sh
. scripts/lib-app.sh
trap 'stop_app; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

replay() {
    curl -s "${AS_AUDITOR[@]}" -X POST "http://127.0.0.1:$PORT/api/v1/decisions/$1/replay${2:+?ruleset=$2}"
}

ensure_packaged
cp -r src/test/resources/audit/rules "$WORK/rules"
RULES="-Dunbind.rules.directory=$WORK/rules"

start_app first "$RULES"
for i in $(seq 1 "$DECISIONS"); do
    sed "s/\"CASE-2026-0001\"/\"CASE-RESTART-$i\"/" src/test/resources/audit/request.json >"$WORK/request.json"
    id=$(decide "$WORK/request.json")
    [ -n "$id" ] || fail "decision $i was not answered 200"
    echo "$id" >>"$WORK/ids.txt"
done
stop_app
echo "phase 1: $DECISIONS decisions recorded, app stopped"

start_app second "$RULES"
while read -r id; do
    status=$(curl -s "${AS_AUDITOR[@]}" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/decisions/$id")
    [ "$status" = 200 ] || fail "$id is not readable after the restart ($status)"
    replay "$id" | grep -q '"identical":true' || fail "$id does not replay identical after the restart"
done <"$WORK/ids.txt"
stop_app
echo "phase 2: after a restart all $DECISIONS are readable and replay identical against their recorded version"

sed -i 's/"10.00"/"25.00"/' "$WORK/rules/fees/handling.drl"
start_app third "$RULES"
# the changed directory is stored at the start and waits for its approval (four-eyes); approve it, then reload
pending=$(curl -s "${AS_AUDITOR[@]}" "http://127.0.0.1:$PORT/api/v1/rulesets" | python3 -c \
    'import json, sys; print(next(v["version"] for v in json.load(sys.stdin)["items"] if v["state"] == "awaiting-approval"))')
curl -sf -u approver:approver-demo-pw -H 'Content-Type: application/json' --data-binary '{"comment": "restart check"}' \
    "http://127.0.0.1:$PORT/api/v1/rulesets/$pending/approve" >/dev/null || fail "approving $pending failed"
curl -sf -u admin:admin-demo-pw -X POST "http://127.0.0.1:$PORT/api/v1/rulesets/reload" | grep -q '"changed":true' \
    || fail "the approved directory version did not become active"
while read -r id; do
    replay "$id" | grep -q '"identical":true' || fail "$id does not replay identical against its own version"
    active=$(replay "$id" active)
    printf '%s' "$active" | grep -q '"identical":false' || fail "$id replays identical against the changed rules"
    fields=$(printf '%s' "$active" | grep -o '"field":"[^"]*"' | cut -d'"' -f4 | paste -sd, -)
    [ "$fields" = "fees[HANDLING],totals.fees,totals.net" ] || fail "$id: unexpected differences: $fields"
    printf '%s' "$active" | grep -q '"original":{"code":"HANDLING","amount":10.00' || fail "$id: old fee not 10.00"
    printf '%s' "$active" | grep -q '"replayed":{"code":"HANDLING","amount":25.00' || fail "$id: new fee not 25.00"
done <"$WORK/ids.txt"
echo "phase 3: after the fee changed to 25.00 all $DECISIONS replay identical against their own version;" \
    "against the active version each reports exactly fees[HANDLING] 10.00 -> 25.00, totals.fees, totals.net"
