#!/usr/bin/env bash
# A soak: COUNT decisions at a steady RATE on one packaged instance, sampling its health as it goes, then checks
# that nothing grew that should stay flat, that the store's size is what the decisions explain, and that verify is
# intact. Writes the samples (CSV), a plot (PNG, gnuplot) and a summary (Markdown) to OUT.
#
# Every SAMPLE seconds: the heap used after a full GC (jcmd GC.run, then GC.heap_info), the process's threads, open
# file descriptors and resident memory, the database connections it holds (PostgreSQL: pg_stat_activity; H2 is
# embedded: its open files are among the descriptors), the store's size, the decisions answered and the p99 latency
# of the last interval.
#
#   scripts/soak.sh   (env: DB=h2|postgresql COUNT=1000000 RATE=600 SAMPLE=30 PORT=18241 OUT=target/soak-$DB
#                      PGHOST=127.0.0.1 PGUSER=postgres; needs gnuplot for the plot: apt-get install gnuplot-nox)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-h2}
COUNT=${COUNT:-1000000}
RATE=${RATE:-600}
SAMPLE=${SAMPLE:-30}
PORT=${PORT:-18241}
OUT=${OUT:-target/soak-$DB}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
PGDB=unbind_soak_$(date +%s)_$$
APP_JAR=target/quarkus-app/quarkus-run.jar
APP=
LOAD=

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
rm -rf "$OUT/data" "$OUT"/*.csv "$OUT"/*.png
cleanup() {
    [ -z "$LOAD" ] || kill "$LOAD" 2>/dev/null || true
    [ -z "$APP" ] || { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }
    [ "$DB" != postgresql ] || [ -n "${KEEP:-}" ] \
        || psql -q -h "$PGHOST" -U "$PGUSER" -d test -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" >/dev/null 2>&1 \
        || true
}
trap cleanup EXIT
fail() {
    echo "FAILED: $*" >&2
    exit 1
}

[ -f "$APP_JAR" ] || ./mvnw -B -q package -DskipTests
options=(-Dquarkus.http.port="$PORT" -Dunbind.storage.data-directory="$OUT/data"
         -Dunbind.security.users-file=config/demo-users)
if [ "$DB" = postgresql ]; then
    psql -q -h "$PGHOST" -U "$PGUSER" -d test -c "CREATE DATABASE $PGDB" >/dev/null
    options+=(-Dunbind.storage.kind=postgresql -Dquarkus.datasource.postgresql.jdbc.url="jdbc:postgresql://$PGHOST:5432/$PGDB"
              -Dquarkus.datasource.postgresql.username="$PGUSER")
fi
java -Xmx1g "${options[@]}" -jar "$APP_JAR" >"$OUT/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$APP" 2>/dev/null || fail "the app exited during startup; see $OUT/app.log"
    sleep 0.5
done
echo "$(date +%T) soak: $COUNT decisions at $RATE/s on $DB (pid $APP); load average $(cut -d' ' -f1-3 /proc/loadavg)"

python3 scripts/steady-load.py --url "http://127.0.0.1:$PORT" --rate "$RATE" --count "$COUNT" --timeout 30 \
    --workers 32 --body src/test/resources/audit/request.json --out "$OUT/load.csv" 2>"$OUT/load.err" &
LOAD=$!
started=$(date +%s)

store_bytes() {
    if [ "$DB" = postgresql ]; then
        psql -At -h "$PGHOST" -U "$PGUSER" -d test -c "SELECT pg_database_size('$PGDB')"
    else
        du -sb "$OUT/data" | cut -f1
    fi
}
connections() {
    if [ "$DB" = postgresql ]; then
        psql -At -h "$PGHOST" -U "$PGUSER" -d test -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$PGDB'"
    else
        echo ""
    fi
}
sample() {
    jcmd "$APP" GC.run >/dev/null
    local heap
    heap=$(jcmd "$APP" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
    local answered
    answered=$(curl -sf "http://127.0.0.1:$PORT/q/metrics" | grep '^unbind_decisions_total' \
        | awk '{s += $2} END {printf "%d", s}')
    echo "$(( $(date +%s) - started )),$answered,$(( heap / 1024 )),$(( $(grep VmRSS /proc/$APP/status | tr -dc 0-9) / 1024 )),$(ls /proc/$APP/task | wc -l),$(ls /proc/$APP/fd | wc -l),$(connections),$(store_bytes),$(cut -d' ' -f1 /proc/loadavg)" \
        >>"$OUT/samples.csv"
}
echo "elapsed_s,answered,heap_after_gc_mb,rss_mb,threads,fds,db_connections,store_bytes,load1" >"$OUT/samples.csv"
sample
while kill -0 "$LOAD" 2>/dev/null; do
    sleep "$SAMPLE"
    kill -0 "$APP" 2>/dev/null || fail "the app died during the soak; see $OUT/app.log"
    sample
    tail -1 "$OUT/samples.csv"
done
wait "$LOAD" || fail "the load generator failed: $(cat "$OUT/load.err")"
LOAD=
ended=$(date +%s)
sleep 12  # the tree's next checkpoint (every 10 s)
sample
verify_started=$(date +%s%3N)
curl -sf --max-time 3600 -u auditor:auditor-demo-pw "http://127.0.0.1:$PORT/api/v1/audit/verify" >"$OUT/verify.json" \
    || fail "verify did not answer"
verify_ms=$(( $(date +%s%3N) - verify_started ))

python3 - "$OUT" "$DB" "$COUNT" "$RATE" "$(( ended - started ))" "$verify_ms" <<'PY'
import csv, json, statistics, sys
out, db, count, rate, seconds, verify_ms = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), \
    int(sys.argv[5]), int(sys.argv[6])
samples = list(csv.DictReader(open(out + '/samples.csv')))
verify = json.load(open(out + '/verify.json'))
statuses, latencies, first_sent, last_sent = {}, [], None, None
with open(out + '/load.csv') as f:
    for r in csv.DictReader(f):
        statuses[r['status']] = statuses.get(r['status'], 0) + 1
        latencies.append(float(r['latency_ms']))
        sent = int(r['sent_ms'])
        first_sent = sent if first_sent is None else min(first_sent, sent)
        last_sent = sent if last_sent is None else max(last_sent, sent)
seconds = max(1, (last_sent - first_sent) / 1000)
latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(len(latencies) * p))]
problems = []
ok = statuses.get('200', 0)
if ok != count:
    problems.append('%d of %d requests answered 200: %s' % (ok, count, statuses))
if not verify.get('intact') or verify.get('recordsChecked') != ok:
    problems.append('verify: intact=%s, %s records checked for %d answered' % (verify.get('intact'),
                                                                            verify.get('recordsChecked'), ok))
# flat: the last quarter against the first (after the first sample, which is before any load)
body = samples[1:-1]
quarter = max(1, len(body) // 4)
def spread(key):
    first = [float(s[key]) for s in body[:quarter] if s[key]]
    last = [float(s[key]) for s in body[-quarter:] if s[key]]
    return (statistics.median(first), statistics.median(last), max(float(s[key]) for s in body if s[key])) \
        if first and last else None
rows = []
for key, label, slack in (('heap_after_gc_mb', 'heap after full GC (MB)', 1.5), ('threads', 'threads', 1.1),
                          ('fds', 'file descriptors', 1.2), ('db_connections', 'database connections', 1.0),
                          ('rss_mb', 'resident memory (MB)', None)):
    s = spread(key)
    if s is None:
        continue
    rows.append((label, s))
    if slack and s[1] > s[0] * slack + 2:
        problems.append('%s grew: median %.0f in the first quarter, %.0f in the last' % (label, s[0], s[1]))
final_bytes = int(samples[-1]['store_bytes'])
start_bytes = int(samples[0]['store_bytes'])
per_decision = (final_bytes - start_bytes) / max(1, ok)
with open(out + '/summary.md', 'w') as md:
    md.write('| what | %s |\n|---|---|\n' % db)
    md.write('| decisions answered 200 | %d of %d (%s) |\n' % (ok, count, ', '.join(
        '%s %d' % kv for kv in sorted(statuses.items()) if kv[0] != '200') or 'no other answer'))
    md.write('| time, rate | %.0f s, %.0f/s (asked %.0f/s) |\n' % (seconds, ok / seconds, rate))
    md.write('| latency median / p99 / max | %.1f / %.1f / %.0f ms |\n' % (pct(0.5), pct(0.99), latencies[-1]))
    for label, (first, last, top) in rows:
        md.write('| %s: first quarter / last quarter / max | %.0f / %.0f / %.0f |\n' % (label, first, last, top))
    md.write('| store size | %.2f GB, %.1f KB a decision |\n' % (final_bytes / 1e9, per_decision / 1024))
    md.write('| verify | intact=%s, %d records in %.1f s |\n' % (verify.get('intact'), verify.get('recordsChecked'),
                                                             verify_ms / 1000))
print(open(out + '/summary.md').read())
if problems:
    for p in problems:
        print('PROBLEM: ' + p)
    sys.exit(1)
PY

if command -v gnuplot >/dev/null 2>&1; then
    gnuplot <<GP
set terminal pngcairo size 1200,900 font ",10"
set output "$OUT/soak-$DB.png"
set datafile separator ","
set key autotitle columnhead top left
set multiplot layout 3,1 title "Soak on $DB: $COUNT decisions, asked at $RATE/s"
set xlabel "minutes"
set ylabel "MB"
plot "$OUT/samples.csv" using (\$1/60):3 with linespoints title "heap after full GC", \
     "" using (\$1/60):4 with lines title "resident memory"
set ylabel "count"
plot "$OUT/samples.csv" using (\$1/60):5 with linespoints title "threads", \
     "" using (\$1/60):6 with linespoints title "file descriptors"$( [ "$DB" = postgresql ] && echo ', "" using ($1/60):7 with linespoints title "database connections"')
set ylabel "store size (GB)"
set y2label "decisions answered (millions)"
set y2tics
set ytics nomirror
plot "$OUT/samples.csv" using (\$1/60):(\$8/1e9) with lines axes x1y1 title "store size (GB)", \
     "" using (\$1/60):(\$2/1e6) with lines axes x1y2 title "decisions answered (millions)"
unset multiplot
GP
    echo "plot: $OUT/soak-$DB.png"
fi
echo "OK: soak on $DB: $(tail -n +3 "$OUT/summary.md" | head -1)"
