#!/usr/bin/env bash
# Validating a rule set as an officer does (docs/benchmarks.md, "Validating as an officer does"), on policy v1 and on
# the 10x rule set (every DRL file but the verdict's copied nine more times, with new package and rule names):
#   cli  - `java -jar target/quarkus-app/quarkus-run.jar validate DIR` in a cold JVM, wall time of the whole command;
#   http - POST /api/v1/rulesets/validate to a running service (warm: WARMUP calls first), time to the answer.
# Prints the median (and range) of RUNS of each, and the load average before and after.
#
#   benchmarks/validate.sh   (env: RUNS=7 WARMUP=3 PORT=18303; the app must be packaged: ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
WARMUP=${WARMUP:-3}
PORT=${PORT:-18303}
WORK=$(mktemp -d)
. scripts/lib-app.sh
trap 'stop_app; rm -rf "$WORK"' EXIT
ensure_packaged

cp -r rules "$WORK/policy-v1"
python3 - rules "$WORK/scaled-10x" <<'PY'
import pathlib, re, shutil, sys
source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
shutil.copytree(source, target)
for drl in sorted(source.rglob("*.drl")):
    relative = drl.relative_to(source)
    if relative.parts[0] == "verdict":
        continue
    for copy in range(2, 11):
        text = re.sub(r"^package\s+([\w.]+)\s*;?", lambda m: f"package {m.group(1)}_copy{copy};", drl.read_text(), 1,
                      re.M)
        text = re.sub(r'^(\s*rule\s+")([^"]+)(")', lambda m: f"{m.group(1)}{m.group(2)} (copy{copy}){m.group(3)}", text,
                      flags=re.M)
        out = target / f"copy{copy}" / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text)
PY
for set in policy-v1 scaled-10x; do
    python3 - "$WORK/$set" >"$WORK/$set.json" <<'PY'
import json, pathlib, sys
root = pathlib.Path(sys.argv[1])
print(json.dumps({"files": {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
                            for p in sorted(root.rglob("*")) if p.is_file()}}))
PY
done

median() { python3 -c 'import statistics, sys; v = sorted(float(x) for x in sys.argv[1:]); print(f"{statistics.median(v):.2f} s ({v[0]:.2f}-{v[-1]:.2f})")' "$@"; }
now() { date +%s.%N; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# "tuned" is the command as officers run it (it validates in a JVM tuned for a short job, see Main); "untuned"
# validates in the JVM the command started, as before that (UNBIND_VALIDATE_TUNED=false). Interleaved, so both
# see the same machine.
for set in policy-v1 scaled-10x; do
    tuned=(); untuned=()
    for _ in $(seq 1 "$RUNS"); do
        for mode in tuned untuned; do
            start=$(now)
            UNBIND_VALIDATE_TUNED=$([ $mode = tuned ] && echo true || echo false) \
                java -jar "$APP_JAR" validate "$WORK/$set" >"$WORK/cli.out" 2>&1 || true
            grep -q "^Scenarios:" "$WORK/cli.out" || { cat "$WORK/cli.out"; exit 1; }
            elapsed=$(python3 -c "print($(now) - $start)")
            if [ $mode = tuned ]; then tuned+=("$elapsed"); else untuned+=("$elapsed"); fi
        done
    done
    echo "cli  $set: $(median "${tuned[@]}"); untuned $(median "${untuned[@]}")   ($(grep -E '^(VALID|NOT VALID)' "$WORK/cli.out" | cut -c1-60))"
done

mkdir -p "$WORK/data"
start_app service || exit 1
for set in policy-v1 scaled-10x; do
    times=()
    for i in $(seq 1 $((WARMUP + RUNS))); do
        t=$(curl -s -o "$WORK/http.out" -w '%{time_total}' -u admin:admin-demo-pw -H 'Content-Type: application/json' \
            --data-binary @"$WORK/$set.json" "http://localhost:$PORT/api/v1/rulesets/validate")
        [ "$i" -gt "$WARMUP" ] && times+=("$t")
    done
    echo "http $set: $(median "${times[@]}")   (valid: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["valid"])' "$WORK/http.out"))"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
