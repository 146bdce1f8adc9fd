using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Toolkit.Analyzers.Common;
using Toolkit.Contract;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK5002: a shipped span's kind, or a shipped instrument's kind or unit, changed. A unit change renames the
/// Prometheus series (<c>_seconds</c> becomes <c>_milliseconds</c>) and rescales every value; a kind change turns a
/// counter's <c>_total</c> into a histogram's <c>_bucket</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TelemetryKindOrUnitChangedAnalyzer : ContractRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TK5002",
        "A shipped telemetry signal changed its kind or unit",
        "Shipped telemetry signal '{0}' changed its {1}: queries over it break or read rescaled values",
        RuleCategories.Contract,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The Prometheus series name carries the unit and the instrument kind; dashboards and alerts written against the shipped signal stop matching.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    private protected override SignalChangeKind Kind => SignalChangeKind.KindOrUnit;

    private protected override DiagnosticDescriptor Rule => Descriptor;
}
