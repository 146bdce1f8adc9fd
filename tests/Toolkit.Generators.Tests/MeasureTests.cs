using System.Linq;
using Xunit;

namespace Toolkit.Generators.Tests;

/// <summary><c>[Measure]</c>: the generated recording, and the values that cannot be measured.</summary>
public sealed class MeasureTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Toolkit;

        """;

    [Fact]
    public void Parameters_and_return_values_sync_and_async()
    {
        var result = GeneratorRunner.Run(Usings + """
            namespace Shop;

            public enum Region { Eu, Us }

            public sealed partial class Orders
            {
                [Timed]
                public partial void Place(
                    [Tag("shop.region")] Region region,
                    [Measure("shop.order.amount", Unit = "{USD}", Buckets = [10, 100, 1000])] decimal amount,
                    [Measure("shop.order.items", Unit = "{item}")] int? items);

                private void PlaceCore(Region region, decimal amount, int? items) { }

                [Traced]
                [return: Measure("shop.revenue", Unit = "{USD}", Description = "Revenue charged.", Sum = true)]
                public partial Task<decimal> ChargeAsync([Tag("shop.region")] Region region, long cents);

                private async Task<decimal> ChargeAsyncCore(Region region, long cents)
                {
                    await Task.Yield();
                    return cents / 100m;
                }
            }
            """).AssertClean();

        Snapshot.Verify("Measures", result.Sources["Shop.Orders.Toolkit.g.cs"]);
        Snapshot.Verify("Measures.Telemetry", result.Sources["Toolkit.Telemetry.g.cs"]);
    }

    [Fact]
    public void One_name_measured_by_two_methods_is_one_instrument()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Orders
            {
                [Counted] public partial void A([Measure("shop.amount", Unit = "{USD}")] decimal amount);
                private void ACore(decimal amount) { }

                [Counted] public partial void B([Measure("shop.amount")] double amount);
                private void BCore(double amount) { }
            }
            """).AssertClean();

        Assert.Single(result.Sources["Toolkit.Telemetry.g.cs"].Split('\n'), line => line.Contains("ValueHistogram_shop_amount ="));
    }

    [Fact]
    public void One_value_feeds_a_histogram_and_a_sum()
    {
        var result = GeneratorRunner.Run(Usings + """
            public partial class Payments
            {
                [Counted]
                public partial void Charge([Measure("shop.order.amount"), Measure("shop.revenue", Sum = true)] decimal amount);
                private void ChargeCore(decimal amount) { }
            }
            """).AssertClean();

        string source = result.Sources["Payments.Toolkit.g.cs"];
        Assert.Contains("static void __Measure(decimal amount)", source);
        Assert.Contains("ValueHistogram_shop_order_amount.Record((double)amount, in __tags);", source);
        Assert.Contains("ValueSum_shop_revenue.Add((double)amount, in __tags);", source);
    }

    [Theory]
    [InlineData("[Counted] public partial void M([Measure(\"x.value\")] string value);", "private void MCore(string value) { }", "the parameter 'value'", "its type 'string' is not a number")]
    [InlineData("[Counted] public partial void M([Measure(\"x.value\")] out int value);", "private void MCore(out int value) => value = 1;", "the parameter 'value'", "an out parameter has no value")]
    [InlineData("[Counted] [return: Measure(\"x.value\")] public partial Task M();", "private Task MCore() => Task.CompletedTask;", "the return value", "the method returns no single value")]
    [InlineData("[Traced] [return: Measure(\"x.value\")] public partial IAsyncEnumerable<int> M();", "private async IAsyncEnumerable<int> MCore() { await Task.Yield(); yield return 1; }", "the return value", "an IAsyncEnumerable has no single moment of success")]
    [InlineData("[BusinessEvent(\"x.happened\")] public partial void M([Measure(\"x.value\")] int value);", "", "the parameter 'value'", "a bodiless event method has no call to measure")]
    [InlineData("[Counted] public partial void M([Redacted, Measure(\"x.value\")] decimal value);", "private void MCore(decimal value) { }", "the parameter 'value'", "the value is [Redacted] or classified")]
    [InlineData("[Counted] [return: Hashed, Measure(\"x.value\")] public partial long M();", "private long MCore() => 1;", "the return value", "the value is [Hashed]")]
    [InlineData("public void M([Measure(\"x.value\")] int value) { }", "", "the parameter 'value'", "the method has none of [Traced]")]
    [InlineData("[return: Measure(\"x.value\")] public int M() => 1;", "", "the return value", "the method has none of [Traced]")]
    public void Value_that_cannot_be_measured_is_TK1202(string declaration, string core, string target, string reason)
    {
        var result = GeneratorRunner.Run(Usings + $$"""
            public partial class Orders
            {
                {{declaration}}
                {{core}}
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id.StartsWith("TK1"));
        Assert.Equal("TK1202", diagnostic.Id);
        Assert.StartsWith($"[Measure] on {target} of 'M' cannot be recorded: {reason}", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[Measure(\"Bad name\")]", "TK1007")]
    [InlineData("[Measure(\"x.value\", Buckets = [5, 1])]", "TK1008")]
    public void Invalid_name_and_buckets_are_reported(string attribute, string id)
    {
        var result = GeneratorRunner.Run(Usings + $$"""
            public partial class Orders
            {
                [Counted] public partial void M({{attribute}} int value);
                private void MCore(int value) { }
            }
            """);

        Assert.Equal(id, Assert.Single(result.GeneratorDiagnostics).Id);
    }
}
