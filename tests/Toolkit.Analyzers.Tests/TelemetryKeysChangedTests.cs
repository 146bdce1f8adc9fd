using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Toolkit.Analyzers.Rules;
using Xunit;
using static Toolkit.Analyzers.Tests.TelemetrySignalNotInBaselineTests;
using Verify = Toolkit.Analyzers.Tests.ContractVerifier<Toolkit.Analyzers.Rules.TelemetryKeysChangedAnalyzer>;

namespace Toolkit.Analyzers.Tests;

public sealed class TelemetryKeysChangedTests
{
    private static DiagnosticResult Changed(string line, string detail) =>
        new DiagnosticResult(TelemetryKeysChangedAnalyzer.Descriptor).WithLocation(0).WithArguments(Key(line), detail);

    [Fact]
    public Task A_metric_tag_added_to_a_shipped_metric_is_reported_and_the_fix_accepts_it()
    {
        string shipped = Calls.Replace(", shop.region", "");
        return Verify.VerifyAsync(
            Source,
            shipped: shipped + "\n" + Span + "\n",
            unshipped: "",
            fixedUnshipped: "*REMOVED*" + shipped + "\n" + Calls + "\n",
            [Changed(Calls, "tags added: shop.region")]);
    }

    [Fact]
    public Task A_removed_metric_tag_and_a_removed_span_attribute_are_reported()
    {
        string calls = Calls.Replace("error.type, shop.region", "error.type, shop.channel, shop.region");
        string span = Span.Replace("attributes: shop.region", "attributes: shop.channel, shop.region");
        return Verify.VerifyAsync(
            Source,
            shipped: calls + "\n" + span + "\n",
            unshipped: "",
            fixedUnshipped: "*REMOVED*" + calls + "\n" + "*REMOVED*" + span + "\n" + Calls + "\n" + Span + "\n",
            [Changed(Calls, "tags removed: shop.channel"), Changed(Span, "attributes removed: shop.channel")]);
    }

    [Fact]
    public Task A_span_attribute_added_is_not_breaking() =>
        Verify.VerifyAsync(Source, shipped: Calls + "\n" + Span.Replace("; attributes: shop.region", "") + "\n", unshipped: "", fixedUnshipped: null, []);
}
