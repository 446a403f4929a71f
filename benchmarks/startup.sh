#!/usr/bin/env bash
# Startup of the packaged app to its first decision (docs/benchmarks.md): from the moment the java process is
# started to the first POST /api/v1/decisions answered 200, on H2 and on PostgreSQL, three kinds of start each:
#   first   - a fresh store (new H2 directory, new database): migrations, and the rules directory's version is new,
#             so it is validated (every scenario run) and stored before it is activated;
#   restart - the same store again: the version is stored already, and its compiled model was kept in the database
#             at the first start (ruleset_compiled_model), so it is loaded, not compiled;
#   compile - the same store again with -Dunbind.rules.keep-compiled=false: the version is compiled, as every restart
#             did before compiled rule sets were kept.
# Prints the median of $RUNS starts of each kind, the kinds alternating. APPCDS=1 first makes a class-data-sharing
# archive of the app for this JVM (one start and decision with -XX:ArchiveClassesAtExit) and starts every run with it.
#
#   benchmarks/startup.sh   (env: PORT=18302 RUNS=5 DBS="h2 postgresql" KINDS="first restart compile" APPCDS=0
#                            PGHOST=127.0.0.1 PGUSER=postgres APP_OPTS="-Dkey=value ...";
#                            the app must be packaged: ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18302}
RUNS=${RUNS:-5}
DBS=${DBS:-h2 postgresql}
KINDS=${KINDS:-first restart compile}
APPCDS=${APPCDS:-0}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
WORK=$(mktemp -d)
APP_JAR=target/quarkus-app/quarkus-run.jar
PID=
PG_DB=
cleanup() {
    if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
    dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "unbind_startup_$$" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
[ -f "$APP_JAR" ] || ./mvnw -B -q package -DskipTests
BODY=src/test/resources/audit/request.json

# one_start DB KIND: prints the milliseconds from starting java to the first decision answered 200 (runs in a subshell:
# it stops its own app and drops its own database)
one_start() {
    local db=$1 kind=$2 start status
    local env=() opts=()
    if [ "$kind" = compile ]; then
        opts=(-Dunbind.rules.keep-compiled=false)
    fi
    if [ "$kind" = first ]; then
        rm -rf "$WORK/data"
    fi
    if [ "$db" = postgresql ]; then
        PG_DB=unbind_startup_$$
        if [ "$kind" = first ]; then
            dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "$PG_DB" 2>/dev/null
            createdb -h "$PGHOST" -U "$PGUSER" "$PG_DB"
        fi
        env=(UNBIND_STORAGE_KIND=postgresql
             QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$PG_DB"
             QUARKUS_DATASOURCE_POSTGRESQL_USERNAME="$PGUSER")
    fi
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    env "${env[@]}" java -Dquarkus.http.port="$PORT" -Dunbind.storage.data-directory="$WORK/data" \
        -Dunbind.security.users-file=config/demo-users "${opts[@]}" ${APP_OPTS:-} -jar "$APP_JAR" >"$WORK/app.log" 2>&1 &
    PID=$!
    while true; do
        status=$(curl -s -o /dev/null -w '%{http_code}' -u client:client-demo-pw \
            -H 'Content-Type: application/json' --data-binary "@$BODY" \
            "http://127.0.0.1:$PORT/api/v1/decisions" || true)
        if [ "$status" = 200 ]; then
            echo $((($(date +%s%N) - start) / 1000000))
            break
        fi
        if ! kill -0 "$PID" 2>/dev/null; then
            echo "the app exited during startup; see $WORK/app.log" >&2
            cat "$WORK/app.log" >&2
            exit 1
        fi
        if [ $((($(date +%s%N) - start) / 1000000000)) -gt 60 ]; then
            echo "no decision after 60 s" >&2
            kill "$PID"
            exit 1
        fi
        sleep 0.02
    done
    kill "$PID"
    wait "$PID" 2>/dev/null || true
    PID=
}

# summarize DB KIND MS...: prints the median and every value
summarize() {
    local db=$1 kind=$2 sorted median
    shift 2
    sorted=$(printf '%s\n' "$@" | sort -n)
    median=$(printf '%s\n' "$sorted" | sed -n "$((($# + 1) / 2))p")
    echo "startup to first decision, $db, $kind start: median ${median} ms of $# (all: $(echo "$sorted" | tr '\n' ' '))" \
        "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

if [ "$APPCDS" = 1 ]; then
    # The archive holds the classes one start and one decision load; it fits this JVM and this class path only.
    APP_OPTS="${APP_OPTS:-} -XX:ArchiveClassesAtExit=$WORK/app.jsa" one_start h2 first >/dev/null
    [ -f "$WORK/app.jsa" ] || { echo "no class-data-sharing archive was written" >&2; exit 1; }
    APP_OPTS="${APP_OPTS:-} -XX:SharedArchiveFile=$WORK/app.jsa -Xshare:on"
    echo "class-data-sharing archive: $(du -m "$WORK/app.jsa" | cut -f1) MB; every start below uses it"
fi

for db in $DBS; do
    declare -A times=()
    for _ in $(seq 1 "$RUNS"); do
        for kind in $KINDS; do
            times[$kind]="${times[$kind]:-} $(one_start "$db" "$kind")"
        done
    done
    if [ "$db" = postgresql ]; then
        dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "unbind_startup_$$" 2>/dev/null
    fi
    for kind in $KINDS; do
        # shellcheck disable=SC2086
        summarize "$db" "$kind" ${times[$kind]}
    done
    unset times
done
