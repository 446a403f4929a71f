#!/usr/bin/env bash
# Bytes a decision costs the store (docs/benchmarks.md, "Storage per decision"). For each build and database: a
# fresh store, the packaged app, the load generator's varied cases at 32 connections until about $DECISIONS are
# recorded (through the service's own write path: parse, decide, record, answer), then the store's size over the
# records it holds.
#   H2: the file (unbind.mv.db) while the app runs, and again after a clean stop (H2 compacts while closing).
#   PostgreSQL: every table of the database with its indexes and TOAST (pg_total_relation_size), app running.
# BEFORE=<git revision> measures that build too, in the same run, from a worktree (for a ratio on one machine).
#
#   benchmarks/storage.sh   (env: DECISIONS=100000 DBS="h2 postgresql" BEFORE= PORT=18321 SKIP_BUILD=1
#                            PGHOST=127.0.0.1 PGUSER=postgres APP_OPTS="-Dkey=value ..." LABEL=name)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DECISIONS=${DECISIONS:-100000}
DBS=${DBS:-h2 postgresql}
PORT=${PORT:-18321}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
WORK=$(mktemp -d)
PG_DB=
# shellcheck source=../scripts/lib-app.sh
. scripts/lib-app.sh
cleanup() {
    stop_app
    if [ -n "$PG_DB" ]; then
        dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "$PG_DB" || true
    fi
    if [ -d "$WORK/before" ]; then
        git -C "$ROOT" worktree remove --force "$WORK/before" || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -B -q install -DskipTests
    (cd benchmarks && ../mvnw -B -q package)
fi
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
builds=("now:$ROOT/target/quarkus-app/quarkus-run.jar")
if [ -n "${BEFORE:-}" ]; then
    git worktree add -q --detach "$WORK/before" "$BEFORE"
    (cd "$WORK/before" && ./mvnw -B -q package -DskipTests -Dinvoker.skip >/dev/null)
    builds+=("$BEFORE:$WORK/before/target/quarkus-app/quarkus-run.jar")
fi

# Runs the load until about $DECISIONS are recorded; prints the records the store holds (verify's count).
load() {
    local rate=1000 seconds
    seconds=$(( DECISIONS / rate + 5 ))
    java -cp "$BENCH_JAR" io.posunbind.bench.http.HttpLoad --url "http://127.0.0.1:$PORT" \
        --user client:client-demo-pw --label storage --duration "$seconds" --warmup 0 \
        --out "$WORK/load.tsv" --phase "open:$rate" >/dev/null
    curl -s "${AS_AUDITOR[@]}" "http://127.0.0.1:$PORT/api/v1/audit/verify" \
        | python3 -c 'import json, sys; v = json.load(sys.stdin); assert v["intact"], v; print(v["recordsChecked"])'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| build | database | records | store | bytes a decision |"
echo "|---|---|---|---|---|"
for build in "${builds[@]}"; do
    name=${build%%:*}${LABEL:+ $LABEL}
    APP_JAR=${build#*:}
    for db in $DBS; do
        rm -rf "$WORK/data"
        case $db in
            h2)
                # shellcheck disable=SC2086
                start_app "$name-$db" ${APP_OPTS:-}
                records=$(load)
                live=$(stat -c %s "$WORK/data/unbind.mv.db")
                stop_app
                closed=$(stat -c %s "$WORK/data/unbind.mv.db")
                echo "| $name | H2, running | $records | $live | $(( live / records )) |"
                echo "| $name | H2, after a clean stop | $records | $closed | $(( closed / records )) |"
                ;;
            postgresql)
                PG_DB=unbind_storage_$$
                createdb -h "$PGHOST" -U "$PGUSER" "$PG_DB"
                UNBIND_STORAGE_KIND=postgresql \
                    QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$PG_DB" \
                    QUARKUS_DATASOURCE_POSTGRESQL_USERNAME="$PGUSER" start_app "$name-$db" ${APP_OPTS:-}
                records=$(load)
                size=$(psql -h "$PGHOST" -U "$PGUSER" -d "$PG_DB" -Atc "SELECT sum(pg_total_relation_size(c.oid))
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind = 'r'")
                stop_app
                dropdb -h "$PGHOST" -U "$PGUSER" "$PG_DB"
                PG_DB=
                echo "| $name | PostgreSQL | $records | $size | $(( size / records )) |"
                ;;
        esac
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
