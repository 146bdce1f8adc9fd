using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Toolkit.Analyzers.Tests;

/// <summary>
/// Every analyzer and every fix of the package together, as a project gets them: a project with the three classic
/// mistakes gets exactly three warnings, and the first fix offered for each clears it; a clean project gets none.
/// </summary>
public sealed class AcceptanceTests
{
    [Fact]
    public Task ThreeMistakes_ThreeWarnings_ThreeWorkingFixes() =>
        new AllRulesTest
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.Diagnostics.Metrics;
                using Microsoft.Extensions.Logging;
                using Toolkit;

                public class Checkout(ILogger<Checkout> logger)
                {
                    private static readonly Meter s_meter = new("Shop");
                    private static readonly Counter<long> s_orders = s_meter.CreateCounter<long>("shop.orders", "{order}");

                    [Traced]
                    public int {|TK1001:Pay|}(string customerEmail, Guid orderId)
                    {
                        logger.LogInformation("Paid by {Customer}", {|TK2001:customerEmail|});
                        s_orders.Add(1, {|TK3002:new KeyValuePair<string, object?>("order.id", orderId)|}, new KeyValuePair<string, object?>("shop.region", "eu"));
                        return 1;
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Collections.Generic;
                using System.Diagnostics.Metrics;
                using Microsoft.Extensions.Logging;
                using Toolkit;

                public partial class Checkout(ILogger<Checkout> logger)
                {
                    private static readonly Meter s_meter = new("Shop");
                    private static readonly Counter<long> s_orders = s_meter.CreateCounter<long>("shop.orders", "{order}");

                    [Traced]
                    public partial int Pay(string customerEmail, Guid orderId);

                    private int PayCore(string customerEmail, Guid orderId)
                    {
                        logger.LogInformation("Paid by {Customer}", TelemetryRedaction.Hash(customerEmail));
                        s_orders.Add(1, new KeyValuePair<string, object?>("shop.region", "eu"));
                        return 1;
                    }
                }
                """,
            NumberOfIncrementalIterations = 3,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
        }.RunAsync(CancellationToken.None);

    [Fact]
    public Task CleanProject_GetsNoDiagnostic() =>
        new AllRulesTest
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.Diagnostics.Metrics;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;
                using Toolkit;

                public enum Region { Europe, America }

                public sealed partial class Checkout(ILogger<Checkout> logger)
                {
                    private static readonly ActivitySource s_source = new("Shop");
                    private static readonly Meter s_meter = new("Shop");
                    private static readonly Counter<long> s_orders = s_meter.CreateCounter<long>("shop.orders", "{order}");

                    [Traced, Timed, Counted]
                    [BusinessEvent("order.paid")]
                    public partial Task<int> PayAsync(
                        [Tag("shop.region")] Region region,
                        [Tag("shop.order.id", SpanOnly = true)] Guid orderId,
                        [Hashed] string customerEmail,
                        [Redacted] string cardNumber,
                        CancellationToken cancellationToken);

                    private async Task<int> PayAsyncCore(Region region, Guid orderId, string customerEmail, string cardNumber, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        logger.LogInformation("Paid {OrderId} in {Region}", orderId, region);
                        s_orders.Add(1, new KeyValuePair<string, object?>("shop.region", region.ToString()));
                        using var activity = s_source.StartActivity("Checkout.Audit");
                        activity?.SetTag("shop.order.id", orderId);
                        activity?.SetTag("customer", TelemetryRedaction.Hash(customerEmail));
                        return 1;
                    }
                }
                """,
        }.RunAsync(CancellationToken.None);

    [Fact]
    public Task RulesThatLookAtNamedMethods_StillFire_InsideTheSharedAnalyzer() =>
        // Inside SharedRulesAnalyzer an invocation reaches such a rule only through the called method's name: each of
        // them, once, as the compiler runs them.
        new AllRulesTest
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.Diagnostics.Metrics;
                using Microsoft.Extensions.Logging;

                public sealed class Orders(ILogger<Orders> logger)
                {
                    private static readonly ActivitySource s_source = new("Shop");
                    private static readonly Meter s_meter = new("Shop");
                    private static readonly Counter<long> s_placed = s_meter.CreateCounter<long>({|TK4004:"Shop.OrdersPlaced"|});
                    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>("shop.orders.duration", {|TK4003:"s"|});

                    public void Place(Guid orderId, string customerEmail, string city)
                    {
                        logger.LogInformation({|TK2003:$"Order shipped to {city}"|});
                        using var activity = s_source.StartActivity({|TK4001:$"order {orderId}"|});
                        activity?.SetTag("customer", {|TK2004:customerEmail|});
                        s_placed.Add(1, {|TK3002:new KeyValuePair<string, object?>("order.id", orderId)|});
                        {|TK3004:s_duration.Record(1, new("a", 1), new("b", 2), new("c", 3), new("d", 4), new("e", 5), new("f", 6), new("g", 7), new("h", 8), new("i", 9))|};
                        {|TK4002:s_meter.CreateCounter<long>("shop.orders.retried")|}.Add(1);
                    }
                }
                """,
        }.RunAsync(CancellationToken.None);

    /// <summary>Runs every analyzer and offers every fix in the package, not one rule at a time.</summary>
    private sealed class AllRulesTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
    {
        public AllRulesTest()
        {
            ReferenceAssemblies = TestReferences.None;
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck;
            TestReferences.Apply(TestState, editorConfig: null);
        }

        protected override IEnumerable<Type> GetSourceGenerators() => TestReferences.Generators;

        // The analyzers the compiler loads: those with [DiagnosticAnalyzer]. Most rules run inside SharedRulesAnalyzer.
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            Instances<DiagnosticAnalyzer>(typeof(Rules.NotInstrumentableAnalyzer).Assembly)
                .Where(analyzer => analyzer.GetType().IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false));

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() =>
            Instances<CodeFixProvider>(typeof(CodeFixes.MakeInstrumentableCodeFix).Assembly);

        private static IEnumerable<T> Instances<T>(Assembly assembly) =>
            assembly.GetTypes()
                .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
                .Select(type => (T)Activator.CreateInstance(type)!);
    }
}
