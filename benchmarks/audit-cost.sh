#!/usr/bin/env bash
# What the decision log's Merkle tree costs live decisions (docs/benchmarks.md, "The decision log's tree"): HTTP
# load at saturation (64 connections) with three settings of the tree, alternated ROUNDS times on each database so
# that the machine's drift hits all three alike:
#   no-tree     records become leaves only after the run (sequence and checkpoint intervals of an hour);
#   default     the shipped settings: leaves every 200 ms, a checkpoint every 1000 leaves or 10 s;
#   eager       a checkpoint every 10 leaves or every second (a hundred times the default's signing work).
# Prints the medians per database and setting (decisions/s, latency percentiles) as a Markdown table.
#
#   benchmarks/audit-cost.sh   (env: DBS="h2 postgresql" ROUNDS=2 DURATION=20 WARMUP=15 PORT=18311 SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-2}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -B -q install -DskipTests
    (cd benchmarks && ../mvnw -B -q package)
fi
declare -A SETTINGS=(
    [no-tree]="-Dunbind.audit.sequence-interval=1h -Dunbind.audit.checkpoint-interval=1h -Dunbind.audit.checkpoint-every-records=1000000000"
    [default]=""
    [eager]="-Dunbind.audit.checkpoint-every-records=10 -Dunbind.audit.checkpoint-interval=1s"
)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
    for setting in no-tree default eager; do
        SKIP_BUILD=1 REPEAT=1 PHASES=closed:64 PORT=${PORT:-18311} OUT="$OUT" LABEL="$setting" \
            APP_OPTS="${SETTINGS[$setting]}" benchmarks/run-http.sh >/dev/null
        echo "round $round, $setting done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    done
done
java -cp benchmarks/target/benchmarks.jar io.posunbind.bench.http.Medians "$OUT"
