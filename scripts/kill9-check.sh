#!/usr/bin/env bash
# kill -9 during a burst of decisions loses no decision that was answered 200.
#
# Starts the packaged app on an H2 data directory of its own, fires decisions from several curl workers in the
# background (each worker writes down the decisionId of every 200 it got in full), kill -9s the app in the middle of
# the burst, starts it again on the same files and reads back every id written down. Prints the counts and exits 1
# when a decision answered 200 is missing or the hash chains do not verify.
#
#   scripts/kill9-check.sh   (env: PORT=18181 WORKERS=4 BURST_SECONDS=4; APP_OPTS="-Dkey=value ..." for the app;
#                            KEEP=1 keeps the work directory)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18181}
WORKERS=${WORKERS:-4}
BURST_SECONDS=${BURST_SECONDS:-4}
WORK=$(mktemp -d)
# shellcheck source=lib-app.sh
. scripts/lib-app.sh
trap 'stop_app KILL; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

ensure_packaged
# shellcheck disable=SC2086
start_app before-kill ${APP_OPTS:-}

worker() {
    local n=0 id
    sed "s/\"M-100200\"/\"M-KILL9-$1\"/" src/test/resources/audit/request.json >"$WORK/request-$1.json"
    while [ ! -f "$WORK/stop" ]; do
        id=$(decide "$WORK/request-$1.json")
        if [ -n "$id" ]; then
            echo "$id" >>"$WORK/answered-$1.txt"
        fi
        n=$((n + 1))
    done
}
for w in $(seq 1 "$WORKERS"); do
    worker "$w" &
done
sleep "$BURST_SECONDS"
stop_app KILL
touch "$WORK/stop"
wait

cat "$WORK"/answered-*.txt 2>/dev/null | sort -u >"$WORK/answered.txt" || true
answered=$(wc -l <"$WORK/answered.txt")
# shellcheck disable=SC2086
start_app after-kill ${APP_OPTS:-}
lost=0
while read -r id; do
    status=$(curl -s "${AS_AUDITOR[@]}" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/decisions/$id")
    if [ "$status" != 200 ]; then
        echo "LOST: $id answered 200 before the kill, now $status" >&2
        lost=$((lost + 1))
    fi
done <"$WORK/answered.txt"
verify=$(curl -s "${AS_AUDITOR[@]}" "http://127.0.0.1:$PORT/api/v1/audit/verify")
recorded=$(printf '%s' "$verify" | grep -o '"recordsChecked":[0-9]*' | cut -d: -f2)
intact=$(printf '%s' "$verify" | grep -o '"intact":[a-z]*' | cut -d: -f2)

echo "kill -9 check: $answered decisions answered 200 before the kill, $((answered - lost)) readable after" \
    "the restart, $lost lost; $recorded records in the store; chains intact: $intact"
[ "$answered" -gt 0 ] || { echo "no decision was answered during the burst; nothing was checked" >&2; exit 1; }
[ "$lost" -eq 0 ] && [ "$intact" = true ]
