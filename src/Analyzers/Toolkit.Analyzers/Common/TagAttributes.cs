using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Toolkit.Generators.Parsing;

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

    /// <summary>
    /// The <c>[Tag]</c>s the generator puts on a method's metrics, span-only ones included and dropped ones not, or
    /// <see langword="null"/> for a method without metrics. <paramref name="measuresCompletion"/> says whether it is
    /// <c>[Timed]</c> or <c>[Counted]</c>, whose instruments also carry the result's tag and <c>error.type</c>;
    /// <c>[InFlight]</c> adds and removes one with the same tags before the result exists.
    /// </summary>
    public static List<MetricTag>? MetricTags(IMethodSymbol method, KnownSymbols known, out bool measuresCompletion)
    {
        measuresCompletion = KnownSymbols.Find(method, known.Timed) is not null || KnownSymbols.Find(method, known.Counted) is not null;
        if (!measuresCompletion && KnownSymbols.Find(method, known.InFlight) is null)
        {
            return null;
        }

        var tags = new List<MetricTag>();
        foreach (var parameter in method.Parameters)
        {
            if (KnownSymbols.Find(parameter, known.Tag) is { } tag && !IsDropped(known, parameter.GetAttributes(), parameter.Type))
            {
                tags.Add(new MetricTag(tag, parameter.Name, parameter.Name, parameter.Type));
            }
        }

        var (shape, result) = Symbols.ReturnShapeOf(method.ReturnType);
        if (measuresCompletion && Symbols.TaggedResult(shape, result) is { } type)
        {
            var attributes = method.GetReturnTypeAttributes();
            foreach (var tag in attributes)
            {
                if (KnownSymbols.Is(tag.AttributeClass, known.Tag) && !IsDropped(known, attributes, type))
                {
                    tags.Add(new MetricTag(tag, "result", null, type));
                }
            }
        }

        return tags;
    }
}

/// <summary>A <c>[Tag]</c> on a method with metrics.</summary>
/// <param name="Attribute">The attribute.</param>
/// <param name="DefaultKey">Its key when it names none: the parameter's name, or <c>result</c>.</param>
/// <param name="Parameter">The tagged parameter's name; <see langword="null"/> for the return value.</param>
/// <param name="Type">The tagged value's type (a task's result type for the return value).</param>
internal readonly record struct MetricTag(AttributeData Attribute, string DefaultKey, string? Parameter, ITypeSymbol Type);
