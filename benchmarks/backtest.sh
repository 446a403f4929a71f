#!/usr/bin/env bash
# A backtest of many recorded decisions (docs/benchmarks.md, "Backtests"): the benchmark makes its own store. It
# starts the packaged app on a fresh H2 directory, records DECISIONS decisions over HTTP (the eight worked examples
# in turn, each with a case id of its own, from LOADERS keep-alive connections), stores a candidate (policy v1 with
# the ACCOUNT_CLOSURE fee at 60.00), then backtests it over all of them, against the active version (the default)
# and against the recorded answers, and prints the time each took from its own start to its end and the rate.
#
#   benchmarks/backtest.sh   (env: DECISIONS=100000 LOADERS=16 PORT=18304 APP_OPTS="-Dkey=value ..."; the app must
#                             be packaged)
set -euo pipefail
cd "$(dirname "$0")/.."
DECISIONS=${DECISIONS:-100000}
LOADERS=${LOADERS:-16}
PORT=${PORT:-18304}
WORK=$(mktemp -d)
. scripts/lib-app.sh
trap 'stop_app; rm -rf "$WORK"' EXIT
ensure_packaged
URL=http://127.0.0.1:$PORT

# shellcheck disable=SC2086
start_app service ${APP_OPTS:-} || exit 1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(date +%s.%N)
python3 - "$PORT" "$DECISIONS" "$LOADERS" <<'PY'
import base64, glob, http.client, json, sys, threading
port, total, loaders = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
requests = [json.load(open(f))["request"] for f in sorted(glob.glob("rules/tests/examples/*.json"))]
auth = "Basic " + base64.b64encode(b"client:client-demo-pw").decode()
counter = iter(range(total))
lock = threading.Lock()
failed = []
def load():
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while True:
        with lock:
            i = next(counter, None)
        if i is None:
            return
        body = dict(requests[i % len(requests)], caseId=f"BACKTEST-{i}")
        c.request("POST", "/api/v1/decisions", json.dumps(body), {"Content-Type": "application/json",
                  "Authorization": auth})
        r = c.getresponse()
        r.read()
        if r.status != 200:
            failed.append(r.status)
threads = [threading.Thread(target=load) for _ in range(loaders)]
[t.start() for t in threads]
[t.join() for t in threads]
if failed:
    sys.exit(f"{len(failed)} decisions were not answered 200: {sorted(set(failed))}")
PY
echo "recorded $DECISIONS decisions in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"

NEW=$(store_closure_fee_candidate 60.00 "backtest benchmark")

for baseline in active recorded; do
    id=$(curl -fsS -u auditor:auditor-demo-pw -X POST \
        "$URL/api/v1/rulesets/$NEW/simulate?limit=$DECISIONS&wait=0&baseline=$baseline" | python3 -c \
        'import json, sys; print(json.load(sys.stdin)["simulationId"])')
    while true; do
        curl -fsS -u auditor:auditor-demo-pw "$URL/api/v1/rulesets/simulations/$id?limit=1" >"$WORK/sim.json"
        status=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["status"])' "$WORK/sim.json")
        [ "$status" = RUNNING ] || break
        sleep 1
    done
    python3 - "$WORK/sim.json" "$baseline" <<'PY'
import json, sys
from datetime import datetime
s = json.load(open(sys.argv[1]))
if s["status"] != "DONE":
    sys.exit(f"the simulation ended {s['status']}: {s.get('error')}")
took = (datetime.fromisoformat(s["finishedAt"].replace("Z", "+00:00"))
        - datetime.fromisoformat(s["startedAt"].replace("Z", "+00:00"))).total_seconds()
r = s["result"]
print(f"backtest against {sys.argv[2]}: {r['compared']} decisions in {took:.1f} s ({r['compared'] / took:,.0f}/s); "
      f"changed {r['changed']}, fees changed {r['feesChanged']}, verdicts changed {r['verdictsChanged']}, "
      f"fee totals {r['feeTotals']['before']} -> {r['feeTotals']['after']}")
PY
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
