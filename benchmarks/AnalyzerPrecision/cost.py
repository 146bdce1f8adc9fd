"""Prints what the Toolkit analyzers cost the builds of cost.sh: per build, all analyzer time, the Toolkit analyzers'
time and share; then per ref the median of each, and the median time of each rule.
    python3 cost.py <name> <ref>=<log> [<ref>=<log>...]
Times are the compiler's -p:ReportAnalyzer=true report, summed over the compilations of a build. On a shared machine
the share (ours against everyone's, in the same build) is steadier than the absolute times."""
import collections
import re
import statistics
import sys


def parse(path):
    """(all analyzer seconds, Toolkit seconds, {rule: seconds}) of one build log."""
    total = ours = 0.0
    rules = collections.Counter()
    in_block = False
    for text in open(path, encoding="utf-8", errors="replace"):
        t = re.search(r"Total analyzer execution time: ([\d.]+) seconds", text)
        if t:
            total += float(t.group(1))
            in_block = True
            continue
        if not in_block:
            continue
        row = re.match(r"^\s*(<?[\d.]+)\s+(<?\d+)\s+(.*?)\s*$", text)
        if row:
            seconds = float(row.group(1).lstrip("<")) if not row.group(1).startswith("<") else 0.0
            label = row.group(3)
            if label.startswith("Toolkit.Analyzers, Version"):
                ours += seconds
            elif label.startswith("Toolkit.Analyzers."):
                rules[label.split(".")[-1]] += seconds
        elif "Time (s)" not in text and "NOTE:" not in text and text.strip():
            in_block = False
    return total, ours, rules


name = sys.argv[1]
builds = collections.defaultdict(list)
for argument in sys.argv[2:]:
    ref, path = argument.split("=", 1)
    total, ours, rules = parse(path)
    builds[ref].append((total, ours, rules))
    print(f"{name} {ref:>10}: all analyzers {total:7.3f} s, Toolkit {1000 * ours:6.0f} ms ({100 * ours / total:4.1f}%)  {path}")

for ref, runs in builds.items():
    share = statistics.median(100 * ours / total for total, ours, _ in runs)
    ours = statistics.median(1000 * o for _, o, _ in runs)
    total = statistics.median(t for t, _, _ in runs)
    print(f"{name} {ref:>10}: median of {len(runs)}: share {share:.1f}%, Toolkit {ours:.0f} ms, all analyzers {total:.3f} s")
    rules = sorted({rule for *_, r in runs for rule in r})
    medians = {rule: statistics.median(1000 * r[rule] for *_, r in runs) for rule in rules}
    for rule, ms in sorted(medians.items(), key=lambda kv: -kv[1]):
        print(f"    {ms:6.0f} ms  {rule}")
