using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Toolkit.Analyzers.Rules;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// The rules that read hand-written code, run in the compiler as one analyzer. Most of them look at every invocation
/// or creation of the compilation and leave at once; the compiler times and dispatches each callback of each analyzer
/// on its own, so ten rules behind one callback per operation kind cost a fraction of ten callbacks
/// (<see cref="SharedActions"/>). Each rule keeps its class, its tests and its registration, and can run alone.
/// The rules that also read generated code (TK1001, TK2002) stay analyzers of their own.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SharedRulesAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<ToolkitAnalyzer> s_rules = ImmutableArray.Create<ToolkitAnalyzer>(
        new SensitiveDataLoggedAnalyzer(),
        new LogTemplateAnalyzer(),
        new SensitiveDataInSpanAnalyzer(),
        new HighCardinalityTagAnalyzer(),
        new MetricTagValuesAnalyzer(),
        new TooManyMetricTagsAnalyzer(),
        new ActivityNameFromDataAnalyzer(),
        new PerCallTelemetryObjectAnalyzer(),
        new SecondsHistogramAnalyzer(),
        new InstrumentNamingAnalyzer(),
        new SwallowedExceptionInSpanAnalyzer());

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        s_rules.SelectMany(rule => rule.SupportedDiagnostics).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownSymbols.Create(start.Compilation);
            var shared = new SharedActions(start);
            foreach (var rule in s_rules)
            {
                rule.Start(shared, known);
            }

            shared.RegisterShared();
        });
    }
}
