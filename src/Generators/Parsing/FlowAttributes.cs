using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Toolkit.Generators.Parsing;

/// <summary>
/// The nullable-analysis attributes a partial declaration promises its callers. Attributes of a partial method's parts
/// merge, so the generated implementation must keep each promise, and it can only pass on what the Core promises it:
/// <c>[NotNull]</c> on a parameter needs the Core's <c>[NotNull]</c>, <c>[DoesNotReturn]</c> the Core's <c>[DoesNotReturn]</c>.
/// </summary>
internal static class FlowAttributes
{
    private const string Namespace = "System.Diagnostics.CodeAnalysis";

    // What the implementation must establish on exit (postconditions), or may receive as null (AllowNull).
    private static readonly string[] s_method = ["DoesNotReturnAttribute", "MemberNotNullAttribute", "MemberNotNullWhenAttribute"];
    private static readonly string[] s_return = ["NotNullAttribute", "NotNullIfNotNullAttribute"];
    private static readonly string[] s_parameter = ["NotNullAttribute", "NotNullWhenAttribute", "NotNullIfNotNullAttribute", "AllowNullAttribute"];
    private static readonly string[] s_parameterNullableCore = ["NotNullAttribute", "NotNullWhenAttribute", "NotNullIfNotNullAttribute"];

    // Conditional postconditions: the compiler tracks them through the bool a call returns, not through a local holding it.
    private static readonly string[] s_doesNotReturn = ["DoesNotReturnAttribute"];

    private static readonly string[] s_conditional = ["NotNullWhenAttribute", "MaybeNullWhenAttribute", "MemberNotNullWhenAttribute"];

    /// <summary>
    /// Each promise of <paramref name="method"/> that <paramref name="core"/> does not make, as (attribute, where), or
    /// <see langword="null"/> when it keeps them all, which is the common case and allocates nothing.
    /// </summary>
    public static List<(string Attribute, string Target)>? Check(IMethodSymbol method, IMethodSymbol core)
    {
        // The Core's attributes are bound only when the declaration has one of these: most methods have none.
        List<(string, string)>? missing = null;
        Compare(method.GetAttributes(), core, static c => c.GetAttributes(), s_method, null, "the method", ref missing);
        Compare(method.GetReturnTypeAttributes(), core, static c => c.GetReturnTypeAttributes(), s_return, null, "the return value", ref missing);
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            var coreParameter = core.Parameters[i];

            // A nullable Core parameter already takes null, as [AllowNull] says.
            var required = parameter.Type.IsReferenceType && coreParameter.NullableAnnotation == NullableAnnotation.Annotated ? s_parameterNullableCore : s_parameter;
            Compare(parameter.GetAttributes(), coreParameter, static p => p.GetAttributes(), required, parameter.Name, null, ref missing);
        }

        return missing;
    }

    public static bool DoesNotReturn(IMethodSymbol method) => HasAny(method.GetAttributes(), s_doesNotReturn);

    /// <summary>Whether the method's <see langword="bool"/> result tells the caller about the state of its parameters or members.</summary>
    public static bool ResultCarriesFlowState(IMethodSymbol method) =>
        method.ReturnType.SpecialType == SpecialType.System_Boolean
        && (HasAny(method.GetAttributes(), s_conditional) || method.Parameters.Any(p => HasAny(p.GetAttributes(), s_conditional)));

    /// <param name="parameter">The parameter's name, for a target built only when a promise is missing.</param>
    private static void Compare<T>(
        ImmutableArray<AttributeData> declared, T core, Func<T, ImmutableArray<AttributeData>> coreAttributes, string[] names, string? parameter, string? target,
        ref List<(string, string)>? missing)
    {
        foreach (var attribute in declared)
        {
            if (attribute.AttributeClass is { } type && Array.IndexOf(names, type.Name) >= 0 && IsFlowNamespace(type)
                && !HasSame(coreAttributes(core), attribute))
            {
                (missing ??= new()).Add((
                    "[" + type.Name.Substring(0, type.Name.Length - "Attribute".Length) + Arguments(attribute) + "]",
                    target ?? "the parameter '" + parameter + "'"));
            }
        }
    }

    private static bool HasAny(ImmutableArray<AttributeData> attributes, string[] names)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } type && Array.IndexOf(names, type.Name) >= 0 && IsFlowNamespace(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSame(ImmutableArray<AttributeData> candidates, AttributeData declared)
    {
        foreach (var candidate in candidates)
        {
            if (SameAttribute(declared, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFlowNamespace(INamedTypeSymbol type) => Symbols.IsNamespace(type.ContainingNamespace, Namespace);

    private static bool SameAttribute(AttributeData declared, AttributeData candidate) =>
        SymbolEqualityComparer.Default.Equals(declared.AttributeClass, candidate.AttributeClass)
        && Arguments(declared) == Arguments(candidate);

    private static string Arguments(AttributeData attribute) =>
        attribute.ConstructorArguments.IsEmpty ? "" : "(" + string.Join(", ", attribute.ConstructorArguments.Select(a => a.ToCSharpString())) + ")";
}
