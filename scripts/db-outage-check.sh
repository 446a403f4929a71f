#!/usr/bin/env bash
# Faults under load: two instances on one PostgreSQL database, a steady stream of decisions to both, and three faults
# in turn. Every request's outcome is written down (scripts/steady-load.py) and checked at the end.
#
#  1. the PostgreSQL server is stopped for OUTAGE seconds (pg_ctlcluster stop -m fast), then started again;
#  2. every connection of the instances is killed with pg_terminate_backend;
#  3. instance B is killed with kill -9 while it activates a new rule-set version; A goes on deciding; B is started
#     again and must decide with the version that is active.
#
# Passes when: no answer is other than 200, 503 or 429; every 503 carries Retry-After; no request takes longer than
# BOUND seconds (a decision waits at most the pool's acquisition timeout, 5 s, for a connection); every 200 has its
# record in the database (0 lost, 0 unrecorded); both instances answer 200 again within RECOVERY seconds of the
# database coming back, without a restart; the restarted B decides with the active version; and verify finds the
# store intact. Prints the figures as a Markdown table (docs/operations.md).
#
# It stops and starts the machine's PostgreSQL server, so it needs to run as the server's owner or root, with
# nothing else using the server meanwhile (CI runs it after the tests).
#
#   scripts/db-outage-check.sh   (env: PORT_A=18211 PORT_B=18212 RATE=100 OUTAGE=10 BOUND=6 RECOVERY=5
#                                 PGHOST=127.0.0.1 PGUSER=postgres KEEP=1 keeps the work directory)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT_A=${PORT_A:-18211}
PORT_B=${PORT_B:-18212}
RATE=${RATE:-100}
OUTAGE=${OUTAGE:-10}
BOUND=${BOUND:-6}
RECOVERY=${RECOVERY:-5}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
CLUSTER=$(ls /etc/postgresql 2>/dev/null | head -n 1)
DB=unbind_outage_$(date +%s)_$$
WORK=$(mktemp -d)
APP_JAR=target/quarkus-app/quarkus-run.jar
declare -A PID
LOAD_PID=

pg_ready() {
    pg_isready -h "$PGHOST" -p 5432 -q 2>/dev/null
}
pg_start() {
    pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main start
    for _ in $(seq 1 60); do
        pg_ready && return 0
        sleep 0.5
    done
    echo "PostgreSQL did not come back within 30 s" >&2
    return 1
}
psql_q() {
    psql -q -At -h "$PGHOST" -U "$PGUSER" "$@"
}

cleanup() {
    [ -z "$LOAD_PID" ] || kill "$LOAD_PID" 2>/dev/null || true
    for name in "${!PID[@]}"; do
        kill "${PID[$name]}" 2>/dev/null || true
        wait "${PID[$name]}" 2>/dev/null || true
    done
    # never leave the machine without its database server
    pg_ready || pg_start || true
    psql_q -d test -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    [ -n "${KEEP:-}" ] && echo "work directory kept: $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "FAILED: $*" >&2
    exit 1
}

event() {
    echo "$1 $(date +%s%3N)" >>"$WORK/events"
    echo "$(date +%T) $1"
}

# start NAME PORT: starts a packaged instance on the shared database and waits until it is ready.
start() {
    java -Dquarkus.http.port="$2" -Dunbind.storage.kind=postgresql \
        -Dquarkus.datasource.postgresql.jdbc.url="jdbc:postgresql://$PGHOST:5432/$DB" \
        -Dquarkus.datasource.postgresql.username="$PGUSER" -Dunbind.rules.directory="$WORK/rules" \
        -Dunbind.security.users-file=config/demo-users \
        -Dunbind.storage.data-directory="$WORK/data-$1" -Dunbind.audit.signing-key-file="$WORK/audit-signing-key" \
        -jar "$APP_JAR" >>"$WORK/app-$1.log" 2>&1 &
    PID[$1]=$!
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "${PID[$1]}" 2>/dev/null || fail "instance $1 exited during startup; see $WORK/app-$1.log"
        sleep 0.5
    done
    fail "instance $1 was not ready after 60 s; see $WORK/app-$1.log"
}

active_version() {
    curl -sf -u auditor:auditor-demo-pw "http://127.0.0.1:$1/api/v1/rulesets/active" \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])'
}

[ -n "$CLUSTER" ] || fail "no PostgreSQL cluster under /etc/postgresql: this check stops and starts the local server"
pg_ready || fail "PostgreSQL is not running on $PGHOST:5432"
[ -f "$APP_JAR" ] || ./mvnw -B -q package -DskipTests
psql_q -d test -c "CREATE DATABASE $DB" >/dev/null
cp -r rules "$WORK/rules"
start A "$PORT_A"
start B "$PORT_B"
A=http://127.0.0.1:$PORT_A
B=http://127.0.0.1:$PORT_B
echo "instances A ($A) and B ($B) on database $DB; load $RATE decisions/s over both; log in $WORK"

python3 scripts/steady-load.py --url "$A" --url "$B" --rate "$RATE" --timeout "$BOUND" \
    --body src/test/resources/audit/request.json --out "$WORK/load.csv" --stop-file "$WORK/STOP" \
    2>"$WORK/load.err" &
LOAD_PID=$!
event load-start
sleep 10

# 1. the database server stops for OUTAGE seconds
event pg-stop
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main stop -m fast
sleep "$OUTAGE"
pg_start
event pg-back
sleep 15

# 2. every connection of both instances killed
event terminate
killed=$(psql_q -d test -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '$DB'")
echo "pg_terminate_backend ended $killed connections"
sleep 10

# 3. kill -9 B while it activates a new version
PORT=$PORT_A
APP_PID=
source scripts/lib-app.sh
candidate=$(store_closure_fee_candidate 66.00 "outage check")
[ -n "$candidate" ] || fail "the candidate version was not stored"
curl -sf -u approver:approver-demo-pw -H 'Content-Type: application/json' \
    --data-binary '{"comment": "outage check"}' "$A/api/v1/rulesets/$candidate/approve" >/dev/null \
    || fail "approving $candidate failed"
before=$(active_version "$PORT_A")
event activate-on-b
curl -s -u admin:admin-demo-pw -X POST "$B/api/v1/rulesets/$candidate/activate" -o "$WORK/activate.out" \
    -w '%{http_code}' >"$WORK/activate.status" 2>/dev/null &
activate_pid=$!
sleep "${KILL_AFTER:-0.15}"
kill -9 "${PID[B]}"
event kill-b
wait "$activate_pid" 2>/dev/null || true
wait "${PID[B]}" 2>/dev/null || true
unset 'PID[B]'
sleep 5
start B "$PORT_B"
event b-restarted
sleep 3
active_a=$(active_version "$PORT_A")
active_b=$(active_version "$PORT_B")
if [ "$active_a" = "$candidate" ]; then outcome="committed before the kill"; else outcome="not committed"; fi
echo "activation on B: answered '$(cat "$WORK/activate.status")' before the kill; $outcome"
echo "active version: before $before; after: A $active_a, B $active_b"
[ "$active_a" = "$active_b" ] || fail "after its restart B decides with $active_b while A decides with $active_a"
sleep 5

touch "$WORK/STOP"
wait "$LOAD_PID" || fail "the load generator failed: $(cat "$WORK/load.err")"
LOAD_PID=
event load-end

psql_q -d "$DB" -c "SELECT decision_id FROM decision_record" >"$WORK/recorded.txt"
verify=$(curl -sf -u auditor:auditor-demo-pw "$A/api/v1/audit/verify")
decided_b=$(curl -sf -u client:client-demo-pw -H 'Content-Type: application/json' \
    --data-binary @src/test/resources/audit/request.json "$B/api/v1/decisions" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["rulesetVersion"])')
[ "$decided_b" = "$active_a" ] || fail "the restarted B decided with $decided_b, not the active $active_a"

python3 - "$WORK" "$BOUND" "$RECOVERY" "$verify" "$killed" "$outcome" <<'PY'
import csv, json, sys
work, bound, recovery, verify, killed, outcome = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), \
    json.loads(sys.argv[4]), sys.argv[5], sys.argv[6]
events = {}
for line in open(work + '/events'):
    name, at = line.split()
    events[name] = int(at)
rows = list(csv.DictReader(open(work + '/load.csv')))
recorded = set(l.strip() for l in open(work + '/recorded.txt') if l.strip())
problems = []
phases = [('steady', 'load-start', 'pg-stop'), ('database stopped', 'pg-stop', 'pg-back'),
          ('database back', 'pg-back', 'terminate'), ('connections terminated', 'terminate', 'activate-on-b'),
          ('B killed during activation', 'activate-on-b', 'load-end')]
def phase_of(t):
    for name, start, end in phases:
        if events[start] <= t < events[end]:
            return name
    return 'after'
table = []
for name, start, end in phases:
    mine = [r for r in rows if events[start] <= int(r['sent_ms']) < events[end]]
    count = lambda p: sum(1 for r in mine if p(r['status']))
    latencies = sorted(float(r['latency_ms']) for r in mine)
    table.append((name, (events[end] - events[start]) / 1000, len(mine), count(lambda s: s == '200'),
                  count(lambda s: s == '503'), count(lambda s: s not in ('200', '503')),
                  latencies[len(latencies) // 2] if latencies else 0, latencies[-1] if latencies else 0))
for r in rows:
    s = r['status']
    if s in ('refused',) or s.startswith('broken'):
        # only B, only while it was down
        if not (r['instance'] == '1' and events['kill-b'] - 1000 <= int(r['sent_ms']) < events['b-restarted']):
            problems.append('%s at %s on instance %s outside B\'s restart' % (s, r['sent_ms'], r['instance']))
    elif s not in ('200', '503', '429'):
        problems.append('answer %s at %s on instance %s (phase %s)' % (s, r['sent_ms'], r['instance'],
                                                                     phase_of(int(r['sent_ms']))))
    if s == '503' and not r['retry_after']:
        problems.append('503 without Retry-After at %s' % r['sent_ms'])
    if float(r['latency_ms']) > bound * 1000:
        problems.append('a request took %s ms at %s' % (r['latency_ms'], r['sent_ms']))
answered = [r['decision_id'] for r in rows if r['status'] == '200']
unrecorded = [d for d in answered if d not in recorded]
if unrecorded:
    problems.append('%d answered decisions have no record: %s' % (len(unrecorded), unrecorded[:5]))
def first_200_after(event, instance):
    after = [int(r['sent_ms']) + float(r['latency_ms']) for r in rows
             if r['instance'] == instance and r['status'] == '200' and int(r['sent_ms']) >= events[event]]
    return (min(after) - events[event]) / 1000 if after else None
recovered = {}
for instance, label in (('0', 'A'), ('1', 'B')):
    for event in ('pg-back', 'terminate'):
        took = first_200_after(event, instance)
        recovered[(label, event)] = took
        if took is None or took > recovery:
            problems.append('instance %s answered no 200 within %.0f s of %s (took %s)' % (label, recovery, event,
                                                                                         took))
a_meanwhile = [r for r in rows if r['instance'] == '0' and events['kill-b'] <= int(r['sent_ms']) < events['b-restarted']]
if not a_meanwhile or any(r['status'] != '200' for r in a_meanwhile):
    problems.append('instance A did not go on deciding while B was down: %s' % sorted(set(r['status']
                                                                                         for r in a_meanwhile)))
stopped = [r for r in rows if events['pg-stop'] <= int(r['sent_ms']) < events['pg-back']]
if not any(r['status'] == '503' for r in stopped):
    problems.append('no 503 while the database was stopped: the outage was not seen')
if not verify.get('intact'):
    problems.append('verify is not intact: %s' % json.dumps(verify)[:400])
print()
print('| phase | seconds | requests | 200 | 503 | other | median ms | max ms |')
print('|---|---|---|---|---|---|---|---|')
for name, seconds, n, ok, unavailable, other, median, worst in table:
    print('| %s | %.1f | %d | %d | %d | %d | %.1f | %.0f |' % (name, seconds, n, ok, unavailable, other, median,
                                                            worst))
print()
print('- answered 200: %d, every one recorded (%d records in the database; %d unrecorded)' % (
    len(answered), len(recorded), len(unrecorded)))
print('- 503 answers with Retry-After: %d of %d' % (sum(1 for r in rows if r['status'] == '503' and r['retry_after']),
                                                   sum(1 for r in rows if r['status'] == '503')))
print('- other outcomes: %s' % (', '.join('%s %d' % (s, sum(1 for r in rows if r['status'] == s))
                                          for s in sorted(set(r['status'] for r in rows) - {'200', '503'})) or 'none'))
print('- first 200 after the database came back: A %.2f s, B %.2f s' % (recovered[('A', 'pg-back')] or -1,
                                                                      recovered[('B', 'pg-back')] or -1))
print('- first 200 after pg_terminate_backend (%s connections): A %.2f s, B %.2f s' % (
    killed, recovered[('A', 'terminate')] or -1, recovered[('B', 'terminate')] or -1))
print('- kill -9 of B during the activation: %s; A answered all of its %d decisions with 200 while B was down'
      % (outcome, len(a_meanwhile)))
print('- verify: intact, %d records checked' % verify['recordsChecked'])
if problems:
    print()
    for p in problems[:30]:
        print('PROBLEM: ' + p)
    print('FAILED: %d problems' % len(problems))
    sys.exit(1)
print()
print('OK: 0 lost, 0 unrecorded, no 500, no hang over %.0f s, both instances back within %.0f s' % (bound, recovery))
PY
