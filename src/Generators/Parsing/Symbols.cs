using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Toolkit.Generators.Parsing;

/// <summary>Symbol helpers the parsers share.</summary>
internal static class Symbols
{
    /// <summary>Fully qualified with nullable annotations: what generated declarations must repeat exactly.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The attribute of the given metadata name (one of <see cref="AttributeNames"/>), if present.</summary>
    public static AttributeData? Find(IEnumerable<AttributeData> attributes, string metadataName)
    {
        int dot = metadataName.LastIndexOf('.');
        string name = metadataName.Substring(dot + 1);
        string ns = metadataName.Substring(0, dot);
        return attributes.FirstOrDefault(a => a.AttributeClass is { } type
            && type.Name == name
            && type.ContainingNamespace?.ToDisplayString() == ns);
    }

    public static bool Has(IEnumerable<AttributeData> attributes, string metadataName) => Find(attributes, metadataName) is not null;
}
