#!/usr/bin/env bash
# In-process benchmarks (docs/benchmarks.md): decisions per second on one thread and latency percentiles for policy
# v1 beside the plain-Java bound, the same for a rule set ten times its size, and compile/validate times.
#
#   benchmarks/run-inprocess.sh   (env: FORKS=3 SKIP_BUILD=1 OUT=directory)
set -euo pipefail
cd "$(dirname "$0")/.."
FORKS=${FORKS:-3}
OUT=${OUT:-$(mktemp -d)}
if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -B -q install -DskipTests
    (cd benchmarks && ../mvnw -B -q package)
fi
JAR=benchmarks/target/benchmarks.jar
echo "== $(uptime)" >&2
java -jar "$JAR" 'DecisionBenchmark' -p ruleSetSize=1 -f "$FORKS" -rf json -rff "$OUT/decision-1x.json" >"$OUT/decision-1x.txt"
echo "== $(uptime)" >&2
java -jar "$JAR" 'DecisionBenchmark.drools' -p ruleSetSize=10 -f "$FORKS" -rf json -rff "$OUT/decision-10x.json" >"$OUT/decision-10x.txt"
echo "== $(uptime)" >&2
java -jar "$JAR" 'CompileBenchmark' -rf json -rff "$OUT/compile.json" >"$OUT/compile.txt"
echo "== $(uptime)" >&2
java -jar "$JAR" 'RemedyBenchmark' -f "$FORKS" -rf json -rff "$OUT/remedies.json" >"$OUT/remedies.txt" 2>"$OUT/remedies.err"
grep -h '^remedies:' "$OUT/remedies.err" >&2 || true
echo "== $(uptime)" >&2
grep -h '^corpus:' "$OUT"/decision-*.txt | sort -u >&2 || true
java -cp "$JAR" io.posunbind.bench.JmhSummary "$OUT/decision-1x.json" "$OUT/decision-10x.json" "$OUT/compile.json"
echo "(raw JMH output in $OUT)" >&2
