#!/usr/bin/env bash
# Where the CPU of one decision goes, over HTTP with durable audit at saturation (docs/benchmarks.md, "CPU per
# decision"). Starts the packaged app on a fresh store with a JFR recording (settings=profile) from its start, warms
# it up with wrk for $WARMUP seconds, then for one window of $DURATION seconds at $CONNECTIONS connections: the
# app's per-thread CPU from /proc before and after, the recording cut to that window, and the decisions wrk had
# answered. Two things measured on this machine set the method: the JIT compilers take a fifth of the CPU for the
# first two minutes at saturation and a twentieth from the third (hence a warm-up of 150 s), and starting JFR in a
# running app throws its compiled code away (its throughput fell by two thirds in the window), so it starts with
# the app. benchmarks/cpu-breakdown.py splits the
# CPU: the garbage collector and the JIT compilers by thread, every Java thread by where its samples were (parse,
# engine, shape, hash, write, sign-in, framework...). Prints a Markdown table; keeps the recording in $OUT.
#
#   benchmarks/cpu-profile.sh   (env: DB=h2|postgresql CONNECTIONS=64 DURATION=30 WARMUP=150 PORT=18331
#                                OUT=directory APP_OPTS="-Dkey=value ..."; needs wrk, the app packaged)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-h2}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-150}
PORT=${PORT:-18331}
WORK=$(mktemp -d)
OUT=${OUT:-$WORK/profile}
# shellcheck source=../scripts/lib-app.sh
. scripts/lib-app.sh
trap 'drop_app_db; rm -rf "$WORK/data"' EXIT
command -v wrk >/dev/null || fail "wrk is needed (apt-get install wrk)"
ensure_packaged
mkdir -p "$OUT"
python3 benchmarks/wrk-bodies.py "$WORK/bodies.txt"
export WRK_BODIES=$WORK/bodies.txt

JFR_OPTS="-XX:StartFlightRecording=name=window,settings=profile,maxage=30m"
# shellcheck disable=SC2086
start_app_on "$DB" "$JFR_OPTS" ${APP_OPTS:-}

URL=http://127.0.0.1:$PORT
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s benchmarks/wrk-decisions.lua "$URL" >/dev/null
snapshot() {
    for stat in /proc/"$APP_PID"/task/*/stat; do
        cat "$stat" 2>/dev/null || true
        echo
    done >"$1"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"
begin=$(date +%H:%M:%S)
snapshot "$OUT/cpu-before.txt"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s benchmarks/wrk-decisions.lua "$URL" | tee "$OUT/wrk.txt"
snapshot "$OUT/cpu-after.txt"
end=$(date +%H:%M:%S)
jcmd "$APP_PID" JFR.dump name=window begin="$begin" end="$end" filename="$OUT/window.jfr" >/dev/null
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"

failed=$(awk -F'\t' '$1 == "non2xx" {print $2}' "$OUT/wrk.txt")
[ "${failed:-0}" = 0 ] || fail "$failed answers were not 2xx: the window is not a measure of decisions"
decisions=$(awk '/requests in/ {print $1}' "$OUT/wrk.txt")
jfr print --events jdk.ExecutionSample --stack-depth 200 "$OUT/window.jfr" >"$OUT/samples.txt"
python3 benchmarks/cpu-breakdown.py "$OUT/cpu-before.txt" "$OUT/cpu-after.txt" "$OUT/samples.txt" "$decisions" \
    "$(getconf CLK_TCK)" | tee "$OUT/breakdown.md"
