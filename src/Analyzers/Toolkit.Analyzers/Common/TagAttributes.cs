using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// Reads <c>[Tag]</c> the way the generator does: whether its value is left out, the value it tags. Its key and
/// <c>SpanOnly</c> come from the generator's own <see cref="Toolkit.Generators.Parsing.Symbols"/>.
/// </summary>
internal static class TagAttributes
{
    /// <summary>A redacted or classified (and not hashed) value: the generator leaves it out, reporting TK1009.</summary>
    public static bool IsDropped(KnownSymbols known, ImmutableArray<AttributeData> attributes, ITypeSymbol type)
    {
        bool dropped = false;
        foreach (var attribute in attributes)
        {
            if (KnownSymbols.Is(attribute.AttributeClass, known.Hashed))
            {
                return false;
            }

            dropped |= KnownSymbols.Is(attribute.AttributeClass, known.Redacted) || known.IsDataClassification(attribute.AttributeClass);
        }

        if (!dropped)
        {
            foreach (var attribute in type.GetAttributes())
            {
                dropped |= known.IsDataClassification(attribute.AttributeClass);
            }
        }

        return dropped;
    }

    /// <summary>The tagged value of an awaitable: <c>T</c> of <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public static ITypeSymbol ResultType(IMethodSymbol method) =>
        method.ReturnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
            && named.Name is "Task" or "ValueTask"
            ? named.TypeArguments[0]
            : method.ReturnType;
}
