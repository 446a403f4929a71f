#!/usr/bin/env bash
# What a shadow costs the live decisions (docs/benchmarks.md, "Shadow evaluation"): the packaged app on a fresh H2
# directory, decisions over HTTP from LOADERS keep-alive connections for SECONDS, first with no shadow, then with a
# candidate shadowing the active version (policy v1 with the ACCOUNT_CLOSURE fee at 60.00), then again without.
# Prints decisions/s and the median latency of each phase, and what the shadow compared.
#
#   benchmarks/shadow.sh   (env: SECONDS_PER_PHASE=20 LOADERS=16 PORT=18305; the app must be packaged)
set -euo pipefail
cd "$(dirname "$0")/.."
PHASE=${SECONDS_PER_PHASE:-20}
LOADERS=${LOADERS:-16}
PORT=${PORT:-18305}
WORK=$(mktemp -d)
. scripts/lib-app.sh
trap 'stop_app; rm -rf "$WORK"' EXIT
ensure_packaged
URL=http://127.0.0.1:$PORT
start_app service || exit 1

load() {  # load LABEL SECONDS: decisions for that long; prints the rate and the median latency
    python3 - "$PORT" "$2" "$LOADERS" "$1" <<'PY'
import base64, glob, http.client, json, statistics, sys, threading, time
port, seconds, loaders, label = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
requests = [json.dumps(json.load(open(f))["request"]) for f in sorted(glob.glob("rules/tests/examples/*.json"))]
auth = "Basic " + base64.b64encode(b"client:client-demo-pw").decode()
end = time.monotonic() + seconds
latencies, failed = [], []
def run(n):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = n
    while time.monotonic() < end:
        t = time.monotonic()
        c.request("POST", "/api/v1/decisions", requests[i % len(requests)],
                  {"Content-Type": "application/json", "Authorization": auth})
        r = c.getresponse(); r.read()
        latencies.append(time.monotonic() - t)
        if r.status != 200:
            failed.append(r.status)
        i += 1
threads = [threading.Thread(target=run, args=(n,)) for n in range(loaders)]
[t.start() for t in threads]; [t.join() for t in threads]
print(f"{label}: {len(latencies) / seconds:,.0f} decisions/s, median {statistics.median(latencies) * 1000:.1f} ms, "
      f"{len(failed)} not 200")
PY
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
load warm-up 10 >/dev/null
load "no shadow" "$PHASE"
NEW=$(store_closure_fee_candidate 60.00 "shadow benchmark")
SESSION=$(curl -fsS -u admin:admin-demo-pw -H 'Content-Type: application/json' -d '{}' \
    "$URL/api/v1/rulesets/$NEW/shadow" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
load "with a shadow" "$PHASE"
sleep 6
curl -fsS -u auditor:auditor-demo-pw "$URL/api/v1/rulesets/shadow?session=$SESSION" >"$WORK/shadow.json"
python3 - "$WORK/shadow.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["reports"][0]["result"]
print("the shadow compared %d live decisions; %d would change (fees: %d, verdicts: %d)"
      % (r["compared"], r["changed"], r["feesChanged"], r["verdictsChanged"]))
PY
curl -fsS -u admin:admin-demo-pw -H 'Content-Type: application/json' -d '{}' "$URL/api/v1/rulesets/shadow/stop" >/dev/null
load "no shadow again" "$PHASE"
curl -fsS "$URL/q/metrics" 2>/dev/null | grep '^unbind_shadow_dropped' || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
