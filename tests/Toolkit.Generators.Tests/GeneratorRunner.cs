using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Toolkit.Tests.Roslyn;

namespace Toolkit.Generators.Tests;

/// <summary>Compiles test sources against the framework and Toolkit.Runtime and runs the generator over them.</summary>
internal static class GeneratorRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static CSharpCompilation Compile(params string[] sources) => Compile("TestAssembly", [], sources);

    /// <summary>The newest language: for shapes such as <c>allows ref struct</c> that C# 12 cannot write.</summary>
    public static readonly CSharpParseOptions LatestParseOptions = new(LanguageVersion.Preview);

    public static CSharpCompilation Compile(string assemblyName, IEnumerable<MetadataReference> references, params string[] sources) =>
        Compile(assemblyName, references, ParseOptions, GeneratorHarness.CompilationOptions, sources);

    public static CSharpCompilation Compile(
        string assemblyName, IEnumerable<MetadataReference> references, CSharpParseOptions parseOptions, CSharpCompilationOptions options, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{i}.cs")),
            GeneratorHarness.References.Concat(references),
            options);

    public static GeneratorDriver CreateDriver() => GeneratorHarness.CreateDriver(ParseOptions, trackSteps: true);

    /// <summary>Runs the generator and returns its output, the generator's diagnostics and the final compilation's.</summary>
    public static GeneratorResult Run(params string[] sources) => Run(Compile(sources));

    /// <summary>Runs the generator over sources in the newest language version, with unsafe code allowed.</summary>
    public static GeneratorResult RunLatest(params string[] sources) => Run(
        Compile("TestAssembly", [], LatestParseOptions, GeneratorHarness.CompilationOptions.WithAllowUnsafe(true), sources),
        GeneratorHarness.CreateDriver(LatestParseOptions, trackSteps: true));

    public static GeneratorResult Run(CSharpCompilation compilation) => Run(compilation, CreateDriver());

    private static GeneratorResult Run(CSharpCompilation compilation, GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var generated = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var compileDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return new GeneratorResult(generated, generatorDiagnostics, compileDiagnostics) { Compilation = output };
    }
}

internal sealed record GeneratorResult(
    IReadOnlyDictionary<string, string> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics)
{
    /// <summary>The compilation with the generated sources added.</summary>
    public Compilation Compilation { get; init; } = null!;

    /// <summary>Asserts the generator reported nothing and the generated code compiles with no warning.</summary>
    public GeneratorResult AssertClean()
    {
        Xunit.Assert.Empty(GeneratorDiagnostics);
        Xunit.Assert.True(CompilationDiagnostics.IsEmpty, string.Join(Environment.NewLine, CompilationDiagnostics));
        return this;
    }
}
