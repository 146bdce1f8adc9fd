using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Generators.Parsing;

/// <summary>Symbol helpers the parsers share, and the analyzers with them (linked into Toolkit.Analyzers).</summary>
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

    /// <summary>Whether one of the type's declarations says <c>partial</c>, as the generator needs to add to it.</summary>
    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>A <c>[Tag]</c>'s key: its name argument, else <paramref name="defaultKey"/> (the parameter's name, or <c>result</c>).</summary>
    public static string TagKey(AttributeData tag, string defaultKey) =>
        tag.ConstructorArguments.Length > 0 && tag.ConstructorArguments[0].Value is string { Length: > 0 } name ? name : defaultKey;

    /// <summary>Whether a <c>[Tag]</c> stays off metrics: <c>SpanOnly = true</c>.</summary>
    public static bool IsSpanOnly(AttributeData tag) =>
        tag.NamedArguments.Any(a => a.Key == "SpanOnly" && a.Value.Value is true);
}
