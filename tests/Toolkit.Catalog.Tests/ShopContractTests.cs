using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Toolkit.Catalog.Diff;
using Toolkit.Catalog.Manifest;
using Toolkit.Contract;
using Toolkit.Tests.Files;
using Toolkit.Tests.Processes;
using Xunit;

namespace Toolkit.Catalog.Tests;

/// <summary>
/// The Shop ships its telemetry baseline; a copy of the Shop with <c>OrderService.PlaceOrderAsync</c> renamed builds
/// with TK5001 on the baseline's lines, and <c>toolkit-telemetry diff</c> of the two builds names the dashboard panels
/// and alert rules the rename breaks.
/// </summary>
public sealed class ShopContractTests
{
    private const string OldFunction = "Shop.Orders.OrderService.PlaceOrderAsync";
    private const string NewFunction = "Shop.Orders.OrderService.SubmitOrderAsync";

    private static string Metadata(string key) => typeof(ShopContractTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string ShopSource => Path.Combine(Metadata("RepositoryRoot"), "samples", "Shop");

    private static string ShopAssembly => Path.Combine(Metadata("ShopOutput"), "Shop.dll");

    [Fact]
    public void The_shipped_baseline_is_exactly_what_the_Shop_emits()
    {
        var (assemblyName, parts) = ManifestReader.ReadParts(ShopAssembly);
        var baseline = TelemetryBaseline.Parse(File.ReadAllText(Path.Combine(ShopSource, TelemetryBaseline.ShippedFileName)), File.ReadAllText(Path.Combine(ShopSource, TelemetryBaseline.UnshippedFileName)));

        Assert.Empty(baseline.Compare(ManifestSignals.From(assemblyName, parts)));
        Assert.Contains(baseline.Shipped, l => l.Signal.Key == $"metric method.calls; scope: Shop; function: {OldFunction}");
    }

    [Fact]
    public async Task Renaming_a_method_warns_on_its_shipped_lines_and_the_diff_names_the_broken_panels_and_alerts()
    {
        using var copy = new TempDirectory("toolkit-shop-rename");
        string project = CopyShop(copy.FullName);
        foreach (string file in Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("PlaceOrderAsync", "SubmitOrderAsync", StringComparison.Ordinal));
        }

        // The dependencies are this repository's, already built; warnings stay warnings so the build leaves an assembly.
        var build = await Command.RunAsync(
            "dotnet",
            ["build", "--no-dependencies", "-c", Metadata("Configuration"), "-p:TreatWarningsAsErrors=false", "-p:ToolkitTelemetryArtifacts=false"],
            project,
            TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, build.ToString());

        string[] shipped = File.ReadAllLines(Path.Combine(project, TelemetryBaseline.ShippedFileName));
        var warned = Regex.Matches(build.Output, @"Telemetry\.Shipped\.txt\((\d+),1\): warning TK5001: Shipped telemetry signal '([^']*)'")
            .Select(m => (Line: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Key: m.Groups[2].Value))
            .Distinct()
            .OrderBy(w => w.Line)
            .ToArray();
        var expected = shipped.Select((text, i) => (Line: i + 1, Signal: TelemetrySignal.Parse(text)))
            .Where(l => l.Signal?.Function == OldFunction)
            .Select(l => (l.Line, l.Signal!.Key))
            .ToArray();
        Assert.Equal(4, expected.Length); // span, method.duration, method.calls, method.active
        Assert.Equal(expected, warned);

        string renamed = Path.Combine(project, "bin", Metadata("Configuration"), "net10.0", "Shop.dll");
        string report = Path.Combine(copy.FullName, "diff.md");
        int exitCode = Contract.Diff([ShopAssembly, renamed, "--out", report], "usage");
        string markdown = File.ReadAllText(report);

        Assert.Equal(Contract.Breaking, exitCode);
        Assert.Contains("4 breaking changes, 4 other changes.", markdown, StringComparison.Ordinal);
        Assert.Contains(
            $"| removed or renamed | `metric method.calls; scope: Shop; function: {OldFunction}` | probably renamed: now `metric method.calls; scope: Shop; function: {NewFunction}` | "
            + "panel Calls / Call rate<br>panel Calls / Error ratio<br>alert OrderServicePlaceOrderAsyncErrorBudgetBurn<br>alert OrderServicePlaceOrderAsyncErrorBudgetBurnSlow |",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("alert OrderServicePlaceOrderAsyncLatencyP95BudgetBurn", markdown, StringComparison.Ordinal);
        Assert.Contains($"| added | `span OrderService.SubmitOrderAsync; scope: Shop; function: {NewFunction}; kind: Internal; attributes: shop.region` |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("PaymentGateway", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_compared_with_its_own_baseline_has_no_changes_and_exits_zero()
    {
        using var temp = new TempDirectory("toolkit-shop-diff");
        string report = temp.PathOf("diff.md");

        int exitCode = Contract.Diff([Path.Combine(ShopSource, TelemetryBaseline.ShippedFileName), ShopAssembly, "--out", report], "usage");

        Assert.Equal(0, exitCode);
        string markdown = File.ReadAllText(report);
        Assert.Contains("0 breaking changes, 0 other changes.", markdown, StringComparison.Ordinal);
        Assert.Contains("a baseline file does not hold", markdown, StringComparison.Ordinal);
    }

    /// <summary>The Shop's project and sources under <paramref name="root"/>, with the repository's build files and projects.</summary>
    private static string CopyShop(string root)
    {
        string repository = Metadata("RepositoryRoot");
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(repository, file), Path.Combine(root, file));
        }

        string project = Path.Combine(root, "samples", "Shop");
        foreach (string file in Directory.EnumerateFiles(ShopSource, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(ShopSource, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            string target = Path.Combine(project, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        string csproj = Path.Combine(project, "Shop.csproj");
        string src = Path.Combine(repository, "src") + Path.DirectorySeparatorChar;
        File.WriteAllText(csproj, File.ReadAllText(csproj)
            .Replace("$(MSBuildThisFileDirectory)../../src/", src, StringComparison.Ordinal)
            .Replace("../../src/", src, StringComparison.Ordinal));
        return project;
    }
}
