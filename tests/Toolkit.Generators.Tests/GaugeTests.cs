using System.Linq;
using Microsoft.CodeAnalysis;
using Toolkit.Tests.Roslyn;
using Xunit;

namespace Toolkit.Generators.Tests;

/// <summary><c>[Gauge]</c>: the generated instruments, the shapes that cannot be gauges, and the pipeline's caching.</summary>
public sealed class GaugeTests
{
    private const string Inventory = """
        using Toolkit;

        [assembly: TelemetrySource("Shop", Version = "1.0.0")]

        namespace Shop;

        public static class Orders
        {
            [Gauge("shop.orders.open", Unit = "{order}", Description = "Orders placed and not yet shipped.", AlertAbove = 500)]
            public static int Open => 3;

            [Gauge("shop.revenue.total", Unit = "{USD}", Kind = GaugeKind.Counter)]
            internal static decimal Revenue() => 12.5m;

            [Gauge("shop.basket.average")]
            public static double? AverageBasket { get; set; }
        }

        public sealed class Queue
        {
            [Tag("queue.name")]
            public string Name { get; } = "orders";

            [Tag]
            public bool Durable { get; }

            [Gauge("queue.depth", Unit = "{message}", Kind = GaugeKind.UpDownCounter, AlertBelow = 0.5)]
            public long Depth { get; set; }
        }
        """;

    [Fact]
    public void Static_and_instance_gauges()
    {
        var result = GeneratorRunner.Run(Inventory).AssertClean();

        Snapshot.Verify("Gauges", result.Sources["Toolkit.Gauges.g.cs"]);
        Assert.Contains("public static readonly global::System.Diagnostics.Metrics.Meter Meter", result.Sources["Toolkit.Telemetry.g.cs"]);
    }

    [Theory]
    [InlineData("public static string Name => \"\";", "its type 'string' is not a number")]
    [InlineData("private static int Hidden => 1;", "must be internal or public")]
    [InlineData("public static int Count(int shard) => shard;", "a gauge method takes no parameters")]
    [InlineData("public static T Read<T>() => default!;", "a gauge method cannot be generic")]
    [InlineData("public static void Nothing() { }", "the method returns nothing")]
    [InlineData("public static int Write { set { } }", "the property has no getter")]
    [InlineData("public static int Guarded { private get => 1; set { } }", "its getter must be internal or public")]
    public void Member_that_cannot_be_a_gauge_is_TK1201(string member, string reason)
    {
        var result = GeneratorRunner.Run($$"""
            using Toolkit;

            namespace Shop;

            public static class Stock
            {
                [Gauge("shop.stock")]
                {{member}}
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("TK1201", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(reason, diagnostic.GetMessage());
        Assert.False(result.Sources.ContainsKey("Toolkit.Gauges.g.cs"));
    }

    [Fact]
    public void Gauges_of_generic_types_private_types_and_structs_are_TK1201()
    {
        var result = GeneratorRunner.Run("""
            using Toolkit;

            namespace Shop;

            public class Cache<T>
            {
                [Gauge("cache.size")] public static int Size => 0;
            }

            public class Outer
            {
                private class Hidden
                {
                    [Gauge("hidden.size")] public static int Size => 0;
                }
            }

            public struct Counter
            {
                [Gauge("counter.value")] public int Value => 0;
            }
            """);

        Assert.Equal(
            ["its type 'Cache' is generic", "its type 'Hidden' must be internal or public", "a struct's instances cannot be tracked"],
            result.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => Reason(d.GetMessage())));
        Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("TK1201", d.Id));
    }

    [Fact]
    public void Invalid_gauge_name_is_TK1007()
    {
        var result = GeneratorRunner.Run("""
            using Toolkit;

            public static class Stock
            {
                [Gauge("1 stock")] public static int Count => 0;
            }
            """);

        Assert.Equal("TK1007", Assert.Single(result.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void Gauges_are_in_the_manifest()
    {
        var result = GeneratorRunner.Run(Inventory).AssertClean();

        string manifest = Assert.Single(result.Compilation.Assembly.GetAttributes(), a =>
            a.AttributeClass?.Name == "TelemetryManifestAttribute" && ((string)a.ConstructorArguments[0].Value!).Contains("\"gauges\"")).ConstructorArguments[0].Value as string ?? "";
        Snapshot.Verify("Gauges_manifest", manifest, "json");
    }

    [Fact]
    public void Editing_an_unrelated_method_body_re_emits_no_gauge()
    {
        const string other = """
            namespace Shop;

            public class Other
            {
                public int Compute() => 1;
            }
            """;
        var compilation = GeneratorRunner.Compile(other, Inventory);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        driver = driver.RunGenerators(GeneratorHarness.Edit(compilation, "public int Compute() => 1;", "public int Compute() => 2;"));

        var result = driver.GetRunResult().Results.Single();
        AssertReasons(result, TrackingNames.Gauge, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.Gauges, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_a_gauge_body_re_parses_it_and_re_emits_nothing()
    {
        var compilation = GeneratorRunner.Compile(Inventory);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        driver = driver.RunGenerators(GeneratorHarness.Edit(compilation, "=> 12.5m;", "=> 13m;"));

        var result = driver.GetRunResult().Results.Single();
        AssertReasons(result, TrackingNames.Gauge, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.Gauges, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_a_gauge_attribute_re_emits_the_gauges()
    {
        var compilation = GeneratorRunner.Compile(Inventory);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        driver = driver.RunGenerators(GeneratorHarness.Edit(compilation, "Unit = \"{message}\"", "Unit = \"{item}\""));

        var result = driver.GetRunResult().Results.Single();
        AssertReasons(result, TrackingNames.Gauges, IncrementalStepRunReason.Modified);
        Assert.Contains("\"{item}\"", result.GeneratedSources.Single(s => s.HintName == "Toolkit.Gauges.g.cs").SourceText.ToString());
    }

    private static string Reason(string message) => message[(message.IndexOf(": ", System.StringComparison.Ordinal) + 2)..].Split(',', ';')[0].Split(" so ")[0].Split(" for ")[0].TrimEnd();

    private static void AssertReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(allowed.Contains(output.Reason), $"{step}: {output.Reason}"));
    }
}
