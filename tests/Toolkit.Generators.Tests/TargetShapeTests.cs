using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Toolkit.Tests.Roslyn;
using Xunit;

namespace Toolkit.Generators.Tests;

/// <summary>
/// The generator writes code that compiles in the consumer's framework and language version: compiled here against
/// the references Toolkit.TestAssets builds with for netstandard2.0, net48 and net10.0, at C# 9 (the lowest supported)
/// and at the latest version, warning-free, with a snapshot per shape of framework.
/// </summary>
public sealed class TargetShapeTests
{
    /// <summary>One method per fallback: a timed-only clock, a task with a business event only, a formatted message, a pending span.</summary>
    private const string Source = """
        using System.Threading.Tasks;
        using Toolkit;

        namespace Shop
        {
            public partial class Orders
            {
                [Timed]
                public partial int Count(int x);

                private int CountCore(int x) => x;

                [BusinessEvent("order.placed", Message = "Placed {Id} for {Amount:F2}: {Result}")]
                public partial Task<int> PlaceAsync(int id, decimal amount);

                private Task<int> PlaceAsyncCore(int id, decimal amount) => Task.FromResult(id);

                [Traced]
                public partial Task ShipAsync(int id);

                private Task ShipAsyncCore(int id) => Task.CompletedTask;
            }
        }
        """;

    [Theory]
    [InlineData("netstandard2.0", 9)]
    [InlineData("netstandard2.0", 12)]
    [InlineData("net48", 9)]
    [InlineData("net10.0", 9)]
    [InlineData("net10.0", 12)]
    public void Generated_code_compiles_warning_free_for_the_framework_and_language_version(string framework, int languageVersion)
    {
        var result = Run(framework, languageVersion, Source);

        Assert.True(result.Diagnostics.IsEmpty, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.True(result.CompileDiagnostics.IsEmpty, string.Join(Environment.NewLine, result.CompileDiagnostics));

        // Only what the framework lacks takes a fallback: netstandard2.0 and .NET Framework look alike, and C# 9 on
        // .NET 10 differs from C# 12 in the message formatting only.
        string shape = framework == "net10.0" ? $"net10.0.CSharp{languageVersion}" : "netstandard2.0";
        Snapshot.Verify($"Target_{shape}", result.Sources["Shop.Orders.Toolkit.g.cs"]);
        bool polyfilled = result.Sources.TryGetValue("Toolkit.ModuleInitializerAttribute.g.cs", out string? polyfill);
        Assert.Equal(framework != "net10.0", polyfilled);
        if (polyfilled)
        {
            Snapshot.Verify("Target_ModuleInitializerAttribute", polyfill!);
        }
    }

    [Fact]
    public void A_module_initializer_attribute_of_the_project_is_used_not_declared_again()
    {
        var result = Run("netstandard2.0", 9, Source, """
            namespace System.Runtime.CompilerServices
            {
                [AttributeUsage(AttributeTargets.Method, Inherited = false)]
                internal sealed class ModuleInitializerAttribute : Attribute { }
            }
            """);

        Assert.True(result.CompileDiagnostics.IsEmpty, string.Join(Environment.NewLine, result.CompileDiagnostics));
        Assert.DoesNotContain("Toolkit.ModuleInitializerAttribute.g.cs", result.Sources.Keys);
        Assert.Contains("Toolkit.Telemetry.g.cs", result.Sources.Keys);
    }

    [Fact]
    public void Below_CSharp_9_the_generator_says_to_set_LangVersion()
    {
        // netstandard2.0 and .NET Framework projects default to C# 7.3.
        var result = Run("netstandard2.0", 7, Source);

        Assert.Equal(3, result.Diagnostics.Count(d => d.Id == "TK1020"));
        var first = result.Diagnostics.First(d => d.Id == "TK1020");
        Assert.Equal(DiagnosticSeverity.Error, first.Severity);
        Assert.Contains("<LangVersion>", first.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("C# 7.3", first.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("Shop.Orders.Toolkit.g.cs", result.Sources.Keys);
    }

    private static (System.Collections.Generic.IReadOnlyDictionary<string, string> Sources, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics, System.Collections.Immutable.ImmutableArray<Diagnostic> CompileDiagnostics)
        Run(string framework, int languageVersion, params string[] sources)
    {
        var parseOptions = new CSharpParseOptions(languageVersion switch
        {
            7 => LanguageVersion.CSharp7_3,
            9 => LanguageVersion.CSharp9,
            _ => LanguageVersion.CSharp12,
        });
        var compilation = CSharpCompilation.Create(
            "TestAssembly",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{i}.cs")),
            References(framework),
            // The SDK's default NoWarn: assembly-version unification that MSBuild resolves with binding redirects.
            GeneratorHarness.CompilationOptions.WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        var driver = GeneratorHarness.CreateDriver(parseOptions, trackSteps: false)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var generated = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return (generated, diagnostics, [.. output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)]);
    }

    /// <summary>The compile references Toolkit.TestAssets wrote for <paramref name="framework"/> when it was built.</summary>
    private static MetadataReference[] References(string framework, [CallerFilePath] string callerPath = "")
    {
        string list = Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "Toolkit.TestAssets", "obj", $"references.{framework}.txt");
        Assert.True(File.Exists(list), $"{list} is written by building tests/Toolkit.TestAssets, which this project references.");
        return [.. File.ReadAllLines(list).Where(line => line.Length > 0).Select(path => MetadataReference.CreateFromFile(path))];
    }
}
