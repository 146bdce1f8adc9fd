using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Parsing;

/// <summary>
/// What the parser reads from the types around an instrumented method, once per type and compilation rather than
/// once per method: the parser runs for every annotated method on every edit, and a type holds many of them.
/// </summary>
/// <remarks>
/// Keyed on the type symbol, which belongs to one compilation: the next edit's compilation has new symbols, so it
/// never sees a stale entry, and an entry goes away with its compilation.
/// </remarks>
internal sealed class ContainingTypes
{
    private static readonly ConditionalWeakTable<INamedTypeSymbol, ContainingTypes> s_cache = new();

    private ContainingTypes(TypeLocation location, string functionNamePrefix, string spanNamePrefix, INamedTypeSymbol? unsupported)
    {
        Location = location;
        FunctionNamePrefix = functionNamePrefix;
        SpanNamePrefix = spanNamePrefix;
        Unsupported = unsupported;
    }

    /// <summary>Where the generated part goes.</summary>
    public TypeLocation Location { get; }

    /// <summary><c>code.function.name</c> without the method: namespace and containing types with their arity, outermost first.</summary>
    public string FunctionNamePrefix { get; }

    /// <summary>The default span name without the method: containing types outermost first.</summary>
    public string SpanNamePrefix { get; }

    /// <summary>
    /// The innermost type generated code cannot add to (not partial, an extension block or file-local), or
    /// <see langword="null"/> when every containing type can take the generated part.
    /// </summary>
    public INamedTypeSymbol? Unsupported { get; }

    public static ContainingTypes Of(INamedTypeSymbol type) => s_cache.GetValue(type, Create);

    private static ContainingTypes Create(INamedTypeSymbol innermost)
    {
        var chain = new List<ContainingTypeSpec>();
        var metadataNames = new List<string>();
        var names = new List<string>();
        INamedTypeSymbol? unsupported = null;
        for (var type = innermost; type is not null; type = type.ContainingType)
        {
            chain.Insert(0, new ContainingTypeSpec(Declaration(type), TypeName(type)));
            metadataNames.Insert(0, type.MetadataName);
            names.Insert(0, type.Name);
            if (unsupported is null && (!Symbols.IsPartial(type) || type.Name.Length == 0 || type.IsFileLocal))
            {
                unsupported = type;
            }
        }

        var ns = innermost.ContainingNamespace;
        string namespaceName = ns.IsGlobalNamespace ? "" : ns.ToDisplayString();
        if (namespaceName.Length > 0)
        {
            metadataNames.Insert(0, namespaceName);
        }

        string key = innermost.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        return new ContainingTypes(
            new TypeLocation(key, namespaceName, chain.ToEquatableArray()),
            string.Join(".", metadataNames),
            string.Join(".", names),
            unsupported);
    }

    private static string Declaration(INamedTypeSymbol type)
    {
        string keyword = type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        string prefix = (type.TypeKind == TypeKind.Struct && type.IsReadOnly ? "readonly " : "") + (type.IsRefLikeType ? "ref " : "");
        return prefix + "partial " + keyword;
    }

    private static string TypeName(INamedTypeSymbol type)
    {
        if (type.TypeParameters.IsEmpty)
        {
            return Identifiers.Escape(type.Name);
        }

        var parameters = type.TypeParameters.Select(t => t.Variance switch
        {
            VarianceKind.In => "in ",
            VarianceKind.Out => "out ",
            _ => "",
        } + Identifiers.Escape(t.Name));
        return Identifiers.Escape(type.Name) + "<" + string.Join(", ", parameters) + ">";
    }
}
