#!/usr/bin/env bash
# Refreshes the answer examples of src/main/resources/META-INF/openapi.yaml (answer-01-zh-CN, answer-03-en,
# remedies-03-en) with what the packaged app answers today, after a change to the rules. OpenApiDocumentTest fails
# when they are out of date. Usage: ./mvnw -B -q package -DskipTests && scripts/refresh-openapi-examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
PORT=${PORT:-18481}
. scripts/lib-app.sh
ensure_packaged
trap 'stop_app 2>/dev/null || true; rm -rf "$WORK"' EXIT
start_app examples || fail "the app did not start"
URL=http://127.0.0.1:$PORT
decide() { # decide EXAMPLE LANGUAGE: the answer to a worked example's request, on one line
    python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["request"]))' \
        "rules/tests/examples/$1.json" |
        curl -fsS "${AS_CLIENT[@]}" -H 'Content-Type: application/json' -H "Accept-Language: $2" \
            --data-binary @- "$URL/api/v1/decisions"
}
ANSWER_01=$(decide 01-switch-provider-deposit-refund zh-CN)
ANSWER_03=$(decide 03-business-closure-missing-documents en)
ID_03=$(printf '%s' "$ANSWER_03" | python3 -c 'import json,sys; print(json.load(sys.stdin)["decisionId"])')
REMEDIES_03=$(curl -fsS "${AS_CLIENT[@]}" -H 'Accept-Language: en' "$URL/api/v1/decisions/$ID_03/remedies")
python3 - "$ANSWER_01" "$ANSWER_03" "$REMEDIES_03" <<'PY'
import json, re, sys
path = "src/main/resources/META-INF/openapi.yaml"
text = open(path, encoding="utf-8").read()
for name, body in zip(["answer-01-zh-CN", "answer-03-en", "remedies-03-en"], sys.argv[1:]):
    value = json.dumps(json.loads(body), ensure_ascii=False)
    text, n = re.subn(r"(\n    %s:\n      summary: [^\n]*\n      value: )[^\n]*" % re.escape(name),
                      lambda m: m.group(1) + value, text)
    if n != 1:
        sys.exit(f"the example {name} was not found in {path}")
open(path, "w", encoding="utf-8").write(text)
print("refreshed answer-01-zh-CN, answer-03-en and remedies-03-en")
PY
