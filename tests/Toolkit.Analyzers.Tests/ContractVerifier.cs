using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Toolkit.Analyzers.CodeFixes;
using Toolkit.Contract;

namespace Toolkit.Analyzers.Tests;

/// <summary>
/// Runs a TK5xxx rule, with the generator, over a source and its baseline files, and checks the diagnostics and what
/// "Add to the unshipped telemetry baseline" (and its Fix All) writes into <c>Telemetry.Unshipped.txt</c>.
/// </summary>
internal static class ContractVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <param name="shipped">The shipped file, or <see langword="null"/> for none.</param>
    /// <param name="unshipped">The unshipped file, or <see langword="null"/> for none.</param>
    /// <param name="fixedUnshipped">The unshipped file after every fix; <see langword="null"/> when no fix is offered.</param>
    public static Task VerifyAsync(
        string source, string? shipped, string? unshipped, string? fixedUnshipped, DiagnosticResult[] expected, DiagnosticResult[]? remaining = null)
    {
        var test = new Test
        {
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
            TestCode = source,
            ReferenceAssemblies = TestReferences.None,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        AddFiles(test.TestState, shipped, unshipped);
        if (fixedUnshipped is null)
        {
            test.FixedCode = source;
            test.FixedState.ExpectedDiagnostics.AddRange(expected);
            test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck;
            AddFiles(test.FixedState, shipped, unshipped);
        }
        else
        {
            test.FixedCode = source;
            test.FixedState.ExpectedDiagnostics.AddRange(remaining ?? []);
            AddFiles(test.FixedState, shipped, fixedUnshipped);
        }

        TestReferences.Apply(test.TestState, editorConfig: null);
        return test.RunAsync(CancellationToken.None);
    }

    private static void AddFiles(SolutionState state, string? shipped, string? unshipped)
    {
        if (shipped is not null)
        {
            state.AdditionalFiles.Add((TelemetryBaseline.ShippedFileName, shipped));
        }

        if (unshipped is not null)
        {
            state.AdditionalFiles.Add((TelemetryBaseline.UnshippedFileName, unshipped));
        }
    }

    private sealed class Test : Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<TAnalyzer, AddToTelemetryBaselineCodeFix, DefaultVerifier>
    {
        protected override System.Collections.Generic.IEnumerable<System.Type> GetSourceGenerators() => TestReferences.Generators;
    }
}
