#!/usr/bin/env bash
# Runs the officer's walkthrough of rules/README.md (section 5) verbatim, in a fresh clone of this repository, the
# way an officer would: every ```bash block in order, in one shell, so variables carry over. A block whose first
# line is "# in a second terminal" is started in the background (the service) and waited for. A command must exit
# 0, or the status its line announces with "# exits N". Prints each command's output; exits 1 at the first
# command that does not do what the walkthrough says.
#
#   scripts/run-walkthrough.sh        (env PORT: where the clone's service listens, default 18380)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-18380}
WORK=$(mktemp -d)
CLONE=$WORK/clone
git clone -q "$ROOT" "$CLONE"
# the walkthrough is run as it is in the working tree, which may hold changes not committed yet
cp "$ROOT/rules/README.md" "$CLONE/rules/README.md"
if ! git -C "$CLONE" diff --quiet; then
    git -C "$CLONE" -c user.name=walkthrough -c user.email=walkthrough@localhost commit -qam "the walkthrough as in the working tree"
fi
SCRIPT=$WORK/walkthrough.sh
python3 - "$CLONE/rules/README.md" "$PORT" >"$SCRIPT" <<'PY'
import re, shlex, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = text[text.index("\n## 5."):text.index("\n## 6.")]
out = ["set -u", "cd \"$CLONE\"", "step=0"]
for block in re.findall(r"```bash\n(.*?)```", section, re.S):
    lines = block.rstrip("\n").split("\n")
    if lines[0].startswith("# in a second terminal"):
        command = " ".join(l for l in lines[1:] if l and not l.startswith("#"))
        command = command.replace("8080", sys.argv[2])
        out.append("if curl -s -o /dev/null \"http://localhost:%s/\"; then echo \"FAILED: something already listens on port %s\"; exit 1; fi" % (sys.argv[2], sys.argv[2]))
        out.append("setsid bash -c " + shlex.quote(command) + " >\"$WORK/service.log\" 2>&1 &\nSERVICE=$!")
        out.append("for _ in $(seq 1 120); do curl -sf \"http://localhost:%s/q/health/ready\" >/dev/null && break; sleep 0.5; done" % sys.argv[2])
        continue
    joined, current, heredoc = [], "", None
    for line in lines:
        current += line + "\n"
        if heredoc is None:
            opened = re.search(r"<<-?'?(\w+)'?", line)
            heredoc = opened.group(1) if opened else None
        elif line == heredoc:
            heredoc = None
        if heredoc is None and not line.endswith("\\"):
            joined.append(current.rstrip("\n")); current = ""
    for command in joined:
        if not command.strip() or command.lstrip().startswith("#"):
            continue
        expected = re.search(r"# exits (\d+)\s*$", command)
        status = expected.group(1) if expected else "0"
        command = command.replace("localhost:8080", "localhost:" + sys.argv[2])
        out.append("step=$((step+1)); echo \"\\$ \"" + shlex.quote(command.split("\n")[0]))
        out.append(command)
        out.append(f"rc=$?; if [ $rc -ne {status} ]; then echo \"FAILED: step $step exited $rc, the walkthrough says {status}: \"" + shlex.quote(command.split("\n")[0]) + "; exit 1; fi")
print("\n".join(out))
PY
status=0
# the service runs in a session of its own (setsid), so stopping its process group stops the JVM too
( cd "$CLONE" && export CLONE WORK && bash -c "trap 'kill -- -\${SERVICE:-0} 2>/dev/null' EXIT; source '$SCRIPT'" ) || status=$?
if [ $status -ne 0 ]; then
    echo "--- the service's log:"; tail -20 "$WORK/service.log" 2>/dev/null || true
fi
rm -rf "$WORK"
[ $status -eq 0 ] && echo "The walkthrough ran as written." || echo "The walkthrough did not run as written." >&2
exit $status
