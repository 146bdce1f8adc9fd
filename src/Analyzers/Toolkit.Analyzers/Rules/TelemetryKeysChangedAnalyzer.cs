using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Toolkit.Analyzers.Common;
using Toolkit.Contract;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK5003: a shipped signal lost a key (a span attribute, a metric tag, a business event property), or a shipped
/// metric gained a tag. A query that filters or groups by a removed key finds nothing; an added metric tag splits
/// every series, so sums and rates over the old series restart.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TelemetryKeysChangedAnalyzer : ContractRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TK5003",
        "A shipped telemetry signal changed its tag keys",
        "Shipped telemetry signal '{0}' changed: {1}",
        RuleCategories.Contract,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Dashboards group and filter by tag keys: removing one empties those panels, and adding a metric tag starts new series for every existing combination.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    private protected override SignalChangeKind Kind => SignalChangeKind.Keys;

    private protected override DiagnosticDescriptor Rule => Descriptor;
}
