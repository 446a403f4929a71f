#!/usr/bin/env bash
# HTTP load over loopback with durable audit, on H2 and on PostgreSQL (docs/benchmarks.md).
#
# Packages the service and the benchmarks, then for each database: starts the packaged app on port $PORT (H2 in a
# fresh temporary directory; PostgreSQL in a fresh database made with createdb and dropped afterwards), warms it
# up, runs the load generator's phases $REPEAT times, stops the app. Every phase line goes to $OUT (tab-separated)
# and the medians per phase are printed as a Markdown table at the end.
#
#   benchmarks/run-http.sh   (env: PORT=18301 DBS="h2 postgresql" REPEAT=3 DURATION=20 WARMUP=15
#                             PHASES="open:250 open:500 open:1000 closed:16 closed:64" APP_OPTS="-Dkey=value ..."
#                             PGHOST=127.0.0.1 PGUSER=postgres SKIP_BUILD=1 OUT=file.tsv LABEL=name-suffix)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18301}
DBS=${DBS:-h2 postgresql}
REPEAT=${REPEAT:-3}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-15}
PHASES=${PHASES:-open:250 open:500 open:1000 closed:16 closed:64}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
WORK=$(mktemp -d)
OUT=${OUT:-$WORK/http.tsv}
PG_DB=
# shellcheck source=../scripts/lib-app.sh
. scripts/lib-app.sh
cleanup() {
    stop_app
    if [ -n "$PG_DB" ]; then
        dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "$PG_DB" || true
    fi
    [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -B -q install -DskipTests
    (cd benchmarks && ../mvnw -B -q package)
fi
BENCH_JAR=benchmarks/target/benchmarks.jar

phase_args=()
for p in $PHASES; do
    phase_args+=(--phase "$p")
done

for db in $DBS; do
    rm -rf "$WORK/data"
    case $db in
        h2)
            # shellcheck disable=SC2086
            start_app "$db" ${APP_OPTS:-}
            ;;
        postgresql)
            PG_DB=unbind_bench_$$
            createdb -h "$PGHOST" -U "$PGUSER" "$PG_DB"
            # shellcheck disable=SC2086
            UNBIND_STORAGE_KIND=postgresql \
                QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$PG_DB" \
                QUARKUS_DATASOURCE_POSTGRESQL_USERNAME="$PGUSER" start_app "$db" ${APP_OPTS:-}
            ;;
        *)
            echo "unknown database $db (h2, postgresql)" >&2
            exit 2
            ;;
    esac
    echo "== $db: $(uptime)" >&2
    warmup=$WARMUP
    for run in $(seq 1 "$REPEAT"); do
        java -cp "$BENCH_JAR" io.posunbind.bench.http.HttpLoad --url "http://127.0.0.1:$PORT" \
            --user client:client-demo-pw --label "$db${LABEL:+ $LABEL}" --duration "$DURATION" --warmup "$warmup" \
            --out "$OUT" "${phase_args[@]}"
        warmup=0
        echo "== $db run $run done: $(uptime)" >&2
    done
    recorded=$(curl -s "${AS_AUDITOR[@]}" "http://127.0.0.1:$PORT/api/v1/audit/verify" \
        | grep -o '"recordsChecked":[0-9]*,"intact":[a-z]*' || true)
    echo "== $db: store after the runs: $recorded" >&2
    stop_app
    if [ -n "$PG_DB" ]; then
        dropdb -h "$PGHOST" -U "$PGUSER" "$PG_DB"
        PG_DB=
    fi
done
java -cp "$BENCH_JAR" io.posunbind.bench.http.Medians "$OUT"
