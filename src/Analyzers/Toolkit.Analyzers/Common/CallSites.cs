using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// Whether a private helper's parameter only ever gets values fixed by the code:
/// <c>void RecordShutdown(string via) => counter.Add(1, new("via", via));</c> called with <c>"signal"</c>,
/// <c>nameof(Stop)</c> and <c>reason.ToString()</c> of an enum is bounded. Only private methods and local functions
/// are judged, and only when their type is declared in one file: every call is then in sight.
/// </summary>
internal sealed class CallSites
{
    private const int MaxDepth = 3;

    private readonly ConcurrentDictionary<IParameterSymbol, bool> _fixed = new(SymbolEqualityComparer.Default);

    public bool AllFixed(IParameterSymbol parameter, IOperation reference, KnownSymbols known) => AllFixed(parameter, reference.SemanticModel, known, 0);

    private bool AllFixed(IParameterSymbol parameter, SemanticModel? model, KnownSymbols known, int depth) =>
        depth <= MaxDepth
        && model is not null
        && parameter.ContainingSymbol is IMethodSymbol method
        && parameter.RefKind == RefKind.None
        && (method.DeclaredAccessibility == Accessibility.Private || method.MethodKind == MethodKind.LocalFunction)
        && _fixed.GetOrAdd(parameter, p => Compute(p, method, model, known, depth));

    private bool Compute(IParameterSymbol parameter, IMethodSymbol method, SemanticModel model, KnownSymbols known, int depth)
    {
        var type = method.ContainingType;
        if (type is null || type.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree != model.SyntaxTree))
        {
            return false;
        }

        int calls = 0;
        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            foreach (var name in declaration.GetSyntax().DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != method.Name)
                {
                    continue;
                }

                var callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : (ExpressionSyntax)name;
                if (callee.Parent is not InvocationExpressionSyntax call || call.Expression != callee)
                {
                    // The method as a delegate (a method group): its callers are out of sight.
                    if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol?.OriginalDefinition, method.OriginalDefinition))
                    {
                        return false;
                    }

                    continue;
                }

                if (model.GetOperation(call) is not IInvocationOperation invocation
                    || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method.OriginalDefinition))
                {
                    continue;
                }

                var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal);
                if (argument is null || (argument.ArgumentKind != ArgumentKind.DefaultValue && !IsFixed(argument.Value, model, known, depth + 1)))
                {
                    return false;
                }

                calls++;
            }
        }

        return calls > 0;
    }

    /// <summary>Constants, enums and their names, static readonly fields, type names, and choices between such values.</summary>
    private bool IsFixed(IOperation? value, SemanticModel model, KnownSymbols known, int depth)
    {
        value = TelemetryCalls.Unwrap(value);
        if (value is null || depth > MaxDepth)
        {
            return false;
        }

        if (value.ConstantValue.HasValue || BoundedValues.IsBoundedType(value.Type))
        {
            return true;
        }

        return value switch
        {
            IConditionalOperation conditional => IsFixed(conditional.WhenTrue, model, known, depth + 1) && IsFixed(conditional.WhenFalse, model, known, depth + 1),
            ICoalesceOperation coalesce => IsFixed(coalesce.Value, model, known, depth + 1) && IsFixed(coalesce.WhenNull, model, known, depth + 1),
            ISwitchExpressionOperation switchExpression => switchExpression.Arms.All(arm => IsFixed(arm.Value, model, known, depth + 1)),
            IFieldReferenceOperation field => field.Field.IsConst || (field.Field.IsStatic && field.Field.IsReadOnly),
            IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0 } toString => BoundedValues.IsBoundedType(toString.Instance?.Type),
            IPropertyReferenceOperation property => BoundedValues.IsCodeName(property.Property, known),
            IParameterReferenceOperation parameter => AllFixed(parameter.Parameter, model, known, depth),
            _ => false,
        };
    }
}
