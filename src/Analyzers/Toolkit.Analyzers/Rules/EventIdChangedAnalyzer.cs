using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Toolkit.Analyzers.Common;
using Toolkit.Contract;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK5004: a shipped business event's <c>EventId</c> changed. Log queries and alerts often select by id, and the id
/// derives from the event's name unless given, so an explicit <c>EventId</c> added later changes it too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventIdChangedAnalyzer : ContractRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TK5004",
        "A shipped business event changed its event id",
        "Shipped business event '{0}' changed its {1}: log queries by id stop matching",
        RuleCategories.Contract,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Log pipelines, queries and alerts select records by event id; a new id hides the event from them.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    private protected override SignalChangeKind Kind => SignalChangeKind.EventId;

    private protected override DiagnosticDescriptor Rule => Descriptor;
}
