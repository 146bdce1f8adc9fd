using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Common;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK4001: a span name built from data. Backends group spans by name, so a name that varies per call defeats every
/// span-name view and can carry personal data into systems that do not redact names; the values belong in tags.
/// A name passed through from a parameter, local or field is left alone: that is how wrapper helpers work. So is a
/// name built from bounded parts: constants, enums, type names, a choice between constants, and plain words such as
/// an operation or a database name (OpenTelemetry builds database span names as <c>{operation} {target}</c>).
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs in the compiler inside SharedRulesAnalyzer")]
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

    // Words that make a part of a name data rather than a kind of operation, beyond BoundedValues' identifiers.
    private static readonly ImmutableHashSet<string> s_dataWords = ImmutableHashSet.Create(
        System.StringComparer.Ordinal, "sql", "text", "statement", "body", "payload", "input", "search", "term", "value", "values", "args", "arguments");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.Activity is null || known.ActivitySource is null)
        {
            return;
        }

        var data = SensitiveData.Create(known);

        // The operation's own syntax decides first: only a name written as an interpolation, a concatenation or a
        // string.Format/Concat/Join call can be built from data, so every other call leaves after a name comparison.
        SharedActions.RegisterInvocationAction(
            start,
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (KnownSymbols.Is(invocation.TargetMethod.ContainingType, known.ActivitySource)
                    && TelemetryCalls.Argument(invocation, "name") is { ArgumentKind: not ArgumentKind.DefaultValue } name
                    && MayBeBuilt(name.Value.Syntax))
                {
                    Analyze(context, TelemetryCalls.ExplicitValue(name), known, data);
                }
            },
            "StartActivity",
            "CreateActivity");
        start.RegisterOperationAction(
            context =>
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Arguments.Length > 0 && KnownSymbols.Is(creation.Type, known.Activity)
                    && TelemetryCalls.Argument(creation.Arguments, "operationName") is { ArgumentKind: not ArgumentKind.DefaultValue } name
                    && MayBeBuilt(name.Value.Syntax))
                {
                    Analyze(context, TelemetryCalls.ExplicitValue(name), known, data);
                }
            },
            OperationKind.ObjectCreation);
        start.RegisterOperationAction(
            context =>
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (assignment.Target is IPropertyReferenceOperation { Property.Name: "DisplayName" } property
                    && KnownSymbols.Is(property.Property.ContainingType, known.Activity)
                    && MayBeBuilt(assignment.Value.Syntax))
                {
                    Analyze(context, TelemetryCalls.WithoutConversions(assignment.Value), known, data);
                }
            },
            OperationKind.SimpleAssignment);
    }

    private static void Analyze(OperationAnalysisContext context, IOperation? name, KnownSymbols known, SensitiveData data)
    {
        if (name is not null && IsBuiltFromData(name, known, data, context.Options))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, name.Syntax.GetLocation()));
        }
    }

    private static bool MayBeBuilt(SyntaxNode syntax) => syntax is ExpressionSyntax expression && MayBeBuilt(expression);

    private static bool MayBeBuilt(ExpressionSyntax expression) => expression switch
    {
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.Any(content => content is InterpolationSyntax),
        BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.AddExpression),
        ParenthesizedExpressionSyntax parenthesized => MayBeBuilt(parenthesized.Expression),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Format" or "Concat" or "Join" } } => true,
        _ => false,
    };

    private static bool IsBuiltFromData(IOperation name, KnownSymbols known, SensitiveData data, AnalyzerOptions options)
    {
        if (name.ConstantValue.HasValue)
        {
            return false; // constants, nameof, constant interpolations and concatenations of constants.
        }

        var names = data.NamesFor(options, name.Syntax.SyntaxTree, Rule.Id);
        return name switch
        {
            IInterpolatedStringOperation interpolated => interpolated.Parts.OfType<IInterpolationOperation>().Any(hole => IsData(hole.Expression, known, data, names, 0)),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => binary.Type?.SpecialType == SpecialType.System_String
                && (IsData(binary.LeftOperand, known, data, names, 0) || IsData(binary.RightOperand, known, data, names, 0)),
            IInvocationOperation invocation => invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_String
                && invocation.TargetMethod.Name is "Format" or "Concat" or "Join"
                && invocation.Arguments.Any(argument => IsData(argument.Value, known, data, names, 0) || IsSequence(argument)),
            _ => false,
        };
    }

    /// <summary>
    /// Whether a part of a name varies with the data: an id, a url, a number, a date, a person's or a secret value,
    /// free text; or a string built from such parts. Bounded parts and plain words (an operation, a table) are not.
    /// </summary>
    private static bool IsData(IOperation? part, KnownSymbols known, SensitiveData data, SensitiveNames names, int depth)
    {
        part = TelemetryCalls.Unwrap(part);
        if (part is null || depth > 3 || part.ConstantValue.HasValue || BoundedValues.IsBoundedType(part.Type))
        {
            return false;
        }

        if (data.Find(part, names) is not null)
        {
            return true;
        }

        switch (part)
        {
            case IArrayCreationOperation { Initializer: { } elements }:
                return elements.ElementValues.Any(element => IsData(element, known, data, names, depth + 1));
            case IInterpolatedStringOperation interpolated:
                return interpolated.Parts.OfType<IInterpolationOperation>().Any(hole => IsData(hole.Expression, known, data, names, depth + 1));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return IsData(binary.LeftOperand, known, data, names, depth + 1) || IsData(binary.RightOperand, known, data, names, depth + 1);
            case IConditionalOperation conditional:
                return IsData(conditional.WhenTrue, known, data, names, depth + 1) || IsData(conditional.WhenFalse, known, data, names, depth + 1);
            case ICoalesceOperation coalesce:
                return IsData(coalesce.Value, known, data, names, depth + 1) || IsData(coalesce.WhenNull, known, data, names, depth + 1);
            case ISwitchExpressionOperation switchExpression:
                return switchExpression.Arms.Any(arm => IsData(arm.Value, known, data, names, depth + 1));
            case IFieldReferenceOperation { Field.IsConst: true } or IFieldReferenceOperation { Field.IsStatic: true, Field.IsReadOnly: true }:
                return false;
            case IPropertyReferenceOperation property when BoundedValues.IsCodeName(property.Property, known):
                return false; // typeof(TContext).Name
            case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0 } toString when BoundedValues.IsBoundedType(toString.Instance?.Type):
                return false;
            case ILocalReferenceOperation local when Writes(local) is { } writes:
                return writes.Any(write => IsData(write, known, data, names, depth + 1));
        }

        if (BoundedValues.IsUnboundedType(part.Type, known) && part.Type?.SpecialType is not (SpecialType.System_String or SpecialType.System_Object))
        {
            return true; // a Guid, a date, a Uri, an IP address, a floating-point number
        }

        if (part.Type?.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_UInt64)
        {
            return true; // a number: a count, a page, an id
        }

        string? word = part is IInvocationOperation invocation ? invocation.TargetMethod.Name : TelemetryCalls.ReferencedName(part);
        return word is null
            || BoundedValues.IsUnboundedName(word)
            || SensitiveNames.IsPersonal(word)
            || IdentifierWords.Split(word).Any(s_dataWords.Contains);
    }

    /// <summary>A collection passed whole (<c>string.Join("/", parts)</c>): any number of parts, none of them in sight.</summary>
    private static bool IsSequence(IArgumentOperation argument) =>
        argument.ArgumentKind != ArgumentKind.ParamArray
        && TelemetryCalls.Unwrap(argument.Value).Type is { SpecialType: not SpecialType.System_String } type
        && type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);

    /// <summary>Every value written to a local in its method (<c>var operation = kind switch { ... }</c>), or null when one is unknown.</summary>
    private static ImmutableArray<IOperation>? Writes(ILocalReferenceOperation local)
    {
        var root = local.Parent;
        while (root?.Parent is not null)
        {
            root = root.Parent;
        }

        var writes = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var operation in root?.Descendants() ?? [])
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local):
                    if (declarator.GetVariableInitializer() is { } initializer)
                    {
                        writes.Add(initializer.Value);
                    }

                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local.Local):
                    writes.Add(assignment.Value);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local.Local):
                    return null; // += and friends
                case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref, Value: ILocalReferenceOperation passed } when SymbolEqualityComparer.Default.Equals(passed.Local, local.Local):
                    return null;
            }
        }

        return writes.Count > 0 ? writes.ToImmutable() : null;
    }
}
