#!/usr/bin/env bash
# Lints the OpenAPI document as built (target/openapi/openapi.yaml, written by ./mvnw package or verify) with two
# linters nobody here wrote: Spectral's spectral:oas rules and Redocly's recommended rules. Fails on any error.
# Warnings are printed; the ones kept are justified in docs/api.md. Needs node and npx (the npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."
doc=${1:-target/openapi/openapi.yaml}
[ -f "$doc" ] || { echo "no $doc: run ./mvnw -B package -DskipTests first" >&2; exit 2; }
echo "== Spectral 6.16.3 (spectral:oas)"
npx --yes @stoplight/spectral-cli@6.16.3 lint --ruleset .spectral.yaml --fail-severity error "$doc"
echo "== Redocly 2.77.0 (recommended)"
npx --yes @redocly/cli@2.77.0 lint --config redocly.yaml "$doc"
