using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Toolkit.Analyzers.Common;
using Toolkit.Contract;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK5005: a signal in neither baseline file, or one that differs from its line without breaking anything (a new span
/// attribute, a change to a signal not yet shipped). The fix writes the line into <c>Telemetry.Unshipped.txt</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TelemetrySignalNotInBaselineAnalyzer : ContractRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TK5005",
        "A telemetry signal is not in the baseline",
        "Telemetry signal '{0}' {1}",
        RuleCategories.Contract,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Every emitted span, metric and business event is declared in Telemetry.Shipped.txt or Telemetry.Unshipped.txt, so that a later change to it shows in review and in the build.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    private protected override SignalChangeKind Kind => SignalChangeKind.Undeclared;

    private protected override DiagnosticDescriptor Rule => Descriptor;
}
