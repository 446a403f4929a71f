#!/usr/bin/env bash
# Issue 15's HTTP figures in one run per database (docs/benchmarks.md, the summary): decisions with durable audit
# at saturation against the HTTP ceiling, GET /q/health/live, measured alternately in the same run so their ratio
# holds on a noisy machine; then the latency of decisions at a fixed 1,000/s.
#
# For each database: a fresh store and the packaged app; $WARMUP seconds of decisions at saturation (the JIT
# compilers take a fifth of the CPU for the first two minutes, see "CPU per decision"); then $REPEAT rounds of
# wrk at $CONNECTIONS connections for $DURATION seconds each, health then decisions; then the load generator's
# open:1000 phase (requests due at a fixed rate, latency from when each was due: no coordinated omission), after
# 15 s of its own warm-up (a cold generator falls behind and shows its own lag as the service's latency: a first
# run without it measured a p99 of 2.3 s). Prints the medians, the ratio and the p99.
#
#   benchmarks/http-ratio.sh   (env: DBS="h2 postgresql" REPEAT=3 DURATION=20 WARMUP=150 CONNECTIONS=64
#                               RATE=1000 PORT=18351 APP_OPTS="-Dkey=value ..."; needs wrk, the app packaged and
#                               benchmarks/target/benchmarks.jar: see docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
DBS=${DBS:-h2 postgresql}
REPEAT=${REPEAT:-3}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-150}
CONNECTIONS=${CONNECTIONS:-64}
RATE=${RATE:-1000}
PORT=${PORT:-18351}
WORK=$(mktemp -d)
# shellcheck source=../scripts/lib-app.sh
. scripts/lib-app.sh
trap 'drop_app_db; rm -rf "$WORK"' EXIT
command -v wrk >/dev/null || fail "wrk is needed (apt-get install wrk)"
ensure_packaged
[ -f benchmarks/target/benchmarks.jar ] || fail "package the benchmarks first: (cd benchmarks && ../mvnw -B -q package)"
python3 benchmarks/wrk-bodies.py "$WORK/bodies.txt"
export WRK_BODIES=$WORK/bodies.txt
URL=http://127.0.0.1:$PORT

# rate KIND: one wrk round against the app; prints its requests a second (fails on any answer that is not 2xx)
rate() {
    local out
    if [ "$1" = health ]; then
        out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$URL/q/health/live")
    else
        out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s benchmarks/wrk-decisions.lua "$URL")
        if grep -q $'^non2xx\t[1-9]' <<<"$out"; then
            fail "decisions answered other than 2xx: $(grep non2xx <<<"$out")"
        fi
    fi
    if grep -q "Non-2xx" <<<"$out"; then
        fail "$1 answered other than 2xx: $(grep Non-2xx <<<"$out")"
    fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}

median() {
    sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

echo "| database | GET /q/health/live (median of $REPEAT) | decisions, durable audit (median of $REPEAT) | ratio | p99 at $RATE/s | load average |"
echo "|---|---|---|---|---|---|"
for db in $DBS; do
    # shellcheck disable=SC2086
    start_app_on "$db" ${APP_OPTS:-}
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s benchmarks/wrk-decisions.lua "$URL" >/dev/null
    : >"$WORK/health"
    : >"$WORK/decisions"
    for _ in $(seq 1 "$REPEAT"); do
        rate health >>"$WORK/health"
        rate decisions >>"$WORK/decisions"
    done
    echo "$db: health $(tr '\n' ' ' <"$WORK/health"); decisions $(tr '\n' ' ' <"$WORK/decisions")" >&2
    health=$(median <"$WORK/health")
    decisions=$(median <"$WORK/decisions")
    java -cp benchmarks/target/benchmarks.jar io.posunbind.bench.http.HttpLoad --url "$URL" \
        --user client:client-demo-pw --label "$db" --duration "$DURATION" --warmup 15 --out "$WORK/open.tsv" \
        --phase "open:$RATE" >"$WORK/open.txt"
    p99=$(python3 benchmarks/p99-of.py "$WORK/open.tsv")
    load_after=$(cut -d' ' -f1 /proc/loadavg)
    printf '| %s | %.0f/s | %.0f/s | %.1f%% | %s | %s → %s |\n' "$db" "$health" "$decisions" \
        "$(python3 -c "print(100 * $decisions / $health)")" "$p99" "$load_before" "$load_after"
    drop_app_db
done
