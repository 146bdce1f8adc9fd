#!/usr/bin/env bash
# Runs the Toolkit analyzers over a public code base and measures their precision against hand-written verdicts.
#   [TOOLKIT_REF=<commit>] benchmarks/AnalyzerPrecision/run.sh <name> <checkout>
# <name> is a row of codebases.tsv (repository, commit, the projects to build and the build arguments that make it
# build on the .NET 10 SDK with the mirror's packages); <checkout> is that commit's source tree. The code base is not
# edited: the analyzers come in through CustomAfterDirectoryBuildTargets (Attach.targets) and every TK rule is raised
# to warning by precision.globalconfig (an <EditorConfigFiles> item). Writes results/<name>.tsv (one row per TK
# diagnostic), then prints fired/TP/FP/precision per rule from verdicts/<name>.tsv and the analyzers' share of the
# build's analyzer time (-p:ReportAnalyzer=true). TOOLKIT_REF measures the analyzers of another commit of this repository
# (the "before" numbers); the default is the working tree.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
name=${1:?usage: run.sh <name> <checkout>}
checkout=$(cd "${2:?usage: run.sh <name> <checkout>}" && pwd)
row=$(awk -F'\t' -v n="$name" '$1 == n' "$here/codebases.tsv")
[ -n "$row" ] || { echo "No row '$name' in codebases.tsv" >&2; exit 2; }
IFS=$'\t' read -r _ repository commit projects extra <<< "$row"

# The analyzers under test, copied out so the build under measurement never locks or rebuilds them.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source=$repo
if [ -n "${TOOLKIT_REF:-}" ]; then
  source=$work/toolkit
  mkdir -p "$source"
  git -C "$repo" archive "$TOOLKIT_REF" src Directory.Build.props Directory.Packages.props | tar -x -C "$source"
fi
dotnet build "$source/src/Analyzers/Toolkit.Analyzers/Toolkit.Analyzers.csproj" -c Release -v:q -nologo -o "$work/analyzers" > "$work/analyzers.log" 2>&1 \
  || { tail -20 "$work/analyzers.log"; exit 1; }

mkdir -p "$here/results" "$here/logs"
log="$here/logs/$name${TOOLKIT_REF:+.before}.log"
: > "$log"
# A code base that needs more than global properties to build here has codebases/<name>.targets, which Attach.targets imports.
codebase_targets=
[ -f "$here/codebases/$name.targets" ] && codebase_targets="$here/codebases/$name.targets"
for project in $projects; do
  # --no-incremental: every compilation runs, so every diagnostic is reported and timed.
  # shellcheck disable=SC2086
  dotnet build "$checkout/$project" -c Release --no-incremental -nologo -v:d -clp:NoSummary \
    -p:CustomAfterDirectoryBuildTargets="$here/Attach.targets" -p:ToolkitPrecisionCodebaseTargets="$codebase_targets" -p:ToolkitAnalyzersPath="$work/analyzers/Toolkit.Analyzers.dll" \
    -p:TreatWarningsAsErrors=false -p:ReportAnalyzer=true -p:RunAnalyzers=true $extra >> "$log" 2>&1 \
    || { grep -E ": error " "$log" | cut -c1-300 | sort -u | head -20; echo "Build of $project failed; log: $log" >&2; exit 1; }
done

python3 "$here/precision.py" "$name${TOOLKIT_REF:+.before}" "$checkout" "$log" "$here"
