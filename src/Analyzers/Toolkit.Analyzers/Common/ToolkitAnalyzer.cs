using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// The base of every rule (each one can run alone, as its tests do; in a build most run inside
/// <see cref="SharedRulesAnalyzer"/>): generated code is skipped unless the rule says otherwise (the generator's output is ours to
/// get right, not the user's), callbacks run concurrently, and each compilation starts with the shared
/// <see cref="KnownSymbols"/>.
/// </summary>
public abstract class ToolkitAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Whether the rule also looks at generated code. Partial-method attributes merge, so a user's declaration whose
    /// implementation another generator wrote with <c>[GeneratedCode]</c> counts as generated code too.
    /// </summary>
    private protected virtual bool AnalyzesGeneratedCode => false;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(AnalyzesGeneratedCode
            ? GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics
            : GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => OnCompilationStart(start, KnownSymbols.Create(start.Compilation)));
    }

    /// <summary>Registers the rule's actions, or nothing when the types it looks for aren't referenced.</summary>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known);

    /// <summary>Registers the rule's actions with <see cref="SharedRulesAnalyzer"/>, which runs it in the compiler.</summary>
    internal void Start(CompilationStartAnalysisContext start, KnownSymbols known) => OnCompilationStart(start, known);
}
