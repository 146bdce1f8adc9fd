using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Toolkit.Contract;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// The base of the TK5xxx rules, which compare the telemetry the generator emits with <c>Telemetry.Shipped.txt</c> and
/// <c>Telemetry.Unshipped.txt</c>, the way PublicApiAnalyzers compares the public API with its files. Each rule
/// reports one kind of change on the method that emits the signal.
/// </summary>
public abstract class ContractRule : ToolkitAnalyzer
{
    private protected abstract SignalChangeKind Kind { get; }

    private protected abstract DiagnosticDescriptor Rule { get; }

    private protected virtual object[] Arguments(SignalChange change) => [change.New!.Key, change.Detail];

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (TelemetryContract.For(start.Compilation, start.Options, start.CancellationToken) is { } contract
            && contract.Changes.Count > 0)
        {
            start.RegisterSymbolAction(context => contract.ReportMethods(context, Kind, Rule, Arguments), SymbolKind.NamedType);
        }
    }
}
