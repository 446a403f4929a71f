#!/usr/bin/env bash
# Two instances sharing one PostgreSQL database follow an activation made on one of them.
#
#  1. creates a fresh database and starts two packaged instances on it (same rules: a handling fee of 10.00);
#  2. stores a version with a fee of 25.00 and activates it on instance A;
#  3. decides on instance B every 100 ms until B answers with the new version and the new fee, and prints the time
#     from the activation to B's first decision with it. Fails if that takes longer than the sync interval + 10 s.
#
#   scripts/two-instances-check.sh   (env: PORT_A=18201 PORT_B=18202 SYNC=2s PGURL=jdbc:postgresql://127.0.0.1:5432/
#                                      PGHOST=127.0.0.1 PGUSER=postgres KEEP=1 keeps the work directory)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT_A=${PORT_A:-18201}
PORT_B=${PORT_B:-18202}
SYNC=${SYNC:-2s}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
PGURL=${PGURL:-jdbc:postgresql://$PGHOST:5432/}
DB=unbind_two_$(date +%s)_$$
WORK=$(mktemp -d)
PIDS=()
AS_ADMIN=(-u admin:admin-demo-pw)
AS_CLIENT=(-u client:client-demo-pw)

cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    psql -q -h "$PGHOST" -U "$PGUSER" -d test -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "FAILED: $*" >&2
    exit 1
}

# start NAME PORT: starts a packaged instance on the shared database; waits until it is ready.
start() {
    java -Dquarkus.http.port="$2" -Dunbind.storage.kind=postgresql \
        -Dquarkus.datasource.postgresql.jdbc.url="$PGURL$DB" -Dquarkus.datasource.postgresql.username="$PGUSER" \
        -Dunbind.rules.directory="$WORK/rules" -Dunbind.rules.sync-interval="$SYNC" \
        -Dunbind.security.users-file=config/demo-users -jar target/quarkus-app/quarkus-run.jar \
        >"$WORK/app-$1.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "${PIDS[-1]}" 2>/dev/null || fail "instance $1 exited during startup; see $WORK/app-$1.log"
        sleep 0.5
    done
    fail "instance $1 was not ready after 60 s; see $WORK/app-$1.log"
}

# decide PORT: prints "version fee" of a decision answered on that instance.
decide() {
    local answer
    answer=$(curl -s --max-time 10 "${AS_CLIENT[@]}" -H 'Content-Type: application/json' \
        --data-binary @src/test/resources/audit/request.json "http://127.0.0.1:$1/api/v1/decisions")
    printf '%s %s\n' "$(printf '%s' "$answer" | grep -o '"rulesetVersion":"[^"]*"' | cut -d'"' -f4)" \
        "$(printf '%s' "$answer" | grep -o '"code":"HANDLING","amount":[0-9.]*' | cut -d: -f3)"
}

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
psql -q -h "$PGHOST" -U "$PGUSER" -d test -c "CREATE DATABASE $DB" >/dev/null
cp -r src/test/resources/ruleset/rules "$WORK/rules"
start A "$PORT_A"
start B "$PORT_B"
read -r v1 fee_a <<<"$(decide "$PORT_A")"
read -r v1_b fee_b <<<"$(decide "$PORT_B")"
[ "$v1" = "$v1_b" ] && [ "$fee_a" = 10.00 ] && [ "$fee_b" = 10.00 ] \
    || fail "the instances do not start on the same version with a fee of 10.00: $v1 $fee_a / $v1_b $fee_b"
echo "both instances decide with $v1 (handling fee 10.00); sync interval $SYNC"

python3 - "$WORK/rules" >"$WORK/candidate.json" <<'PY'
import json, pathlib, sys
root = pathlib.Path(sys.argv[1])
files = {str(p.relative_to(root)): p.read_text() for p in root.rglob('*') if p.is_file()}
files = {k: v.replace('"10.00"', '"25.00"').replace('"amount": 10.0', '"amount": 25.00') for k, v in files.items()}
print(json.dumps({"files": files, "label": "handling 25.00 (two-instances check)"}))
PY
v2=$(curl -s "${AS_ADMIN[@]}" -H 'Content-Type: application/json' --data-binary @"$WORK/candidate.json" \
    "http://127.0.0.1:$PORT_A/api/v1/rulesets" | grep -o '"version":"[^"]*"' | head -1 | cut -d'"' -f4)
[ -n "$v2" ] || fail "the 25.00 version was not stored"
# four-eyes: the approver, not the admin who stored it, approves it first
curl -sf -u approver:approver-demo-pw -H 'Content-Type: application/json' \
    --data-binary '{"comment": "two-instances check"}' \
    "http://127.0.0.1:$PORT_A/api/v1/rulesets/$v2/approve" >/dev/null || fail "approving $v2 failed"
activated=$(date +%s%N)
curl -sf "${AS_ADMIN[@]}" -X POST "http://127.0.0.1:$PORT_A/api/v1/rulesets/$v2/activate" >/dev/null \
    || fail "activating $v2 on A failed"
read -r now_a fee_a <<<"$(decide "$PORT_A")"
[ "$now_a" = "$v2" ] && [ "$fee_a" = 25.00 ] || fail "A does not decide with $v2 right after activating it"
echo "activated $v2 (handling fee 25.00) on A; A decides with it at once"

limit_ms=$(( $(printf '%s' "$SYNC" | tr -dc 0-9) * 1000 + 10000 ))
while true; do
    read -r now_b fee_b <<<"$(decide "$PORT_B")"
    elapsed_ms=$(( ($(date +%s%N) - activated) / 1000000 ))
    if [ "$now_b" = "$v2" ]; then
        [ "$fee_b" = 25.00 ] || fail "B names $v2 but charges $fee_b"
        break
    fi
    [ "$now_b" = "$v1" ] && [ "$fee_b" = 10.00 ] || fail "B answered $now_b with a fee of $fee_b"
    [ "$elapsed_ms" -le "$limit_ms" ] || fail "B still decides with $v1 ${elapsed_ms} ms after the activation"
    sleep 0.1
done
health=$(curl -s "http://127.0.0.1:$PORT_B/q/health/ready" | grep -o "$v2" | head -1)
[ "$health" = "$v2" ] || fail "B's readiness does not show $v2"
printf 'OK: instance B decided with %s (fee 25.00) %d.%03d s after it was activated on A (sync interval %s)\n' \
    "$v2" $((elapsed_ms / 1000)) $((elapsed_ms % 1000)) "$SYNC"
