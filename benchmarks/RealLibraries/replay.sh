#!/usr/bin/env bash
# Replays "instrument everything" on a real library: copies the checkout twice, puts [Traced, Timed] on every non-private
# method of the instrumented copy, applies Make instrumentable from the command line, builds with the toolkit's
# generator and analyzers on, runs the library's tests (original; instrumented without and with a listener on every
# ActivitySource and Meter) and measures the library's build CPU time, instrumented against original.
#   benchmarks/RealLibraries/replay.sh <checkout> <library.csproj> <tests.csproj> [name]
# The project paths are relative to the checkout. The checkout is never modified. Output: a report in
# $REPLAY_WORK/<name>/report.md (default /tmp/toolkit-replay) and one line appended to $REPLAY_RESULTS if set.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
checkout=$(cd "$1" && pwd)
lib=$2
tests=$3
name=${4:-$(basename "$checkout")}
runs=${REPLAY_RUNS:-3}
work=${REPLAY_WORK:-/tmp/toolkit-replay}/$name
rm -rf "$work" && mkdir -p "$work"
log() { echo "[$name] $*" >&2; }

# The toolkit as users get it: the Toolkit package, packed into a local feed under a version of its own (so no copy
# restored earlier is taken instead), removed from the package cache again at exit.
dotnet build "$repo/benchmarks/RealLibraries/Replay" -c Release -v q -nologo > "$work/toolkit-build.log" 2>&1 || { cat "$work/toolkit-build.log"; exit 1; }
version=0.0.0-replay.$(date +%s).$$
dotnet pack "$repo/src/Runtime" -c Release -o "$work/feed" -p:Version=$version -v q -nologo >> "$work/toolkit-build.log" 2>&1 || { tail -20 "$work/toolkit-build.log"; exit 1; }
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
trap 'rm -rf "$packages/toolkit/$version"' EXIT
tool() { dotnet "$repo/benchmarks/RealLibraries/Replay/bin/Release/net10.0/Replay.dll" "$@"; }

# Two copies, retargeted alike to net10.0 (the toolkit's runtime library targets it) with the listener hook in the tests.
for copy in original instrumented; do
  mkdir -p "$work/$copy"
  tar -C "$checkout" --exclude=.git --exclude=bin --exclude=obj -cf - . | tar -C "$work/$copy" -xf -
  # Packages come from the machine's configured feed and the build from its SDK: a library's own feed list, lock files
  # and global.json would pin others.
  find "$work/$copy" \( -iname nuget.config -o -name packages.lock.json -o -name global.json \) -delete
  tool retarget "$work/$copy/$lib" && tool retarget "$work/$copy/$tests" && tool listen "$work/$copy/$tests"
  # Public API files kept per target framework (PublicAPI/<tfm>/): net10.0 declares what the newest one declared.
  find "$work/$copy" -type d -name PublicAPI | while read -r api; do
    newest=$(ls "$api" | grep -E '^net' | sort -V | tail -1)
    [ -n "$newest" ] && [ ! -e "$api/net10.0" ] && cp -r "$api/$newest" "$api/net10.0"
  done
done
tool reference "$work/instrumented/$lib" "$work/feed" "$version" && tool feed "$work/instrumented/$tests" "$work/feed"
libdir=$(dirname "$work/instrumented/$lib")
annotated=$(tool annotate "$libdir")
log "annotated $annotated methods"

for copy in original instrumented; do
  dotnet restore "$work/$copy/$tests" -v q -nologo > "$work/$copy-restore.log" 2>&1 || { log "restore failed: $work/$copy-restore.log"; tail -5 "$work/$copy-restore.log"; exit 1; }
done

# Make instrumentable, from the command line.
dotnet format analyzers "$work/instrumented/$lib" --diagnostics TK1001 TK1002 --severity info --no-restore -v q > "$work/format.log" 2>&1
read -r converted remaining < <(tool count "$libdir")
log "converted $converted, left $remaining"

# Build both test projects (and so the libraries), Release, as the library configures warnings; a build that fails
# only because warnings are errors is recorded and built again without that (-p:TreatWarningsAsErrors=false
# -p:CodeAnalysisTreatWarningsAsErrors=false), so the tests still run; the report says which built as configured.
lenient_flags=(-p:TreatWarningsAsErrors=false -p:CodeAnalysisTreatWarningsAsErrors=false)
build() {
  local copy=$1
  dotnet build "$work/$copy/$tests" -c Release --no-restore -nologo -v q -p:EmitCompilerGeneratedFiles=true > "$work/$copy-build.log" 2>&1 && { echo yes; return; }
  dotnet build "$work/$copy/$tests" -c Release --no-restore -nologo -v q -p:EmitCompilerGeneratedFiles=true "${lenient_flags[@]}" > "$work/$copy-build-lenient.log" 2>&1 && { echo no; return; }
  log "$copy build failed: $work/$copy-build-lenient.log"; echo failed
}
original_as_is=$(build original)
compiled_as_is=$(build instrumented)
last_build=$(ls -t "$work"/instrumented-build*.log | head -1)
grep -hoE "(error|warning) [A-Z]+[0-9]+: .*\[" "$work/instrumented-build.log" | sed 's/ \[$//' | sort | uniq -c | sort -rn > "$work/instrumented-diagnostics.txt"
grep -hoE "TK1001: .*cannot be instrumented: [^[]*" "$last_build" | sed 's/.*cannot be instrumented: //; s/'"'"'[^'"'"']*'"'"'/X/g' | sort | uniq -c | sort -rn > "$work/not-converted.txt"
compiled=$(find "$libdir/obj/Release" -path '*generated*' -name '*.g.cs' -exec grep -ho 'DebuggerStepThrough\]' {} + 2>/dev/null | wc -l)
log "compiled $compiled wrappers (as is: $compiled_as_is)"

# The library's tests: original, instrumented without and with listeners.
summary() { grep -hoE "(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+, Total: +[0-9]+" "$1" | awk -F'[:,]' '{f+=$2; p+=$4; t+=$8} END {printf "%d/%d passed, %d failed", p, t, f}'; }
dotnet test "$work/original/$tests" -c Release --no-build -nologo > "$work/test-original.log" 2>&1
dotnet test "$work/instrumented/$tests" -c Release --no-build -nologo > "$work/test-quiet.log" 2>&1
TOOLKIT_REPLAY_LISTEN=1 dotnet test "$work/instrumented/$tests" -c Release --no-build -nologo > "$work/test-listened.log" 2>&1
listened=$(cat "$(dirname "$work/instrumented/$tests")"/bin/Release/net10.0/toolkit-replay-listened.txt 2>/dev/null || echo "? ?")
tests_original=$(summary "$work/test-original.log"); tests_quiet=$(summary "$work/test-quiet.log"); tests_listened=$(summary "$work/test-listened.log")
failures() { grep -hE "^\s+Failed " "$1" | sed 's/ \[[^]]*\]$//' | sort; }
same_failures=yes
for run in quiet listened; do
  cmp -s <(failures "$work/test-original.log") <(failures "$work/test-$run.log") || same_failures=no
done
log "tests: original $tests_original; instrumented $tests_quiet; listened $tests_listened (spans, measurements: $listened; same failing tests: $same_failures)"

# Build cost: the library alone, rebuilt from scratch, no compiler server, so all the compiler's CPU is the build's.
# Original and instrumented builds alternate, so a change in the machine's load hits both alike; medians per copy.
cpu_once() {
  /usr/bin/time -f "%U %S %e" -o "$work/time.txt" dotnet build "$1" --no-restore --no-incremental -c Release -nologo -v q \
    -p:BuildProjectReferences=false -p:UseSharedCompilation=false -nodeReuse:false "${@:2}" > /dev/null 2>&1
  awk '{printf "%.2f %.2f\n", $1 + $2, $3}' "$work/time.txt"
}
median() { sort -n | awk '{cpu[NR]=$1; wall[NR]=$2} END {m=int((NR+1)/2); printf "%s %s", cpu[m], wall[m]}'; }
# Both copies with the same flags: lenient if either needed it.
lenient=(); { [ "$compiled_as_is" = yes ] && [ "$original_as_is" = yes ]; } || lenient=("${lenient_flags[@]}")
: > "$work/times-original.txt"; : > "$work/times-instrumented.txt"
for _ in $(seq "$runs"); do
  for copy in original instrumented; do
    cpu_once "$work/$copy/$lib" "${lenient[@]}" >> "$work/times-$copy.txt"
  done
done
read -r cpu_original wall_original < <(median < "$work/times-original.txt")
read -r cpu_instrumented wall_instrumented < <(median < "$work/times-instrumented.txt")
ratio=$(awk -v a="$cpu_instrumented" -v b="$cpu_original" 'BEGIN {printf "%.2f", a / b}')
log "build CPU: original ${cpu_original}s, instrumented ${cpu_instrumented}s, ratio ${ratio}x"

commit=$(git -C "$checkout" rev-parse HEAD 2>/dev/null || cat "$checkout/.replay-commit" 2>/dev/null || echo unknown)
{
  echo "# $name"
  echo
  echo "- checkout: $checkout (commit $commit), library $lib, tests $tests, retargeted to net10.0"
  echo "- annotated $annotated; converted $converted (left unconverted $remaining); compiled $compiled (builds as configured: original $original_as_is, instrumented $compiled_as_is)"
  echo "- tests: original $tests_original; instrumented, no listener $tests_quiet; instrumented, listened $tests_listened (spans and measurements recorded: $listened); the same tests fail in all three runs: $same_failures"
  echo "- build CPU (median of $runs${lenient:+, both with ${lenient[*]}}): original ${cpu_original}s (wall ${wall_original}s), instrumented ${cpu_instrumented}s (wall ${wall_instrumented}s): ${ratio}x"
  echo
  echo "Why methods were left unconverted (TK1001's advice, names elided):"; echo '```'; cat "$work/not-converted.txt"; echo '```'
  echo "Instrumented build diagnostics:"; echo '```'; head -40 "$work/instrumented-diagnostics.txt"; echo '```'
} > "$work/report.md"
[ -n "${REPLAY_RESULTS:-}" ] && echo "| $name | ${commit:0:12} | $annotated | $converted | $compiled ($original_as_is/$compiled_as_is) | $tests_original | $tests_quiet | $tests_listened | $same_failures | ${cpu_original}s | ${cpu_instrumented}s | ${ratio}x |" >> "$REPLAY_RESULTS"
cat "$work/report.md"
