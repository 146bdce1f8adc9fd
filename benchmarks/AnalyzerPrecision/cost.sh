#!/usr/bin/env bash
# Measures what the Toolkit analyzers cost a real build: their share of all analyzer time and their absolute time,
# from the compiler's -p:ReportAnalyzer=true report, as the median of several clean builds.
#   benchmarks/AnalyzerPrecision/cost.sh <name> <checkout> [runs] [ref...]
# <name> and <checkout> as for run.sh. Each ref is a commit of this repository or "worktree" (the default); with
# several refs the builds alternate between them (ref1, ref2, ref1, ref2...) so that a change in the load of the
# machine hits every ref alike. Logs go to logs/<name>.cost.<ref>.<run>.log; cost.py prints the medians.
# The analyzers are the ReadyToRun image the package ships for this machine (src/ReadyToRun); R2R=false measures the
# IL image, which the compiler JIT-compiles, as on hosts the package has no image for.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
name=${1:?usage: cost.sh <name> <checkout> [runs] [ref...]}
checkout=$(cd "${2:?usage: cost.sh <name> <checkout> [runs] [ref...]}" && pwd)
runs=${3:-3}
shift $(( $# < 3 ? $# : 3 ))
refs=("$@")
[ ${#refs[@]} -gt 0 ] || refs=(worktree)
row=$(awk -F'\t' -v n="$name" '$1 == n' "$here/codebases.tsv")
[ -n "$row" ] || { echo "No row '$name' in codebases.tsv" >&2; exit 2; }
IFS=$'\t' read -r _ repository commit projects extra <<< "$row"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The platform the SDK runs on, whose image the package hands the compiler.
[ "${R2R:-true}" = false ] || rid=$(dotnet msbuild "$repo/src/ReadyToRun" -getProperty:NETCoreSdkRuntimeIdentifier)
for ref in "${refs[@]}"; do
  source=$repo
  if [ "$ref" != worktree ]; then
    source=$work/toolkit-$ref
    mkdir -p "$source"
    git -C "$repo" archive "$ref" src Directory.Build.props Directory.Packages.props | tar -x -C "$source"
  fi
  if [ "${R2R:-true}" = false ]; then
    dotnet build "$source/src/Analyzers/Toolkit.Analyzers/Toolkit.Analyzers.csproj" -c Release -v:q -nologo -o "$work/analyzers-$ref" > "$work/analyzers.log" 2>&1 \
      || { tail -20 "$work/analyzers.log"; exit 1; }
  else
    # A commit from before the images existed gets today's project, which only names the components.
    [ -d "$source/src/ReadyToRun" ] || cp -r "$repo/src/ReadyToRun" "$source/src/ReadyToRun"
    dotnet publish "$source/src/ReadyToRun" -c Release -r "$rid" -v:q -nologo -o "$work/analyzers-$ref" > "$work/analyzers.log" 2>&1 \
      || { tail -20 "$work/analyzers.log"; exit 1; }
  fi
done

mkdir -p "$here/logs"
codebase_targets=
[ -f "$here/codebases/$name.targets" ] && codebase_targets="$here/codebases/$name.targets"
logs=()
for run in $(seq 1 "$runs"); do
  for ref in "${refs[@]}"; do
    log="$here/logs/$name.cost.$ref.$run.log"
    : > "$log"
    for project in $projects; do
      # shellcheck disable=SC2086
      dotnet build "$checkout/$project" -c Release --no-incremental -nologo -v:d -clp:NoSummary \
        -p:CustomAfterDirectoryBuildTargets="$here/Attach.targets" -p:ToolkitPrecisionCodebaseTargets="$codebase_targets" -p:ToolkitAnalyzersPath="$work/analyzers-$ref/Toolkit.Analyzers.dll" \
        -p:TreatWarningsAsErrors=false -p:ReportAnalyzer=true -p:RunAnalyzers=true $extra >> "$log" 2>&1 \
        || { echo "Build of $project failed; log: $log" >&2; exit 1; }
    done
    logs+=("$ref=$log")
  done
done

python3 "$here/cost.py" "$name" "${logs[@]}"
