using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Toolkit.Analyzers.Rules;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.ContractVerifier<Toolkit.Analyzers.Rules.TelemetryKindOrUnitChangedAnalyzer>;

namespace Toolkit.Analyzers.Tests;

public sealed class TelemetryKindOrUnitChangedTests
{
    private const string Source = """
        using System.Diagnostics;
        using Toolkit;

        namespace Shop;

        public partial class Orders
        {
            [Traced(Kind = ActivityKind.Client)]
            [Timed("orders.place.duration")]
            public partial void {|#0:Place|}();

            private void PlaceCore() { }
        }
        """;

    private const string Span = "span Orders.Place; scope: TestProject; function: Shop.Orders.Place; kind: Client";
    private const string Duration = "metric orders.place.duration; scope: TestProject; function: Shop.Orders.Place; kind: histogram; unit: s; tags: code.function.name, error.type";

    private static DiagnosticResult Changed(string line, string detail) =>
        new DiagnosticResult(TelemetryKindOrUnitChangedAnalyzer.Descriptor).WithLocation(0).WithArguments(TelemetrySignalNotInBaselineTests.Key(line), detail);

    [Fact]
    public Task A_changed_unit_and_span_kind_are_reported_and_the_fix_accepts_them() =>
        Verify.VerifyAsync(
            Source,
            shipped: Duration.Replace("unit: s", "unit: ms") + "\n" + Span.Replace("Client", "Internal") + "\n",
            unshipped: "",
            fixedUnshipped: "*REMOVED*" + Duration.Replace("unit: s", "unit: ms") + "\n"
                + "*REMOVED*" + Span.Replace("Client", "Internal") + "\n"
                + Duration + "\n"
                + Span + "\n",
            [Changed(Duration, "unit ms → s"), Changed(Span, "kind Internal → Client")]);

    [Fact]
    public Task A_changed_instrument_kind_is_reported() =>
        Verify.VerifyAsync(
            Source,
            shipped: Duration.Replace("kind: histogram", "kind: counter") + "\n" + Span + "\n",
            unshipped: "",
            fixedUnshipped: "*REMOVED*" + Duration.Replace("kind: histogram", "kind: counter") + "\n" + Duration + "\n",
            [Changed(Duration, "kind counter → histogram")]);

    [Fact]
    public Task Unchanged_or_unshipped_signals_are_not_reported() =>
        Verify.VerifyAsync(Source, shipped: Span + "\n", unshipped: Duration.Replace("unit: s", "unit: ms") + "\n", fixedUnshipped: null, []);
}
