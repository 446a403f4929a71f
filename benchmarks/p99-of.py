"""Prints the p99 of the last phase of a load generator's TSV (HttpLoad --out), or says why there is none."""
import csv
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    rows = list(csv.DictReader(f, delimiter="\t"))
last = rows[-1]
if int(last["errors"]) > 0:
    print(f"{last['p99_ms']} ms ({last['errors']} errors)")
else:
    print(f"{last['p99_ms']} ms (p50 {last['p50_ms']}, {last['ok_per_s']}/s answered)")
