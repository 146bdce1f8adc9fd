#!/usr/bin/env bash
# Measures what the Toolkit analyzers and generator cost a build: generates a synthetic project of N files (default
# 100, about 6,000 lines) that uses everything the rules look at (toolkit attributes, ILogger calls, spans, metrics),
# builds it with -p:ReportAnalyzer=true and prints the compiler's per-analyzer and per-generator times.
#   benchmarks/AnalyzerCost/run.sh [files]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
files=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "${KEEP:-}" ] && trap - EXIT && echo "Work folder: $work"

cat > "$work/Synthetic.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ReportAnalyzer>true</ReportAnalyzer>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="10.0.0" />
    <ProjectReference Include="$repo/src/Runtime/Toolkit.Runtime.csproj" />
    <ProjectReference Include="$repo/src/Generators/Toolkit.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/src/Analyzers/Toolkit.Analyzers/Toolkit.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML
echo '{ "sdk": { "rollForward": "latestMajor" } }' > "$work/global.json"
printf '<Project></Project>\n' > "$work/Directory.Build.props"
printf '<Project></Project>\n' > "$work/Directory.Packages.props"

for i in $(seq 1 "$files"); do
  cat > "$work/Service$i.cs" <<CS
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Toolkit;

namespace Synthetic;

public enum Region$i { Europe, America, Asia }

public sealed partial class Service$i(ILogger<Service$i> logger)
{
    private static readonly ActivitySource s_source = new("Synthetic.$i");
    private static readonly Meter s_meter = new("Synthetic.$i");
    private static readonly Counter<long> s_orders = s_meter.CreateCounter<long>("synthetic.orders", "{order}");
    private static readonly Histogram<double> s_latency = s_meter.CreateHistogram<double>("synthetic.latency", "s");

    [Traced, Timed, Counted]
    public partial Task<int> PlaceAsync([Tag("shop.region")] Region$i region, [Tag("order.id", SpanOnly = true)] Guid orderId, [Hashed] string customerEmail, CancellationToken cancellationToken);

    private async Task<int> PlaceAsyncCore(Region$i region, Guid orderId, string customerEmail, CancellationToken cancellationToken)
    {
        await Task.Yield();
        logger.LogInformation("Placed {OrderId} in {Region}", orderId, region);
        s_orders.Add(1, new KeyValuePair<string, object?>("shop.region", region.ToString()));
        return 1;
    }

    [BusinessEvent("order.shipped")]
    public partial void Shipped([Hashed] string customerId, string carrier);

    [Traced]
    public int Plain$i(int x) => x + 1;

    public void Audit(string email, string password, string userId, Activity? activity)
    {
        logger.LogInformation("Audit {Email} {Secret} {User}", email, password, userId);
        logger.LogWarning(\$"Audit of {userId}");
        activity?.SetTag("user.email", email);
        activity?.SetTag("enduser.id", userId);
        s_orders.Add(1, new KeyValuePair<string, object?>("user.id", userId));
        using var span = s_source.StartActivity("Audit." + userId);
        try
        {
            s_latency.Record(TimeSpan.FromMilliseconds(5).TotalSeconds);
        }
        catch (InvalidOperationException)
        {
        }
    }
CS
  for m in $(seq 1 12); do
    cat >> "$work/Service$i.cs" <<CS

    public int Compute$m(int value, string name, Activity? activity)
    {
        var total = 0;
        for (int i = 0; i < value; i++)
        {
            total += i * $m;
        }

        if (total > 100)
        {
            logger.LogDebug("Computed {Total} for {Name}", total, name);
            activity?.SetTag("compute.total", total);
        }

        return total;
    }
CS
  done
  echo "}" >> "$work/Service$i.cs"
done

lines=$(cat "$work"/*.cs | wc -l)
echo "Synthetic project: $files files, $lines lines"
dotnet build "$work/Synthetic.csproj" -c Release -v:n > /dev/null 2>&1 || true   # restore and warm the build server
touch "$work"/*.cs
start=$(date +%s.%N)
dotnet build "$work/Synthetic.csproj" -c Release --no-restore -v:d -clp:NoSummary > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
end=$(date +%s.%N)
echo "Build (compile only, warm build server): $(echo "$end - $start" | bc) s"
# The compiler prints "Total analyzer execution time" and "Total generator execution time" blocks: one line per
# assembly, then one per analyzer or generator type.
awk '/Total (analyzer|generator) execution time/ { print; block = 1; next }
     block && /^[ \t]*[<0-9.]+[ \t]+[<0-9]+[ \t]/ { if (/Toolkit|NetAnalyzers, Version/) print; next }
     block && /^[ \t]*(Time \(s\)|$)/ { next }
     { block = 0 }' "$work/build.log" | sed 's/^ *//' | awk '!seen[$0]++'
echo "Warnings by id:"
grep -oE "[A-Za-z0-9]+\.cs\([0-9]+,[0-9]+\): warning (TK|CA)[0-9]+" "$work/build.log" | sort -u | grep -oE "(TK|CA)[0-9]+$" | sort | uniq -c | sort -rn
