using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Toolkit.Analyzers.Rules;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.ContractVerifier<Toolkit.Analyzers.Rules.TelemetrySignalNotInBaselineAnalyzer>;

namespace Toolkit.Analyzers.Tests;

public sealed class TelemetrySignalNotInBaselineTests
{
    internal const string Span = "span Orders.Place; scope: TestProject; function: Shop.Orders.Place; kind: Internal; attributes: shop.region";
    internal const string Calls = "metric method.calls; scope: TestProject; function: Shop.Orders.Place; kind: counter; unit: {call}; tags: code.function.name, error.type, shop.region";

    internal const string Source = """
        using Toolkit;

        namespace Shop;

        public enum Region { Eu, Us }

        public partial class Orders
        {
            [Traced]
            [Counted]
            public partial int {|#0:Place|}([Tag("shop.region")] Region region);

            private int PlaceCore(Region region) => 1;

            public int Untraced() => 2;
        }
        """;

    private static DiagnosticResult Diagnostic(string line, string detail = "not in the telemetry baseline") =>
        new DiagnosticResult(TelemetrySignalNotInBaselineAnalyzer.Descriptor).WithLocation(0).WithArguments(Key(line), detail);

    internal static string Key(string line) => line.Substring(0, line.IndexOf("; kind:", System.StringComparison.Ordinal));

    [Fact]
    public Task Signals_in_neither_file_are_added_to_the_unshipped_file_sorted_with_fix_all() =>
        Verify.VerifyAsync(
            Source,
            shipped: "# Telemetry of released versions\n",
            unshipped: "",
            fixedUnshipped: Calls + "\n" + Span + "\n",
            [Diagnostic(Calls), Diagnostic(Span)]);

    [Fact]
    public Task The_unshipped_file_is_created_next_to_the_shipped_one_and_keeps_its_header() =>
        Verify.VerifyAsync(
            Source,
            shipped: "",
            unshipped: null,
            fixedUnshipped: Calls + "\n" + Span + "\n",
            [Diagnostic(Calls), Diagnostic(Span)]);

    [Fact]
    public Task A_plain_overload_declared_first_does_not_take_the_diagnostic() =>
        Verify.VerifyAsync(
            Source.Replace("public partial class Orders\n{\n", "public partial class Orders\n{\n    public int Place(int quantity) => quantity;\n\n"),
            shipped: "",
            unshipped: Calls + "\n",
            fixedUnshipped: Calls + "\n" + Span + "\n",
            [Diagnostic(Span)]);

    [Fact]
    public Task Gauges_and_measures_are_signals_too_reported_on_their_member() =>
        Verify.VerifyAsync(
            """
            using Toolkit;

            namespace Shop;

            public static partial class Stock
            {
                [Gauge("shop.stock", Unit = "{item}")]
                public static long {|#0:Level|} => 3;
            }

            public partial class Till
            {
                [Traced]
                [return: Measure("shop.order.amount", Unit = "{USD}")]
                public partial decimal {|#1:Charge|}(int quantity);

                private decimal ChargeCore(int quantity) => quantity * 2m;
            }
            """,
            shipped: "",
            unshipped: GaugeLine + "\n",
            fixedUnshipped: AmountLine + "\n" + GaugeLine + "\n" + ChargeSpan + "\n",
            [
                new DiagnosticResult(TelemetrySignalNotInBaselineAnalyzer.Descriptor).WithLocation(1).WithArguments(Key(AmountLine), "not in the telemetry baseline"),
                new DiagnosticResult(TelemetrySignalNotInBaselineAnalyzer.Descriptor).WithLocation(1).WithArguments(Key(ChargeSpan), "not in the telemetry baseline"),
            ]);

    [Fact]
    public Task A_gauge_whose_unit_changed_is_reported_on_its_property() =>
        Verify.VerifyAsync(
            """
            using Toolkit;

            namespace Shop;

            public static partial class Stock
            {
                [Gauge("shop.stock", Unit = "{item}")]
                public static long {|#1:Level|} => 3;
            }
            """,
            shipped: "",
            unshipped: GaugeLine.Replace("{item}", "{unit}") + "\n",
            fixedUnshipped: GaugeLine + "\n",
            [new DiagnosticResult(TelemetrySignalNotInBaselineAnalyzer.Descriptor).WithLocation(1).WithArguments(Key(GaugeLine), "differs from its unshipped baseline line")]);

    private const string GaugeLine = "metric shop.stock; scope: TestProject; kind: observablegauge; unit: {item}";
    private const string AmountLine = "metric shop.order.amount; scope: TestProject; function: Shop.Till.Charge; kind: histogram; unit: {USD}; tags: code.function.name";
    private const string ChargeSpan = "span Till.Charge; scope: TestProject; function: Shop.Till.Charge; kind: Internal";

    [Fact]
    public Task Declared_signals_are_silent() =>
        Verify.VerifyAsync(Source, shipped: Span + "\n", unshipped: Calls + "\n", fixedUnshipped: null, []);

    [Fact]
    public Task A_project_without_baseline_files_is_silent() =>
        Verify.VerifyAsync(Source, shipped: null, unshipped: null, fixedUnshipped: null, []);

    [Fact]
    public Task A_change_to_an_unshipped_signal_is_not_breaking_and_the_fix_replaces_its_line() =>
        Verify.VerifyAsync(
            Source,
            shipped: Span + "\n",
            unshipped: "# Next release\n" + Calls.Replace(", shop.region", "") + "\n",
            fixedUnshipped: "# Next release\n" + Calls + "\n",
            [Diagnostic(Calls, "differs from its unshipped baseline line")]);

    [Fact]
    public Task A_span_attribute_added_to_a_shipped_span_is_info_and_the_fix_accepts_it() =>
        Verify.VerifyAsync(
            Source,
            shipped: Span.Replace("; attributes: shop.region", "") + "\n" + Calls + "\n",
            unshipped: "",
            fixedUnshipped: "*REMOVED*" + Span.Replace("; attributes: shop.region", "") + "\n" + Span + "\n",
            [Diagnostic(Span, "attributes added: shop.region")]);
}
