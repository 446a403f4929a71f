"""Where the CPU of a decision goes, from one measured window of benchmarks/cpu-profile.sh.

Inputs: the per-thread CPU of the app's process before and after the window (/proc/PID/task/*/stat, written by
the script), a JFR recording of the same window (settings=profile, its jdk.ExecutionSample events printed by
`jfr print`), and the number of decisions answered in it.

The threads' CPU is exact (/proc); it is split three ways:
- the JVM's own threads by name: the garbage collector (GC Thread, G1 ...), the JIT compilers, the rest of the VM;
- every Java thread's CPU (HTTP event loop, REST workers, the audit writer, ...) by where its samples were: each
  stack is put in the first category of CATEGORIES that one of its frames matches (so a stack deciding under the
  REST layer counts as the engine, and a hash under the audit writer as hashing).
Prints a Markdown table: microseconds of CPU per decision and the share of each category.
"""
import re
import sys
from collections import Counter

# Looked for from the leaf of each stack towards its root: the first frame that one of these matches names the
# stack's category. Only frames of the service and of the libraries it calls on purpose are looked for here, so a
# JDK or Jackson frame at the leaf counts for the code that called it (a digest under the users file is sign-in, a
# digest under RecordHash is hashing, Jackson under RequestJson is parsing).
CATEGORIES = [
    ("engine (Drools, the rules)", r"^org\.drools\.|^org\.kie\.|io\.posunbind\.engine\.CompiledRuleSet\.run|^[a-z]+\.[A-Z]"),
    ("write: database (JDBC, storage engine)", r"^org\.h2\.|^org\.postgresql\.|^io\.agroal\."),
    ("sign-in (Basic, users file)", r"^io\.posunbind\.security\.|^io\.quarkus\.security\.|^org\.wildfly\.security\."),
    ("write: deflate the bodies", r"^io\.posunbind\.audit\.StoredBody"),
    ("hash (record, chain, tree)", r"^io\.posunbind\.(audit\.(RecordHash|Merkle|WriterChain)|storage\.FieldHash)"),
    ("shape the answer (build, texts, JSON bytes)", r"^io\.posunbind\.engine\.(AnswerJson|DecisionEngine|Texts)"),
    ("parse the request (JSON, facts)", r"^io\.posunbind\.engine\.(DecisionRequestParser|RequestJson)|^io\.posunbind\.facts\."),
    ("write: recorder, group commit", r"^io\.posunbind\.audit\."),
    ("metrics and tracing", r"^io\.micrometer\.|^io\.opentelemetry\.|^io\.quarkus\.(opentelemetry|micrometer)\.|^io\.posunbind\.decision\.DecisionMetrics"),
    ("the service's REST code", r"^io\.posunbind\."),
    ("framework: REST (RESTEasy Reactive, CDI, routing)", r"^org\.jboss\.resteasy\.|^io\.quarkus\.|^io\.smallrye\."),
    ("framework: HTTP (Vert.x, Netty)", r"^io\.vertx\.|^io\.netty\."),
    ("JSON elsewhere (Jackson)", r"^com\.fasterxml\."),
]
COMPILED = [(name, re.compile(pattern)) for name, pattern in CATEGORIES]
OTHER = "other Java (JDK only stacks)"


def proc_cpu(path):
    """tid -> (thread name, CPU ticks) from a snapshot of /proc/PID/task/*/stat lines."""
    threads = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if ")" not in line:
                continue
            head, rest = line.rsplit(")", 1)
            tid, name = head.split(" (", 1)
            fields = rest.split()
            threads[tid] = (name, int(fields[11]) + int(fields[12]))
    return threads


def jvm_group(name):
    if name.startswith(("GC Thread", "G1 ")):
        return "garbage collection"
    if "CompilerThre" in name:
        return "JIT compilers"
    if name.startswith(("VM ", "JFR", "Service Thread", "Common-Cleaner", "Signal Dispatch", "Reference Handl",
                        "Finalizer", "Notification Th", "Monitor Deflati", "Attach Listener", "Sweeper")):
        return "JVM and profiler threads"
    return None


def samples(path):
    """The category of each execution sample in `jfr print --events jdk.ExecutionSample` output."""
    counts = Counter()
    frames = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line.startswith("stackTrace = ["):
                frames = []
            elif frames is not None and line.startswith("]"):
                counts[categorize(frames)] += 1
                frames = None
            elif frames is not None and line and line != "...":
                frames.append(line)
    return counts


def categorize(frames):
    # Jackson (the last category) only when nothing of the service or its other libraries is on the stack.
    for patterns in (COMPILED[:-1], COMPILED[-1:]):
        for frame in frames:
            for name, pattern in patterns:
                if pattern.search(frame):
                    return name
    return OTHER


def main():
    before, after, jfr_text, decisions, hz = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    start, end = proc_cpu(before), proc_cpu(after)
    groups = Counter()
    java_ticks = 0
    for tid, (name, ticks) in end.items():
        used = ticks - start.get(tid, (name, 0))[1]
        group = jvm_group(name)
        if group:
            groups[group] += used
        else:
            java_ticks += used
    by_category = samples(jfr_text)
    total_samples = sum(by_category.values())
    rows = []
    for name, n in by_category.items():
        rows.append((name, java_ticks * n / total_samples))
    rows += list(groups.items())
    total = sum(t for _, t in rows)
    per_decision = lambda ticks: ticks / hz / decisions * 1e6
    print(f"{decisions} decisions; {total / hz:.1f} s of CPU in all, {per_decision(total):.0f} µs a decision; "
          f"{total_samples} execution samples of Java threads")
    print()
    print("| where | µs of CPU a decision | share |")
    print("|---|---|---|")
    for name, ticks in sorted(rows, key=lambda r: -r[1]):
        print(f"| {name} | {per_decision(ticks):.0f} | {100 * ticks / total:.1f}% |")


if __name__ == "__main__":
    main()
