#!/usr/bin/env python3
"""Changes the expected amount of one fee in every scenario and worked example of a rules directory, and the
expected totals with it (fees and net move by the difference). For a fee change decided by compliance: the rule
file is edited by hand; this updates the expectations that pin the old amount, as text, so `git diff` shows
exactly what changed. The validation (java -jar target/quarkus-app/quarkus-run.jar validate DIR) stays the judge.

    scripts/expect-fee.py ACCOUNT_CLOSURE 50.00 60.00 rules
"""
import re
import sys
from decimal import Decimal
from pathlib import Path

NUMBER = r"-?\d+(?:\.\d+)?"


def same_scale(value, like):
    """value written with as many decimals as `like` has."""
    places = len(like.split(".")[1]) if "." in like else 0
    return f"{value:.{places}f}"


def update(text, code, old, new):
    fee = re.compile(r'("code"\s*:\s*"' + re.escape(code) + r'"\s*,\s*"amount"\s*:\s*)(' + NUMBER + r')')
    totals = re.compile(r'("totals"\s*:\s*\{\s*"fees"\s*:\s*)(' + NUMBER + r')(\s*,\s*"refunds"\s*:\s*'
                        + NUMBER + r'\s*,\s*"net"\s*:\s*)(' + NUMBER + r')')
    delta = new - old
    out, position, changed = [], 0, 0
    for match in fee.finditer(text):
        if Decimal(match.group(2)) != old or match.start() < position:
            continue
        out.append(text[position:match.start()])
        out.append(match.group(1) + same_scale(new, match.group(2)))
        position = match.end()
        changed += 1
        # The totals of the same expectation come after its fees and before the next scenario's request.
        following = totals.search(text, position)
        next_request = text.find('"request"', position)
        if following and (next_request < 0 or following.start() < next_request):
            out.append(text[position:following.start()])
            fees, net = following.group(2), following.group(4)
            out.append(following.group(1) + same_scale(Decimal(fees) + delta, fees) + following.group(3)
                       + same_scale(Decimal(net) + delta, net))
            position = following.end()
    out.append(text[position:])
    return "".join(out), changed


def main(code, old, new, directory):
    total = 0
    for path in sorted(Path(directory).rglob("*.json")):
        text = path.read_text(encoding="utf-8")
        updated, changed = update(text, code, Decimal(old), Decimal(new))
        if changed:
            path.write_text(updated, encoding="utf-8")
            print(f"{path}: {changed} expectation(s) of {code} {old} -> {new}")
            total += changed
    print(f"{total} expectation(s) changed; now validate the rule set")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
