"""Writes the worked examples' requests, one JSON object a line, for benchmarks/wrk-decisions.lua."""
import glob
import json
import sys

with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sorted(glob.glob("rules/tests/examples/*.json")):
        with open(path, encoding="utf-8") as f:
            request = json.load(f)["request"]
        request["caseId"] = "WRK"
        out.write(json.dumps(request, ensure_ascii=False, separators=(",", ":")) + "\n")
