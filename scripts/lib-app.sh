# Shared by the check scripts: start and stop the packaged app, fail a check. Source it; needs WORK and PORT set.
APP_JAR=target/quarkus-app/quarkus-run.jar
APP_PID=
# The app runs with the demo users of config/demo-users (README, Security); curl signs in as one of them.
AS_CLIENT=(-u client:client-demo-pw)
AS_AUDITOR=(-u auditor:auditor-demo-pw)

# fail MESSAGE: says what failed and ends the script with 1.
fail() {
    echo "FAILED: $*" >&2
    exit 1
}

ensure_packaged() {
    if [ ! -f "$APP_JAR" ]; then
        ./mvnw -B -q package -DskipTests
    fi
}

# start_app NAME [java options...]: starts the app on $PORT with its H2 files under $WORK/data; waits until ready.
start_app() {
    local name=$1
    shift
    java -Dquarkus.http.port="$PORT" -Dunbind.storage.data-directory="$WORK/data" \
        -Dunbind.security.users-file=config/demo-users "$@" -jar "$APP_JAR" \
        >"$WORK/app-$name.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 120); do
        if curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; then
            return 0
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "the app ($name) exited during startup; see $WORK/app-$name.log" >&2
            return 1
        fi
        sleep 0.5
    done
    echo "the app ($name) was not ready after 60 s; see $WORK/app-$name.log" >&2
    return 1
}

# stop_app [SIGNAL]: stops the app started last (TERM by default) and waits for it to end.
stop_app() {
    if [ -n "$APP_PID" ]; then
        kill "-${1:-TERM}" "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
        APP_PID=
    fi
}

# store_closure_fee_candidate AMOUNT LABEL: stores rules/ with the ACCOUNT_CLOSURE fee at AMOUNT (its scenarios
# accepted, worked examples included) as a version of the app on $PORT, and prints the version.
store_closure_fee_candidate() {
    rm -rf "$WORK/candidate"
    cp -r rules "$WORK/candidate"
    sed -i "s/,x,,50.00,ACCOUNT_CLOSURE\$/,x,,$1,ACCOUNT_CLOSURE/" "$WORK/candidate/fees/fee-schedule.csv"
    java -jar "$APP_JAR" validate "$WORK/candidate" --accept-examples >/dev/null || true
    URL="http://127.0.0.1:$PORT" scripts/ruleset-upload.sh "$WORK/candidate" "$2" \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])'
}

# decide BODY_FILE: posts a decision; prints the decision id when answered 200, nothing otherwise.
decide() {
    local body
    body=$(curl -s --max-time 10 "${AS_CLIENT[@]}" -H 'Content-Type: application/json' --data-binary "@$1" \
        -w '\n%{http_code}' "http://127.0.0.1:$PORT/api/v1/decisions") || return 0
    if [ "${body##*$'\n'}" = 200 ]; then
        printf '%s\n' "$body" | head -n 1 | grep -o '"decisionId":"[^"]*"' | cut -d'"' -f4
    fi
}

# start_app_on DB [java options...]: starts the app on a fresh store of that database, h2 (a new directory under
# $WORK) or postgresql (a database of its own, made with createdb on $PGHOST as $PGUSER; its name in PG_DB, which
# drop_app_db drops). Fails on any other name.
start_app_on() {
    local db=$1
    shift
    rm -rf "$WORK/data"
    case $db in
        h2)
            start_app "$db" "$@"
            ;;
        postgresql)
            PG_DB=unbind_bench_$$
            dropdb -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" --if-exists "$PG_DB" 2>/dev/null || true
            createdb -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" "$PG_DB"
            UNBIND_STORAGE_KIND=postgresql \
                QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:5432/$PG_DB" \
                QUARKUS_DATASOURCE_POSTGRESQL_USERNAME="${PGUSER:-postgres}" start_app "$db" "$@"
            ;;
        *)
            fail "unknown database $db (h2, postgresql)"
            ;;
    esac
}

# drop_app_db: stops the app and drops the database start_app_on made, if it made one.
drop_app_db() {
    stop_app
    if [ -n "${PG_DB:-}" ]; then
        dropdb -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" --if-exists "$PG_DB" || true
        PG_DB=
    fi
}
