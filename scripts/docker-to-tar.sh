#!/usr/bin/env bash
# Stands in for the docker command when Jib "loads" the image it built (quarkus-container-image-jib has no tar output of
# its own, and no Docker daemon runs here): `docker load` writes the image Jib streams to IMAGE_TAR instead of a
# daemon. Used by scripts/image.sh through quarkus.jib.docker-executable-name; nothing else should call it.
set -euo pipefail
: "${IMAGE_TAR:?IMAGE_TAR names the file to write the image to}"
case "${1:-}" in
    load)
        cat >"$IMAGE_TAR"
        name=$(tar -xOf "$IMAGE_TAR" manifest.json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["RepoTags"][0])')
        echo "Loaded image: $name"
        ;;
    info)
        echo '{"OSType":"linux","Architecture":"x86_64"}'
        ;;
    *)
        echo "docker-to-tar.sh: only load and info are stood in for, not: $*" >&2
        exit 1
        ;;
esac
