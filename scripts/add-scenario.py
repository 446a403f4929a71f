#!/usr/bin/env python3
"""Adds one scenario, read as JSON from standard input, at the end of a scenario file's list, keeping the file's
layout so that git diff shows only the new scenario. Refuses a scenario without a name, or whose name the file
already has.

    scripts/add-scenario.py rules/account/account.scenarios.json <<'JSON'
    {"name": "...", "request": {...}, "expected": {...}}
    JSON
"""
import json
import sys

if len(sys.argv) != 2:
    sys.exit("usage: scripts/add-scenario.py SCENARIO_FILE < scenario.json")
path = sys.argv[1]
raw = sys.stdin.read().strip()
try:
    scenario = json.loads(raw)
except json.JSONDecodeError as e:
    sys.exit(f"error: the scenario is not valid JSON: {e}")
if not isinstance(scenario, dict) or not isinstance(scenario.get("name"), str) or not scenario["name"].strip():
    sys.exit("error: the scenario must be an object with a \"name\"")
with open(path, encoding="utf-8") as f:
    text = f.read()
document = json.loads(text)
if not isinstance(document.get("scenarios"), list):
    sys.exit(f"error: {path} has no \"scenarios\" list")
if any(s.get("name") == scenario["name"] for s in document["scenarios"]):
    sys.exit(f"error: {path} already has a scenario named \"{scenario['name']}\"")
end = text.rstrip().rfind("]")
before = text[:end].rstrip()
# the scenario as it was written, so its numbers keep their decimals (120.00 stays 120.00)
body = "\n    ".join(raw.split("\n"))
separator = "," if before.endswith("}") else ""
text = before + separator + "\n    " + body + "\n  " + text[end:]
json.loads(text)  # still one valid document
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
print(f"Added \"{scenario['name']}\" to {path} ({len(document['scenarios']) + 1} scenarios).")
