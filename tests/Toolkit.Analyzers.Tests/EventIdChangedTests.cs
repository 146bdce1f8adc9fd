using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Toolkit.Analyzers.Rules;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.ContractVerifier<Toolkit.Analyzers.Rules.EventIdChangedAnalyzer>;

namespace Toolkit.Analyzers.Tests;

public sealed class EventIdChangedTests
{
    private const string Source = """
        using Toolkit;

        namespace Shop;

        public partial class Orders
        {
            [BusinessEvent("order.placed", EventId = 42)]
            public partial void {|#0:Placed|}(string region, int items);
        }
        """;

    private const string Event = "event order.placed; scope: TestProject; id: 42; properties: items, region";

    private static DiagnosticResult Changed(string detail) =>
        new DiagnosticResult(EventIdChangedAnalyzer.Descriptor).WithLocation(0).WithArguments("event order.placed; scope: TestProject", detail);

    [Fact]
    public Task A_changed_event_id_is_reported_and_the_fix_accepts_it() =>
        Verify.VerifyAsync(
            Source,
            shipped: Event.Replace("id: 42", "id: 7") + "\n",
            unshipped: "",
            fixedUnshipped: "*REMOVED*" + Event.Replace("id: 42", "id: 7") + "\n" + Event + "\n",
            [Changed("event id 7 → 42")]);

    [Fact]
    public Task The_same_id_is_silent() =>
        Verify.VerifyAsync(Source, shipped: Event + "\n", unshipped: null, fixedUnshipped: null, []);

    [Fact]
    public Task A_new_event_is_not_an_id_change() =>
        Verify.VerifyAsync(Source, shipped: "", unshipped: "", fixedUnshipped: null, []);
}
