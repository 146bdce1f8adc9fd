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

    public static CSharpCompilation Compile(string assemblyName, IEnumerable<MetadataReference> references, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            GeneratorHarness.References.Concat(references),
            GeneratorHarness.CompilationOptions);

    public static GeneratorDriver CreateDriver() => GeneratorHarness.CreateDriver(ParseOptions, trackSteps: true);

    /// <summary>Runs the generator and returns its output, the generator's diagnostics and the final compilation's.</summary>
    public static GeneratorResult Run(params string[] sources) => Run(Compile(sources));

    public static GeneratorResult Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var generated = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var compileDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return new GeneratorResult(generated, generatorDiagnostics, compileDiagnostics);
    }
}

internal sealed record GeneratorResult(
    IReadOnlyDictionary<string, string> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics)
{
    /// <summary>Asserts the generator reported nothing and the generated code compiles with no warning.</summary>
    public GeneratorResult AssertClean()
    {
        Xunit.Assert.Empty(GeneratorDiagnostics);
        Xunit.Assert.True(CompilationDiagnostics.IsEmpty, string.Join(Environment.NewLine, CompilationDiagnostics));
        return this;
    }
}
