using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Toolkit.Analyzers.Rules;
using Xunit;
using static Toolkit.Analyzers.Tests.TelemetrySignalNotInBaselineTests;
using Verify = Toolkit.Analyzers.Tests.ContractVerifier<Toolkit.Analyzers.Rules.TelemetrySignalRemovedAnalyzer>;

namespace Toolkit.Analyzers.Tests;

public sealed class TelemetrySignalRemovedTests
{
    private const string Renamed = "span Orders.Submit; scope: TestProject; function: Shop.Orders.Submit; kind: Internal; attributes: shop.region";

    private static DiagnosticResult Removed(string line, int lineNumber) =>
        new DiagnosticResult(TelemetrySignalRemovedAnalyzer.Rule)
            .WithLocation("Telemetry.Shipped.txt", lineNumber, 1)
            .WithArguments(Key(line), "is no longer emitted");

    [Fact]
    public Task A_shipped_signal_of_a_renamed_method_is_reported_on_its_baseline_line() =>
        Verify.VerifyAsync(
            Source,
            shipped: "# Shipped\n" + Calls + "\n" + Span + "\n" + Renamed + "\n",
            unshipped: "",
            fixedUnshipped: null,
            [Removed(Renamed, 4)]);

    [Fact]
    public Task A_removal_accepted_in_the_unshipped_file_is_silent() =>
        Verify.VerifyAsync(Source, shipped: Calls + "\n" + Span + "\n" + Renamed + "\n", unshipped: "*REMOVED*" + Renamed + "\n", fixedUnshipped: null, []);

    [Fact]
    public Task Signals_only_in_the_unshipped_file_may_disappear() =>
        Verify.VerifyAsync(Source, shipped: Calls + "\n" + Span + "\n", unshipped: Renamed + "\n", fixedUnshipped: null, []);

    [Fact]
    public Task A_project_without_baseline_files_is_silent() =>
        Verify.VerifyAsync("public class Empty { }", shipped: null, unshipped: null, fixedUnshipped: null, []);

    [Fact]
    public Task A_renamed_telemetry_source_removes_every_shipped_signal() =>
        Verify.VerifyAsync(
            Source.Replace("namespace Shop;", "[assembly: TelemetrySource(\"Shop.Renamed\")]\n\nnamespace Shop;"),
            shipped: Calls + "\n" + Span + "\n",
            unshipped: Calls.Replace("TestProject", "Shop.Renamed") + "\n" + Span.Replace("TestProject", "Shop.Renamed") + "\n",
            fixedUnshipped: null,
            [Removed(Calls, 1), Removed(Span, 2)]);
}
