#!/usr/bin/env bash
# Builds the service's container image with quarkus-container-image-jib to target/pos-unbind-service-image.tar (the
# `docker load` layout), without a registry or a Docker daemon, then checks it: its layers are unpacked into a folder
# and the service is started from them as the image would start it (its entrypoint, user 1001, working directory
# and environment), in a chroot, and must decide a worked example.
#
#   scripts/image.sh [--no-check]   (needs root for the base image's debootstrap and the chroot; env: PORT=18251)
# Load it where a container runtime runs: docker load -i target/pos-unbind-service-image.tar
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18251}
IMAGE_TAR=$PWD/target/pos-unbind-service-image.tar
[ -f target/base-image.tar ] || scripts/base-image.sh
rm -f "$IMAGE_TAR"
# The default rules go in the image at /deployments/rules: Jib adds what src/main/jib holds (it does not follow a
# link), so they are copied there for the build; the copy is not kept in git (.gitignore).
rm -rf src/main/jib/deployments/rules
mkdir -p src/main/jib/deployments
cp -r rules src/main/jib/deployments/rules
IMAGE_TAR=$IMAGE_TAR ./mvnw -B -q package -DskipTests -Dquarkus.container-image.build=true \
    -Dquarkus.jib.base-jvm-image="tar://$PWD/target/base-image.tar" \
    -Dquarkus.jib.docker-executable-name="$PWD/scripts/docker-to-tar.sh"
[ -s "$IMAGE_TAR" ] || { echo "FAILED: Jib wrote no image to $IMAGE_TAR" >&2; exit 1; }
echo "image: $IMAGE_TAR ($(du -h "$IMAGE_TAR" | cut -f1))"
[ "${1:-}" = --no-check ] && exit 0

ROOT=$(mktemp -d)
APP=
cleanup() {
    [ -z "$APP" ] || { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }
    umount "$ROOT/fs/proc" 2>/dev/null || true
    rm -rf "$ROOT"
}
trap cleanup EXIT
fail() {
    echo "FAILED: $*" >&2
    exit 1
}
mkdir -p "$ROOT/image" "$ROOT/fs"
tar -xf "$IMAGE_TAR" -C "$ROOT/image"
# the image's own description: its layers in order, and how it starts
python3 - "$ROOT/image" >"$ROOT/start" <<'PY'
import json, shlex, sys
image = sys.argv[1]
manifest = json.load(open(image + '/manifest.json'))[0]
config = json.load(open(image + '/' + manifest['Config']))['config']
print('LAYERS=(%s)' % ' '.join(shlex.quote(l) for l in manifest['Layers']))
print('ENTRYPOINT=(%s)' % ' '.join(shlex.quote(a) for a in config.get('Entrypoint', []) + (config.get('Cmd') or [])))
print('WORKDIR=%s' % shlex.quote(config.get('WorkingDir', '/')))
print('IMAGE_USER=%s' % shlex.quote(config.get('User', '0')))
print('ENVIRONMENT=(%s)' % ' '.join(shlex.quote(e) for e in config.get('Env', [])))
print('PORTS=%s' % shlex.quote(' '.join(config.get('ExposedPorts', {}).keys())))
PY
source "$ROOT/start"
echo "entrypoint: ${ENTRYPOINT[*]}; user $IMAGE_USER; working directory $WORKDIR; ports $PORTS"
[ "$IMAGE_USER" = 1001 ] || fail "the image runs as '$IMAGE_USER', not 1001"
for layer in "${LAYERS[@]}"; do
    tar --warning=no-unknown-keyword -xf "$ROOT/image/$layer" -C "$ROOT/fs"
done
[ -f "$ROOT/fs/deployments/quarkus-run.jar" ] || fail "no /deployments/quarkus-run.jar in the image"
[ -f "$ROOT/fs/deployments/rules/fees/fee-schedule.csv" ] || fail "the default rules are not in /deployments/rules"
[ "$(stat -c %u "$ROOT/fs/deployments/data")" = 1001 ] || fail "/deployments/data is not the service user's"
mount -t proc proc "$ROOT/fs/proc"
cp /etc/resolv.conf "$ROOT/fs/etc/resolv.conf" 2>/dev/null || true
cat >"$ROOT/fs/run.sh" <<SH
cd $WORKDIR
exec env -i ${ENVIRONMENT[*]} QUARKUS_HTTP_PORT=$PORT UNBIND_SECURITY_USERS_FILE=/deployments/demo-users ${ENTRYPOINT[*]}
SH
cp config/demo-users "$ROOT/fs/deployments/demo-users"
chroot --userspec=1001:0 "$ROOT/fs" /bin/sh /run.sh >"$ROOT/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$APP" 2>/dev/null || fail "the service in the image exited: $(tail -20 "$ROOT/app.log")"
    sleep 0.5
done
answer=$(curl -sf -u client:client-demo-pw -H 'Content-Type: application/json' \
    --data-binary @src/test/resources/audit/request.json "http://127.0.0.1:$PORT/api/v1/decisions") \
    || fail "the service in the image did not decide: $(tail -20 "$ROOT/app.log")"
verdict=$(printf '%s' "$answer" | python3 -c 'import json, sys; print(json.load(sys.stdin)["verdict"])')
[ -f "$ROOT/fs/deployments/data/unbind.mv.db" ] || fail "the decision was not recorded under /deployments/data"
echo "OK: the image's service started as user 1001 from its entrypoint and decided ($verdict), recorded under /deployments/data"
