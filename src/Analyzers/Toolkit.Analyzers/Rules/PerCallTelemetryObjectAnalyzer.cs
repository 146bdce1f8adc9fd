using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Common;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK4002: a <c>Meter</c>, <c>ActivitySource</c> or instrument created on every call. Each one registers with the
/// listeners (and a meter keeps every instrument it created), so per-call creation costs a lock and an allocation per
/// call, leaks until disposal, and a disposed source or meter never reaches an exporter. Only creations whose object
/// stays inside the call are reported: stored in a local that does not escape, or used in the same expression.
/// Creations kept in fields or properties, returned from factories, or made in constructors are left alone.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs in the compiler inside SharedRulesAnalyzer")]
public sealed class PerCallTelemetryObjectAnalyzer : ToolkitAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "TK4002",
        "Telemetry object created per call",
        "A new {0} is created on every call: create it once and keep it in a static readonly field, or in a field set by the constructor",
        RuleCategories.TelemetryApi,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Meters, activity sources and instruments are meant to live as long as the application: creating them per call allocates, takes the listeners' lock, and loses the telemetry when they are disposed before an exporter collects it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.Meter is null && known.ActivitySource is null)
        {
            return;
        }

        start.RegisterOperationAction(context =>
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (KnownSymbols.Is(creation.Type, known.Meter) || KnownSymbols.Is(creation.Type, known.ActivitySource))
            {
                Analyze(context, creation, creation.Type!.Name);
            }
        }, OperationKind.ObjectCreation);

        SharedActions.RegisterInvocationAction(
            start,
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (TelemetryCalls.IsCreateInstrument(invocation.TargetMethod, known))
                {
                    Analyze(context, invocation, "instrument");
                }
            },
            TelemetryCalls.CreateInstrumentNames);
    }

    private static void Analyze(OperationAnalysisContext context, IOperation creation, string what)
    {
        var use = creation.Parent;
        while (use is IConversionOperation or IParenthesizedOperation)
        {
            use = use.Parent;
        }

        bool perCall = use switch
        {
            // new Meter("x").CreateCounter<long>("y"), meter.CreateCounter<long>("y").Add(1)
            IInvocationOperation invocation => invocation.Instance is not null && Contains(invocation.Instance, creation),
            IMemberReferenceOperation member => member.Instance is not null && Contains(member.Instance, creation),
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => !Escapes(declarator.Symbol, creation),
            _ => false,
        };

        if (perCall && RunsPerCall(context.ContainingSymbol, creation))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), what));
        }
    }

    private static bool Contains(IOperation outer, IOperation inner)
    {
        for (var operation = inner; operation is not null; operation = operation.Parent)
        {
            if (operation == outer)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Constructors, field initializers and the program's <c>Main</c> (top-level statements included) run once, which
    /// is where long-lived objects are made; a lambda or local function runs whenever it is called, wherever it is written.
    /// </summary>
    private static bool RunsPerCall(ISymbol containing, IOperation creation)
    {
        for (var operation = creation.Parent; operation is not null; operation = operation.Parent)
        {
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return containing is IMethodSymbol { MethodKind: not (MethodKind.Constructor or MethodKind.StaticConstructor) } method
            && !(method.IsStatic && method.Name is "Main" or "<Main>$");
    }

    /// <summary>Whether the local is returned, stored, passed on or captured: anything but calls on it.</summary>
    private static bool Escapes(ILocalSymbol local, IOperation creation)
    {
        var root = creation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            var parent = reference.Parent;
            bool isReceiver = parent switch
            {
                IInvocationOperation invocation => invocation.Instance == reference,
                IMemberReferenceOperation member => member.Instance == reference,
                IConditionalAccessOperation conditional => conditional.Operation == reference,
                _ => false,
            };

            if (!isReceiver)
            {
                return true;
            }
        }

        return false;
    }
}
