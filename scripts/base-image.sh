#!/usr/bin/env bash
# Builds the container image's base, target/base-image.tar (the `docker save` layout), without a registry or a
# Docker daemon: no container registry is reached from these machines, so the base is made here from Debian's own
# packages: a minimal Debian 12 with openjdk-17-jre-headless, made by debootstrap, then packed as one layer.
# Jib builds the service's image on it (quarkus.jib.base-jvm-image=tar://...; scripts/image.sh).
#
#   scripts/base-image.sh   (needs root and debootstrap: apt-get install debootstrap; env: MIRROR, OUT)
set -euo pipefail
cd "$(dirname "$0")/.."
MIRROR=${MIRROR:-http://deb.debian.org/debian}
OUT=${OUT:-target/base-image.tar}
ROOT=$(mktemp -d)
trap 'rm -rf "$ROOT"' EXIT
mkdir -p "$(dirname "$OUT")"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,tzdata bookworm "$ROOT/fs" "$MIRROR" \
    >"$ROOT/debootstrap.log" 2>&1 || { tail -20 "$ROOT/debootstrap.log"; exit 1; }
# what a running service never needs: package caches, documentation, manuals, other languages' messages
rm -rf "$ROOT"/fs/var/cache/apt/* "$ROOT"/fs/var/lib/apt/lists/* "$ROOT"/fs/usr/share/doc/* \
    "$ROOT"/fs/usr/share/man/* "$ROOT"/fs/usr/share/locale/* "$ROOT"/fs/var/log/*
python3 - "$ROOT/fs" "$OUT" <<'PY'
import hashlib, io, json, os, sys, tarfile
root, out = sys.argv[1], sys.argv[2]
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode='w', format=tarfile.PAX_FORMAT) as tar:
    for name in sorted(os.listdir(root)):
        if name in ('proc', 'sys', 'dev'):
            info = tarfile.TarInfo(name)
            info.type, info.mode = tarfile.DIRTYPE, 0o755
            tar.addfile(info)
            continue
        tar.add(os.path.join(root, name), arcname=name)
    # where the service lives (Jib adds it) and the one folder it writes to, owned by the user it runs as
    for name, uid, mode in (('deployments', 0, 0o755), ('deployments/data', 1001, 0o775)):
        info = tarfile.TarInfo(name)
        info.type, info.uid, info.gid, info.mode = tarfile.DIRTYPE, uid, 0, mode
        tar.addfile(info)
data = layer.getvalue()
diff_id = 'sha256:' + hashlib.sha256(data).hexdigest()
config = {
    'architecture': 'amd64', 'os': 'linux',
    'config': {'Env': ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
                       'JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64', 'LANG=C.UTF-8'],
               'Cmd': ['/bin/bash']},
    'rootfs': {'type': 'layers', 'diff_ids': [diff_id]},
    'history': [{'created_by': 'scripts/base-image.sh: debootstrap minbase bookworm + openjdk-17-jre-headless'}],
}
config_bytes = json.dumps(config, sort_keys=True).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + '.json'
with tarfile.open(out, mode='w') as image:
    def put(name, payload):
        info = tarfile.TarInfo(name)
        info.size = len(payload)
        image.addfile(info, io.BytesIO(payload))
    put('layer.tar', data)
    put(config_name, config_bytes)
    put('manifest.json', json.dumps([{'Config': config_name, 'RepoTags': ['pos-unbind/base:bookworm-jre17'],
                                      'Layers': ['layer.tar']}]).encode())
print('%s: one layer of %.0f MB, %s' % (out, len(data) / 1e6, diff_id))
PY
