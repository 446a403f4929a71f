#!/usr/bin/env bash
# Measures what rule-set reloads cost and shows they leave nothing behind (docs/benchmarks.md, "Rule-set lifecycle").
#
# Starts the packaged app on a copy of rules/, then reloads it RELOADS times, the directory alternating between two
# versions of the full policy rule set (the second differs by a comment in one rule file, so each reload swaps in a
# whole rule set; both were compiled once in the warm-up, so each reload loads the compiled rule set kept in the
# database, unless JVM_OPTS has -Dunbind.rules.keep-compiled=false). Before and after: a full GC (jcmd GC.run), then
# the used heap, the live KIE bases and the rule sets' class loaders (jcmd GC.class_histogram). Also times one
# validation over HTTP and from the command line. Prints the figures; exits 1 if a reload fails or the live bases or
# loaders grow.
#
#   scripts/reload-heap-check.sh   (env: PORT=18210 RELOADS=100 KEEP=1 keeps the work directory;
#                                   JVM_OPTS="-XX:SoftRefLRUPolicyMSPerMB=0" clears soft references at every GC)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18210}
RELOADS=${RELOADS:-100}
WORK=$(mktemp -d)
# shellcheck source=lib-app.sh
. scripts/lib-app.sh
AS_ADMIN=(-u admin:admin-demo-pw)
trap 'stop_app; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

used_heap_kb() {
    jcmd "$APP_PID" GC.run >/dev/null
    sleep 1
    jcmd "$APP_PID" GC.run >/dev/null
    jcmd "$APP_PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9
}

# live CLASS_NAME_PATTERN: instances alive (after the GC of used_heap_kb) of the classes matching the pattern.
live() {
    jcmd "$APP_PID" GC.class_histogram | awk -v c="$1" '$4 ~ c {n += $2} END {print n + 0}'
}

# classes: classes loaded and unloaded so far (each compilation loads the rule set's generated classes).
classes() {
    jstat -class "$APP_PID" | awk 'NR == 2 {print $1 " loaded, " $3 " unloaded"}'
}

reload() {
    curl -s -o "$WORK/reload.json" -w '%{http_code} %{time_total}' "${AS_ADMIN[@]}" -X POST \
        "http://127.0.0.1:$PORT/api/v1/rulesets/reload"
}

ensure_packaged
cp -r rules "$WORK/rules"
cp "$WORK/rules/fees/fees.drl" "$WORK/fees-a.drl"
{ cat "$WORK/fees-a.drl"; echo "// reload-heap-check: the same rules, another version"; } >"$WORK/fees-b.drl"
# shellcheck disable=SC2086
# approvals off: this measures what reloads cost, and each reload here is a new version nobody approves
start_app heap -Dunbind.rules.directory="$WORK/rules" -Dunbind.rules.approvals-required=0 -Xmx512m ${JVM_OPTS:-}

# One round of each version first, so both are stored (validated once) and the classes are loaded.
for variant in b a; do
    cp "$WORK/fees-$variant.drl" "$WORK/rules/fees/fees.drl"
    read -r status _ <<<"$(reload)"
    [ "$status" = 200 ] || fail "warm-up reload answered $status: $(cat "$WORK/reload.json")"
done
heap_before=$(used_heap_kb)
loaders_before=$(live 'CompiledModel.ModelClassLoader$')
bases_before=$(live 'KnowledgeBaseImpl$')
echo "after 2 warm-up reloads: used heap ${heap_before} KB, rule-set class loaders $loaders_before, KIE bases $bases_before, classes $(classes)"

total=0
max=0
for i in $(seq 1 "$RELOADS"); do
    if [ $((i % 2)) = 1 ]; then variant=b; else variant=a; fi
    cp "$WORK/fees-$variant.drl" "$WORK/rules/fees/fees.drl"
    read -r status seconds <<<"$(reload)"
    [ "$status" = 200 ] || fail "reload $i answered $status: $(cat "$WORK/reload.json")"
    grep -q '"changed":true' "$WORK/reload.json" || fail "reload $i did not change the version"
    ms=$(awk -v s="$seconds" 'BEGIN {printf "%d", s * 1000}')
    total=$((total + ms))
    [ "$ms" -le "$max" ] || max=$ms
    if [ $((i % 25)) = 0 ]; then
        echo "after $i reloads: used heap $(used_heap_kb) KB, rule-set class loaders $(live 'CompiledModel.ModelClassLoader$'), KIE bases $(live 'KnowledgeBaseImpl$'), classes $(classes)"
    fi
done
heap_after=$(used_heap_kb)
loaders_after=$(live 'CompiledModel.ModelClassLoader$')
bases_after=$(live 'KnowledgeBaseImpl$')

python3 - "$WORK/rules" >"$WORK/validate.json" <<'PY'
import json, pathlib, sys
root = pathlib.Path(sys.argv[1])
print(json.dumps({"files": {str(p.relative_to(root)): p.read_text() for p in root.rglob('*')
                            if p.is_file() and not p.name.startswith('.')}}))
PY
validate_http=$(curl -s -o "$WORK/validation.json" -w '%{time_total}' "${AS_ADMIN[@]}" \
    -H 'Content-Type: application/json' --data-binary @"$WORK/validate.json" \
    "http://127.0.0.1:$PORT/api/v1/rulesets/validate")
grep -q '"valid":true' "$WORK/validation.json" || fail "the rule set does not validate"
scenarios=$(grep -o '"passed":[0-9]*' "$WORK/validation.json" | head -1 | cut -d: -f2)
stop_app
cli_started=$(date +%s%N)
java -jar "$APP_JAR" validate "$WORK/rules" >"$WORK/validate-cli.txt"
cli_ms=$(( ($(date +%s%N) - cli_started) / 1000000 ))

echo "reloads: $RELOADS of the full rule set ($(grep -c '^rule ' rules/*/*.drl | awk -F: '{s+=$2} END {print s}') rules), mean $((total / RELOADS)) ms, slowest $max ms (HTTP round trip: read, compile, record, swap)"
echo "used heap after full GC: before ${heap_before} KB, after ${heap_after} KB (change $((heap_after - heap_before)) KB)"
echo "live rule-set class loaders: before $loaders_before, after $loaders_after; live KIE bases: before $bases_before, after $bases_after"
echo "validation over HTTP (lint, compile, $scenarios scenarios): ${validate_http} s"
echo "validation from the command line (JVM start included): ${cli_ms} ms; it says: $(grep 'Validated in' "$WORK/validate-cli.txt")"
[ "$bases_after" -le "$bases_before" ] || fail "live KIE bases grew from $bases_before to $bases_after"
[ "$loaders_after" -le "$loaders_before" ] || fail "live rule-set class loaders grew from $loaders_before to $loaders_after"
echo OK
