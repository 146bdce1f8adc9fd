using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Common;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK4001: a span name built from data. Backends group spans by name, so a name that varies per call defeats every
/// span-name view and can carry personal data into systems that do not redact names; the values belong in tags.
/// A name passed through from a parameter, local or field is left alone: that is how wrapper helpers work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ActivityNameFromDataAnalyzer : ToolkitAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "TK4001",
        "Span name is built from data",
        "The span name is built from data: use a constant, low-cardinality name and record the values as tags",
        RuleCategories.TelemetryApi,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Span names must be low-cardinality: an interpolated, concatenated or formatted name makes every span unique and may carry personal data that tags would have kept apart.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.Activity is null || known.ActivitySource is null)
        {
            return;
        }

        start.RegisterOperationAction(context => AnalyzeInvocation(context, known), OperationKind.Invocation);
        start.RegisterOperationAction(context => AnalyzeCreation(context, known), OperationKind.ObjectCreation);
        start.RegisterOperationAction(context => AnalyzeAssignment(context, known), OperationKind.SimpleAssignment);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownSymbols known)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if ((method.Name is "StartActivity" or "CreateActivity") && KnownSymbols.Is(method.ContainingType, known.ActivitySource))
        {
            Check(context, TelemetryCalls.ExplicitValue(TelemetryCalls.Argument(invocation, "name")));
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, KnownSymbols known)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (KnownSymbols.Is(creation.Type, known.Activity))
        {
            Check(context, TelemetryCalls.ExplicitValue(TelemetryCalls.Argument(creation.Arguments, "operationName")));
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, KnownSymbols known)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "DisplayName" } property
            && KnownSymbols.Is(property.Property.ContainingType, known.Activity))
        {
            Check(context, TelemetryCalls.WithoutConversions(assignment.Value));
        }
    }

    private static void Check(OperationAnalysisContext context, IOperation? name)
    {
        if (name is not null && IsBuiltFromData(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, name.Syntax.GetLocation()));
        }
    }

    private static bool IsBuiltFromData(IOperation name)
    {
        if (name.ConstantValue.HasValue)
        {
            return false; // constants, nameof, constant interpolations and concatenations of constants.
        }

        return name switch
        {
            IInterpolatedStringOperation interpolated => HasHoles(interpolated),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => binary.Type?.SpecialType == SpecialType.System_String,
            IInvocationOperation invocation => invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_String
                && invocation.TargetMethod.Name is "Format" or "Concat" or "Join",
            _ => false,
        };
    }

    private static bool HasHoles(IInterpolatedStringOperation interpolated)
    {
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolationOperation)
            {
                return true;
            }
        }

        return false;
    }
}
