"""Fired / TP / FP / precision per rule over every code base, before (results/*.before.tsv) and after (results/*.tsv).
    python3 benchmarks/AnalyzerPrecision/summary.py"""
import collections
import glob
import os

here = os.path.dirname(os.path.abspath(__file__))


def verdicts(codebase):
    path = os.path.join(here, "verdicts", codebase + ".tsv")
    result = {}
    if os.path.exists(path):
        for row in open(path, encoding="utf-8"):
            parts = row.rstrip("\n").split("\t")
            if not row.startswith("#") and len(parts) >= 2:
                result[parts[0]] = parts[1]
    return result


def table(suffix):
    counts = collections.defaultdict(collections.Counter)
    for path in sorted(glob.glob(os.path.join(here, "results", "*.tsv"))):
        name = os.path.basename(path)[:-4]
        # Fixtures show a rule fires in a real build; they are ours, so they don't count towards precision.
        if name.startswith("fixture-") or name.endswith(".before") != (suffix == ".before"):
            continue
        judged = verdicts(name.split(".")[0])
        for row in list(open(path, encoding="utf-8"))[1:]:
            key, rule = row.split("\t")[:2]
            counts[rule]["fired"] += 1
            counts[rule][judged.get(key, "open")] += 1
    return counts


before, after = table(".before"), table("")
print(f"{'rule':7} | {'before: fired':>13} {'TP':>4} {'FP':>4} {'prec.':>6} | {'after: fired':>12} {'TP':>4} {'FP':>4} {'prec.':>6}")
for rule in sorted(set(before) | set(after)):
    cells = []
    for c in (before[rule], after[rule]):
        judged = c["TP"] + c["FP"]
        precision = f"{100 * c['TP'] / judged:.0f}%" if judged else "-"
        cells.append(f"{c['fired']:>4} {c['TP']:>4} {c['FP']:>4} {precision:>6}" + (f" ({c['open']} open)" if c["open"] else ""))
    print(f"{rule:7} | {cells[0]:>30} | {cells[1]:>29}")
