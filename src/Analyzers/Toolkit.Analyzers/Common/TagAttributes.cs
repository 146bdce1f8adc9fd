using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Toolkit.Analyzers.Common;

/// <summary>Reads <c>[Tag]</c> the way the generator does: its key, whether it reaches metrics, the value it tags.</summary>
internal static class TagAttributes
{
    /// <summary>The tag's key: its name argument, else the parameter's name (<c>result</c> for a return value).</summary>
    public static string Key(AttributeData tag, string defaultKey) =>
        tag.ConstructorArguments.Length > 0 && tag.ConstructorArguments[0].Value is string { Length: > 0 } name ? name : defaultKey;

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

    /// <summary>Whether the tag stays off metrics: <c>SpanOnly = true</c>.</summary>
    public static bool IsSpanOnly(AttributeData tag)
    {
        foreach (var argument in tag.NamedArguments)
        {
            if (argument.Key == "SpanOnly" && argument.Value.Value is true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tagged value of an awaitable: <c>T</c> of <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public static ITypeSymbol ResultType(IMethodSymbol method) =>
        method.ReturnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
            && named.Name is "Task" or "ValueTask"
            ? named.TypeArguments[0]
            : method.ReturnType;
}
