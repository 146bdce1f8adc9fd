using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Toolkit.Analyzers.Common;
using Toolkit.Contract;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK5001: a signal in <c>Telemetry.Shipped.txt</c> that the project no longer emits: a span, a metric series family
/// or a business event was removed or renamed, or its method was (a method's name is its series' <c>code.function.name</c>).
/// Reported on the baseline line once the whole compilation is known, as PublicApiAnalyzers reports RS0017.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TelemetrySignalRemovedAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "TK5001",
        "A shipped telemetry signal was removed or renamed",
        "Shipped telemetry signal '{0}' {1}: dashboards, alerts and queries that select it find nothing",
        RuleCategories.Contract,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Telemetry is an API: dashboards, alert rules and other teams' queries select spans and series by name, scope and code.function.name. Removing or renaming one breaks them silently.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    // Not a ToolkitAnalyzer: it looks at no code, only at the finished compilation's manifest and the baseline files.
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        if (TelemetryContract.For(context.Compilation, context.Options, context.CancellationToken) is not { } contract)
        {
            return;
        }

        foreach (var change in contract.Changes.Where(c => c.Kind == SignalChangeKind.Removed))
        {
            var location = contract.LocationOf(change.Old!, shipped: true, context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, change.Old!.Signal.Key, change.Detail));
        }
    }
}
