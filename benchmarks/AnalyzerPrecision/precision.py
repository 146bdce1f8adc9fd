"""Collects the TK diagnostics of a build log into results/<name>.tsv, joins them with verdicts/<name>.tsv and
prints fired/TP/FP/precision per rule and the Toolkit analyzers' share of the build's analyzer time.

A diagnostic's key is file:line:rule:hash, the hash taken over the first quoted part of the message (the value the
rule points at), so the key survives a change of wording and of column but not a move to another line."""
import collections
import hashlib
import os
import re
import sys

name, checkout, log, here = sys.argv[1:5]
codebase = name.split(".")[0]  # "masstransit.before" keeps its own results but shares the code base's verdicts
checkout = os.path.realpath(checkout) + os.sep

warning = re.compile(r"^\s*(?P<file>/[^(]+)\((?P<line>\d+),(?P<col>\d+)\): warning (?P<rule>TK\d{4}): (?P<message>.*?) \[[^\]]+\]\s*$")
diagnostics = {}
with open(log, encoding="utf-8", errors="replace") as f:
    lines = f.readlines()
for text in lines:
    m = warning.match(text)
    if not m:
        continue
    path = os.path.realpath(m["file"])
    path = path[len(checkout):] if path.startswith(checkout) else path
    quoted = re.search(r"'([^']*)'", m["message"])
    subject = quoted.group(1) if quoted else m["message"]
    digest = hashlib.sha1(subject.encode()).hexdigest()[:8]
    key = f"{path}:{m['line']}:{m['rule']}:{digest}"
    diagnostics[key] = (m["rule"], path, m["line"], m["message"])  # one row whatever the number of target frameworks

os.makedirs(os.path.join(here, "results"), exist_ok=True)
with open(os.path.join(here, "results", name + ".tsv"), "w", encoding="utf-8") as out:
    out.write("key\trule\tfile\tline\tmessage\n")
    for key in sorted(diagnostics):
        rule, path, line, message = diagnostics[key]
        out.write(f"{key}\t{rule}\t{path}\t{line}\t{message}\n")

verdicts = {}
verdict_file = os.path.join(here, "verdicts", codebase + ".tsv")
if os.path.exists(verdict_file):
    with open(verdict_file, encoding="utf-8") as f:
        for row in f:
            if row.startswith("#") or not row.strip():
                continue
            parts = row.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[1] in ("TP", "FP"):
                verdicts[parts[0]] = parts[1]

counts = collections.defaultdict(collections.Counter)
unlabelled = []
for key, (rule, *_rest) in diagnostics.items():
    verdict = verdicts.get(key)
    counts[rule]["fired"] += 1
    counts[rule][verdict or "unlabelled"] += 1
    if verdict is None:
        unlabelled.append(key)

print(f"{name}: {len(diagnostics)} TK diagnostics")
print(f"{'rule':8} {'fired':>6} {'TP':>4} {'FP':>4} {'open':>5} {'precision':>9}")
for rule in sorted(counts):
    c = counts[rule]
    labelled = c["TP"] + c["FP"]
    precision = f"{100 * c['TP'] / labelled:.0f}%" if labelled else "-"
    print(f"{rule:8} {c['fired']:>6} {c['TP']:>4} {c['FP']:>4} {c['unlabelled']:>5} {precision:>9}")
with open(os.path.join(here, "logs", name + ".unlabelled.tsv"), "w", encoding="utf-8") as out:
    for key in sorted(unlabelled):
        rule, path, line, message = diagnostics[key]
        out.write(f"{key}\t?\t{message}\n")
if unlabelled:
    print(f"{len(unlabelled)} without a verdict: logs/{name}.unlabelled.tsv")

# -p:ReportAnalyzer=true: per compilation, "Total analyzer execution time: N seconds." then one line per analyzer
# assembly ("time  percent  name, Version=...") and per analyzer type.
total = ours = 0.0
per_rule = collections.Counter()
in_block = False
for text in lines:
    t = re.search(r"Total analyzer execution time: ([\d.]+) seconds", text)
    if t:
        total += float(t.group(1))
        in_block = True
        continue
    if in_block:
        row = re.match(r"^\s*(<?[\d.]+)\s+(<?\d+)\s+(.*?)\s*$", text)
        if row:
            seconds = float(row.group(1).lstrip("<"))
            label = row.group(3)
            if label.startswith("Toolkit.Analyzers, Version"):
                ours += seconds
            elif label.startswith("Toolkit.Analyzers."):
                per_rule[label.split(".")[-1]] += seconds
        elif "Time (s)" not in text and "NOTE:" not in text and text.strip():
            in_block = False
if total:
    print(f"analyzer time: {total:.3f} s in all, Toolkit.Analyzers {ours:.3f} s ({100 * ours / total:.1f}%)")
    for rule, seconds in per_rule.most_common(5):
        print(f"  {seconds:.3f} s  {rule}")
