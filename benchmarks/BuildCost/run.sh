#!/usr/bin/env bash
# What instrumenting every public method costs a build. Generates two copies of a library of N public methods
# (default 1000, ten to a file, a realistic mix of sync, void, Task<T> and ValueTask<T> shapes with ten-line bodies):
# "plain" as written, and "instrumented" with each method a [Traced, Timed] partial declaration and its body in a
# private Core, the shape Make instrumentable produces. Both reference the Toolkit runtime, generator and analyzers,
# so only the instrumentation differs. Each is built RUNS times (default 3) with
#   dotnet build --no-restore --no-incremental -c Release
# and the median user+sys CPU seconds of the compiler server and MSBuild are compared; then one more build of the
# instrumented copy with -p:ReportAnalyzer=true splits the time between our generator, the analyzers and the compiler.
#   benchmarks/BuildCost/run.sh [methods] [runs]
# AOT=false builds without IsAotCompatible (whose trimming analyzer is most of the cost); KEEP=1 keeps the work folder. Timings are only comparable on a quiet machine; the ratio is steadier than the seconds.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
methods=${1:-1000}
runs=${2:-3}
work=$(mktemp -d)
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
[ -n "${KEEP:-}" ] && trap 'dotnet build-server shutdown >/dev/null 2>&1 || true' EXIT && echo "Work folder: $work"

# The toolkit as a package consumer gets it: built once, referenced as assemblies, so --no-incremental rebuilds only
# the library itself.
dotnet build "$repo/src/Runtime/Toolkit.Runtime.csproj" -c Release -nologo -v q >/dev/null
dotnet build "$repo/src/Generators/Toolkit.Generators.csproj" -c Release -nologo -v q >/dev/null
dotnet build "$repo/src/Analyzers/Toolkit.Analyzers/Toolkit.Analyzers.csproj" -c Release -nologo -v q >/dev/null
runtime=$(find "$repo/src/Runtime/bin/Release" -name Toolkit.Runtime.dll | sort | tail -1)
generator=$(find "$repo/src/Generators/bin/Release" -name Toolkit.Generators.dll | head -1)
analyzers=$(find "$repo/src/Analyzers/Toolkit.Analyzers/bin/Release" -name Toolkit.Analyzers.dll | head -1)

project() { # $1 = folder
  mkdir -p "$1"
  cat > "$1/Library.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <IsAotCompatible>${AOT:-true}</IsAotCompatible>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <!-- The compiler runs as a child process of the build, so its CPU time is counted. -->
    <UseSharedCompilation>false</UseSharedCompilation>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="10.0.0" />
    <Reference Include="$runtime" />
    <Analyzer Include="$generator" />
    <Analyzer Include="$analyzers" />
  </ItemGroup>
</Project>
XML
  echo '{ "sdk": { "rollForward": "latestMajor" } }' > "$1/global.json"
  printf '<Project></Project>\n' > "$1/Directory.Build.props"
  printf '<Project></Project>\n' > "$1/Directory.Packages.props"
}

# One method: $1 = instrumented (0/1), $2 = method number.
method() {
  local n=$2 shape=$(( $2 % 10 )) sig body core attrs="    [Traced, Timed]"
  case $shape in
    0|1|2|3) sig="int Count$n(string text, int limit)"; core="Count${n}Core(string text, int limit)"
       body="{
        int count = 0;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) && count < limit)
            {
                count += c % 3 == 0 ? 2 : 1;
            }
        }

        return count + _offset;
    }";;
    4|5) sig="void Record$n(string key, double value)"; core="Record${n}Core(string key, double value)"
       body="{
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value));
        }

        _totals[key] = _totals.TryGetValue(key, out double total) ? total + value : value;
    }";;
    6|7|8) sig="Task<string> Load${n}Async(int id, CancellationToken cancellationToken)"; core="Load${n}AsyncCore(int id, CancellationToken cancellationToken)"
       body="{
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        var parts = new List<string>();
        for (int i = 0; i < id % 5; i++)
        {
            parts.Add(i.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(\",\", parts);
    }";;
    9) sig="ValueTask<int> Sum${n}Async(IReadOnlyList<int> values)"; core="Sum${n}AsyncCore(IReadOnlyList<int> values)"
       body="{
        int sum = 0;
        foreach (int value in values)
        {
            sum += value;
        }

        return new ValueTask<int>(sum);
    }";;
  esac
  local async="" ; [ "$shape" -ge 6 ] && [ "$shape" -le 8 ] && async="async "
  if [ "$1" = 0 ]; then
    printf '    public %s%s\n    %s\n\n' "$async" "$sig" "$body"
  else
    printf '%s\n    public partial %s;\n\n    private %s%s %s\n    %s\n\n' "$attrs" "$sig" "$async" "${sig%% *}" "$core" "$body"
  fi
}

generate() { # $1 = folder, $2 = instrumented
  project "$1"
  local files=$(( (methods + 9) / 10 ))
  for f in $(seq 0 $(( files - 1 ))); do
    {
      printf 'using System;\nusing System.Collections.Generic;\nusing System.Globalization;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Toolkit;\n\nnamespace Library;\n\n'
      printf 'public sealed partial class Service%d\n{\n    private readonly Dictionary<string, double> _totals = new();\n    private readonly int _offset = %d;\n\n' "$f" "$f"
      for i in $(seq 0 9); do
        local n=$(( f * 10 + i ))
        [ "$n" -lt "$methods" ] && method "$2" "$n"
      done
      printf '    public double Total(string key) => _totals.TryGetValue(key, out double total) ? total : 0;\n}\n'
    } > "$1/Service$f.cs"
  done
}

cpu() { # $1 = folder, rest = extra arguments; prints user+sys seconds of the build and every process it waited for
  ( cd "$1" && /usr/bin/time -f "%U %S" -o "$1/time.txt" \
      dotnet build --no-restore --no-incremental -c Release -nologo -v q -m:1 -nodeReuse:false "${@:2}" >"$1/build.log" 2>&1 ) \
    || { cat "$1/build.log"; exit 1; }
  awk '{printf "%.2f\n", $1 + $2}' "$1/time.txt"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

generate "$work/plain" 0
generate "$work/instrumented" 1
for variant in plain instrumented; do
  (cd "$work/$variant" && dotnet restore -v q -nologo >/dev/null)
  cpu "$work/$variant" >/dev/null # warm-up: the SDK's own caches, the generator project's build
done

declare -A result
for variant in plain instrumented; do
  samples=()
  for _ in $(seq 1 "$runs"); do
    samples+=("$(cpu "$work/$variant")")
  done
  result[$variant]=$(printf '%s\n' "${samples[@]}" | median)
  echo "$variant: ${samples[*]} s CPU (median ${result[$variant]})"
done
echo "ratio instrumented/plain: $(echo "scale=3; ${result[instrumented]} / ${result[plain]}" | bc)"

# Where the instrumented build's time goes (one more build, not part of the medians).
(cd "$work/instrumented" && dotnet build --no-restore --no-incremental -c Release -nologo -v d -m:1 -nodeReuse:false \
  -p:ReportAnalyzer=true -p:EmitCompilerGeneratedFiles=true > report.log 2>&1) || { cat "$work/instrumented/report.log"; exit 1; }
grep -E "Total (analyzer|generator) execution time|^ +[0-9.<]+ +[0-9<]+ +(Toolkit|Microsoft|ILLink|System)[A-Za-z.]*," "$work/instrumented/report.log" | sed -E 's/^ *//; s/, Version=.*//' | head -24
echo "generated lines: $(find "$work/instrumented/obj" -name '*.g.cs' -path '*generated*' -exec cat {} + | wc -l)"
