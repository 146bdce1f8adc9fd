using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Toolkit.Tests.Roslyn;
using Xunit;

namespace Toolkit.Generators.Tests;

/// <summary>The pipeline caches: unrelated edits and body edits re-emit nothing; an attribute edit re-emits one type.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] s_trackedSteps =
    [
        TrackingNames.Traced, TrackingNames.Timed, TrackingNames.Counted, TrackingNames.InFlight, TrackingNames.Logged, TrackingNames.BusinessEvent,
        TrackingNames.Specs, TrackingNames.Types, TrackingNames.Usage, TrackingNames.Source, TrackingNames.References, TrackingNames.Target,
        TrackingNames.Gauge, TrackingNames.Gauges, TrackingNames.Measure,
    ];

    private const string Orders = """
        using System.Threading.Tasks;
        using Toolkit;

        namespace Shop;

        public partial class Orders
        {
            [Traced, Timed]
            public partial Task<int> PlaceAsync([Tag("shop.region")] string region);

            private async Task<int> PlaceAsyncCore(string region)
            {
                await Task.Yield();
                return 1;
            }
        }
        """;

    private const string Payments = """
        using Toolkit;

        namespace Shop;

        public partial class Payments
        {
            [Counted]
            public partial void Capture([Measure("shop.payment.amount")] decimal amount);

            private void CaptureCore(decimal amount) { }

            [Gauge("shop.payments.pending")]
            public static int Pending => 0;
        }
        """;

    [Fact]
    public void Rerun_on_a_cloned_compilation_is_fully_cached()
    {
        var compilation = GeneratorRunner.Compile(Orders, Payments);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.Clone());

        var result = driver.GetRunResult().Results.Single();
        foreach (var (name, steps) in TrackedSteps(result))
        {
            Assert.All(steps.SelectMany(s => s.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {output.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output =>
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Unrelated_file_added_re_emits_nothing()
    {
        var compilation = GeneratorRunner.Compile(Orders, Payments);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Unrelated { }", GeneratorRunner.ParseOptions));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        AssertReasons(result, TrackingNames.Types, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.Usage, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);

        // The compilation changed, what it offers generated code did not.
        AssertReasons(result, TrackingNames.Target, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_a_core_body_re_emits_nothing()
    {
        var compilation = GeneratorRunner.Compile(Orders, Payments);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        driver = driver.RunGenerators(GeneratorHarness.Edit(compilation, "return 1;", "return 2;"));

        var result = driver.GetRunResult().Results.Single();
        // The edited method is parsed again, and its result compares equal to the previous one.
        AssertReasons(result, TrackingNames.Traced, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.Specs, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.Types, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.Target, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_an_attribute_re_emits_only_that_type()
    {
        var compilation = GeneratorRunner.Compile(Orders, Payments);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        driver = driver.RunGenerators(GeneratorHarness.Edit(compilation, "[Traced, Timed]", "[Traced, Timed, Counted]"));

        var result = driver.GetRunResult().Results.Single();
        var types = result.TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs).ToArray();
        Assert.Equal(2, types.Length);
        Assert.Single(types, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(types, o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
        Assert.Contains("Counter_method_calls.Enabled", result.GeneratedSources.Single(s => s.HintName == "Shop.Orders.Toolkit.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Editing_another_part_of_the_containing_type_re_emits_its_declaration()
    {
        // The parser reads each containing type once per compilation: an edit to a file without instrumented methods
        // must still reach the declaration it writes.
        const string counter = """
            using Toolkit;

            namespace Shop;

            public partial struct Counter
            {
                [Traced]
                public partial int Next();

                private int NextCore() => 1;
            }
            """;
        const string otherPart = "namespace Shop; public partial struct Counter { }";
        var compilation = GeneratorRunner.Compile(counter, otherPart);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        Assert.Contains("partial struct Counter", Generated(driver, "Shop.Counter.Toolkit.g.cs"));
        Assert.DoesNotContain("readonly partial struct Counter", Generated(driver, "Shop.Counter.Toolkit.g.cs"));

        var other = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(
            other, CSharpSyntaxTree.ParseText(otherPart.Replace("public partial struct", "public readonly partial struct", StringComparison.Ordinal), GeneratorRunner.ParseOptions));
        driver = driver.RunGenerators(edited);

        AssertReasons(driver.GetRunResult().Results.Single(), TrackingNames.Types, IncrementalStepRunReason.Modified);
        Assert.Contains("readonly partial struct Counter", Generated(driver, "Shop.Counter.Toolkit.g.cs"));
    }

    private static string Generated(GeneratorDriver driver, string hintName) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    [Fact]
    public void Editing_an_objective_rewrites_only_that_type_s_manifest_part()
    {
        var compilation = GeneratorRunner.Compile(Orders, Payments);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        driver = driver.RunGenerators(GeneratorHarness.Edit(compilation, "[Traced, Timed]", "[Traced, Timed, Slo(LatencyP95 = \"250ms\")]"));

        var result = driver.GetRunResult().Results.Single();
        var types = result.TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs).ToArray();
        Assert.Single(types, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(types, o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
        // The source's part lists instruments, which the objective does not change: the holder is not rewritten.
        AssertReasons(result, TrackingNames.Usage, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Contains("\\\"slo\\\":{\\\"latency\\\":[{\\\"percentile\\\":0.95,\\\"seconds\\\":0.25", result.GeneratedSources.Single(s => s.HintName == "Shop.Orders.Toolkit.g.cs").SourceText.ToString());
    }

    [Fact]
    public void No_symbols_syntax_or_compilations_are_held_by_the_pipeline()
    {
        var compilation = GeneratorRunner.Compile(Orders, Payments);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        foreach (var (name, steps) in TrackedSteps(result))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static IEnumerable<(string Name, IReadOnlyList<IncrementalGeneratorRunStep> Steps)> TrackedSteps(GeneratorRunResult result) =>
        s_trackedSteps.Where(result.TrackedSteps.ContainsKey).Select(name => (name, (IReadOnlyList<IncrementalGeneratorRunStep>)result.TrackedSteps[name]));

    private static void AssertReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(allowed.Contains(output.Reason), $"{step}: {output.Reason}"));
    }

    /// <summary>Walks a model's object graph; a symbol, node or compilation there would pin memory and defeat caching.</summary>
    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel, $"{step} holds a {value.GetType().Name}");

        // Diagnostics are kept whole on purpose (their real locations make #pragma work); they are leaves here.
        if (value is Diagnostic)
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            foreach (object? item in sequence)
            {
                AssertNoRoslynObjects(item, step, visited);
            }

            return;
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoRoslynObjects(field.GetValue(value), step, visited);
            }
        }
    }
}
