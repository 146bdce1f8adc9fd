using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// The base of every rule: generated code is skipped (the generator's output is ours to get right, not the user's),
/// callbacks run concurrently, and each compilation starts with the shared <see cref="KnownSymbols"/>.
/// </summary>
public abstract class ToolkitAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => OnCompilationStart(start, KnownSymbols.Create(start.Compilation)));
    }

    /// <summary>Registers the rule's actions, or nothing when the types it looks for aren't referenced.</summary>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known);
}
