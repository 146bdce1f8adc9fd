using System.Linq;
using Microsoft.CodeAnalysis;

namespace Toolkit.Generators.Parsing;

/// <summary>
/// Where an instrumented method's body lives: <c>&lt;Name&gt;Core</c>, or <c>&lt;Name&gt;Body</c> when the type already
/// uses <c>&lt;Name&gt;Core</c> for something else (the common <c>Save</c>/<c>SaveCore</c> pattern). Shared with the
/// analyzers, so the code fix moves a body exactly where the generator will look for it.
/// </summary>
internal static class CoreMethods
{
    public const string Suffix = "Core";

    public const string FallbackSuffix = "Body";

    /// <summary>The body method of <paramref name="method"/>: a matching <c>Core</c>, else a matching <c>Body</c>.</summary>
    public static IMethodSymbol? Find(IMethodSymbol method) =>
        Find(method, method.Name + Suffix) ?? Find(method, method.Name + FallbackSuffix);

    /// <summary>A method named <paramref name="name"/> with the same type parameters, parameters and return type (static if the method is).</summary>
    public static IMethodSymbol? Find(IMethodSymbol method, string name)
    {
        foreach (var member in method.ContainingType.GetMembers(name))
        {
            // A static Core under an instance method is fine: the wrapper calls it the same way.
            if (member is not IMethodSymbol candidate
                || (method.IsStatic && !candidate.IsStatic)
                || candidate.Arity != method.Arity
                || candidate.Parameters.Length != method.Parameters.Length
                || candidate.ReturnsByRef || candidate.ReturnsByRefReadonly)
            {
                continue;
            }

            // Compare with the Core's type parameters replaced by the method's own.
            var core = candidate.Arity == 0 ? candidate : candidate.Construct(method.TypeParameters.CastArray<ITypeSymbol>().ToArray());
            if (!SymbolEqualityComparer.Default.Equals(core.ReturnType, method.ReturnType))
            {
                continue;
            }

            bool parametersMatch = true;
            for (int i = 0; i < core.Parameters.Length && parametersMatch; i++)
            {
                parametersMatch = core.Parameters[i].RefKind == method.Parameters[i].RefKind
                    && SymbolEqualityComparer.Default.Equals(core.Parameters[i].Type, method.Parameters[i].Type);
            }

            if (parametersMatch)
            {
                return candidate;
            }
        }

        return null;
    }
}
