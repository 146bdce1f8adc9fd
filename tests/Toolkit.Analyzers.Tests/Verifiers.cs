using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Toolkit.Analyzers.Tests;

/// <summary>
/// Compiles test sources, with the toolkit's generator, against this process's framework, Toolkit.Runtime and Microsoft.Extensions.Logging rather
/// than downloaded reference packs, so the tests need no network.
/// </summary>
internal static class TestReferences
{
    public static readonly ReferenceAssemblies None = new("net10.0");

    /// <summary>The toolkit's generator runs too, so a fixed source must really compile into instrumented code.</summary>
    public static readonly Type[] Generators = [typeof(Toolkit.Generators.TelemetryGenerator)];

    public static readonly ImmutableArray<MetadataReference> All =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                    || name is "System.dll" or "netstandard.dll" or "mscorlib.dll" or "Toolkit.Runtime.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    public static void Apply(SolutionState state, string? editorConfig)
    {
        state.AdditionalReferences.AddRange(All);
        if (editorConfig is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }
    }
}

/// <summary>Runs one analyzer over sources marked with <c>{|TKnnnn:span|}</c> and checks exactly those diagnostics appear.</summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, string? editorConfig = null)
    {
        var test = Create(editorConfig);
        test.TestCode = source;
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Checks the message too: each expected diagnostic is placed with <c>{|#n:span|}</c>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Create(editorConfig: null);
        test.TestCode = source;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>With compiled libraries referenced as metadata, as a package's assemblies are.</summary>
    public static Task VerifyAsync(string source, IEnumerable<MetadataReference> libraries)
    {
        var test = Create(editorConfig: null);
        test.TestCode = source;
        test.TestState.AdditionalReferences.AddRange(libraries);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Several files, named: generated-code rules look at the name (<c>*.g.cs</c>) and the header.</summary>
    public static Task VerifyAsync(params (string Name, string Source)[] sources)
    {
        var test = Create(editorConfig: null);
        foreach (var (name, source) in sources)
        {
            test.TestState.Sources.Add((name, source));
        }

        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>A test with the references and generators every rule's tests share.</summary>
    private static AnalyzerTest Create(string? editorConfig)
    {
        var test = new AnalyzerTest
        {
            ReferenceAssemblies = TestReferences.None,
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        TestReferences.Apply(test.TestState, editorConfig);
        return test;
    }

    private sealed class AnalyzerTest : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<Type> GetSourceGenerators() => TestReferences.Generators;
    }
}

/// <summary>Checks an analyzer's diagnostics in <c>source</c> and that its code fix turns it into <c>fixedSource</c>.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <param name="equivalenceKey">Which of the offered fixes to apply; null takes the first.</param>
    /// <param name="fixAll">Also check Fix All in document, project and solution scopes gives <paramref name="fixedSource"/>.</param>
    /// <param name="expected">Diagnostics beyond the source's markup, e.g. with their messages.</param>
    public static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null, bool fixAll = true, string? editorConfig = null, DiagnosticResult[]? expected = null)
    {
        var test = new CodeFixTest
        {
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.None,
            CodeActionEquivalenceKey = equivalenceKey,
            CodeFixTestBehaviors = fixAll ? CodeFixTestBehaviors.None : CodeFixTestBehaviors.SkipFixAllCheck,
        };
        test.ExpectedDiagnostics.AddRange(expected ?? []);
        TestReferences.Apply(test.TestState, editorConfig);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Checks the diagnostics and that no fix is offered for them.</summary>
    public static Task VerifyNoFixAsync(string source, string? editorConfig = null) => VerifyAsync(source, source, fixAll: false, editorConfig: editorConfig);

    /// <summary>Checks <paramref name="expected"/> diagnostics, messages included, and that no fix is offered for them.</summary>
    public static Task VerifyNoFixAsync(string source, DiagnosticResult[] expected, LanguageVersion languageVersion = LanguageVersion.Default)
    {
        var test = new CodeFixTest
        {
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
            TestCode = source,
            FixedCode = source,
            ReferenceAssemblies = TestReferences.None,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        test.SolutionTransforms.Add((solution, project) =>
            solution.WithProjectParseOptions(project, ((CSharpParseOptions)solution.GetProject(project)!.ParseOptions!).WithLanguageVersion(languageVersion)));
        TestReferences.Apply(test.TestState, null);
        return test.RunAsync(CancellationToken.None);
    }

    private sealed class CodeFixTest : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        protected override IEnumerable<Type> GetSourceGenerators() => TestReferences.Generators;
    }
}
