using Microsoft.CodeAnalysis;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// <see cref="Compilation.GetTypeByMetadataName"/>'s answer for a top-level type, found through the compilation's
/// merged namespaces. <c>GetTypeByMetadataName</c> asks every referenced assembly in turn (over 300 in an ASP.NET
/// Core project) and makes a missing-type symbol for each that lacks the name, which made the rules' ~70 lookups a
/// large part of their time per compilation; the merged namespaces are the ones the compiler binds names with, so
/// they are mostly built already, and a namespace that no assembly declares ends the lookup at once.
/// </summary>
internal static class TypeLookup
{
    /// <summary>
    /// The type named <paramref name="metadataName"/> (<c>System.Diagnostics.Metrics.Counter`1</c>): the
    /// compilation's own when it declares one, else the one referenced assembly that does, else (none, or several)
    /// <see langword="null"/>, as <see cref="Compilation.GetTypeByMetadataName"/> answers.
    /// </summary>
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
    {
        INamespaceSymbol? container = compilation.GlobalNamespace;
        int start = 0;
        for (int dot = metadataName.IndexOf('.'); dot >= 0; dot = metadataName.IndexOf('.', start))
        {
            container = Namespace(container, metadataName.Substring(start, dot - start));
            if (container is null)
            {
                return null;
            }

            start = dot + 1;
        }

        string simpleName = metadataName.Substring(start);
        int tick = simpleName.IndexOf('`');
        string name = tick < 0 ? simpleName : simpleName.Substring(0, tick);
        int arity = tick < 0 ? 0 : int.Parse(simpleName.Substring(tick + 1), System.Globalization.CultureInfo.InvariantCulture);

        INamedTypeSymbol? found = null;
        bool ambiguous = false;
        foreach (var type in container.GetTypeMembers(name, arity))
        {
            if (type.MetadataName != simpleName)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
            {
                return type;
            }

            ambiguous |= found is not null;
            found = type;
        }

        return ambiguous ? null : found;
    }

    private static INamespaceSymbol? Namespace(INamespaceSymbol container, string name)
    {
        foreach (var member in container.GetMembers(name))
        {
            if (member is INamespaceSymbol child)
            {
                return child;
            }
        }

        return null;
    }
}
