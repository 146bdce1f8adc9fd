using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Generators.Parsing;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// Where TK1001's fix moves an annotated method's body, or why it cannot: the one verdict the rule's message and the
/// code fix share, so the fix is offered exactly where the message promises it.
/// </summary>
/// <param name="CoreName">The method that receives the body: <c>&lt;Name&gt;Core</c>, or <c>&lt;Name&gt;Body</c> when the Core name is taken.</param>
/// <param name="Wrapper">For an explicit interface implementation, the private partial method it is made to call.</param>
/// <param name="Obstacle">Why the method cannot be made instrumentable, phrased as advice; null when it can.</param>
internal sealed record BodyMove(string? CoreName, string? Wrapper, string? Obstacle)
{
    public bool CanMove => Obstacle is null;

    /// <summary>The advice TK1001's message ends with.</summary>
    public string Advice => Obstacle
        ?? (Wrapper is null
            ? $"declare it 'partial' and move its body to '{CoreName}'"
            : $"an explicit interface implementation cannot be partial: make it call a private partial method '{Wrapper}' that carries the attributes, with the body in '{CoreName}'");

    public static BodyMove Plan(IMethodSymbol method)
    {
        var syntax = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (syntax is null)
        {
            return Blocked("it has no declaration in source");
        }

        if (IsInExtensionBlock(syntax))
        {
            return Blocked("members of an extension block cannot be partial; declare it as a classic extension method (a 'this' parameter) in a static partial class, or remove the attribute");
        }

        if (syntax.Body is null && syntax.ExpressionBody is null)
        {
            return Blocked(method.ContainingType.TypeKind == TypeKind.Interface
                ? "an interface member has no body to wrap; put the attribute on the implementations"
                : method.IsAbstract ? "an abstract method has no body to wrap; put the attribute on the overrides"
                : "it has no body to wrap; instrument a method that calls it");
        }

        if (method.ContainingType.TypeKind == TypeKind.Interface)
        {
            return Blocked("a default interface method cannot be instrumented; put the attribute on a class's method");
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return Blocked("it returns by reference, which the generated wrapper cannot hold; remove the attribute");
        }

        if (method.ReturnType.IsRefLikeType)
        {
            return Blocked($"it returns the ref struct '{method.ReturnType.Name}', which the generated wrapper cannot hold; remove the attribute");
        }

        var type = method.ContainingType;
        string name = method.Name;
        string? wrapper = null;
        if (method.ExplicitInterfaceImplementations.FirstOrDefault() is { } implemented)
        {
            wrapper = implemented.Name;
            if (!type.GetMembers(wrapper).IsEmpty || wrapper == type.Name)
            {
                return Blocked($"an explicit interface implementation cannot be partial, and '{wrapper}' is taken for the private partial method it would call; write one by hand under another name");
            }

            name = wrapper;
        }

        string core = name + CoreMethods.Suffix;
        if (type.GetMembers(core).IsEmpty)
        {
            return new BodyMove(core, wrapper, null);
        }

        if (wrapper is null && CoreMethods.Find(method, core) is not null)
        {
            return Blocked($"'{core}' already has its signature, so the generated code would wrap it instead of this body; rename '{core}' and move the body there by hand, or remove the attribute");
        }

        string fallback = name + CoreMethods.FallbackSuffix;
        return type.GetMembers(fallback).IsEmpty
            ? new BodyMove(fallback, wrapper, null)
            : Blocked($"'{core}' and '{fallback}' are both taken; rename one of them to free a place for the body");
    }

    private static BodyMove Blocked(string reason) => new(null, null, reason);

    public static bool IsInExtensionBlock(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.Any(reference => IsInExtensionBlock(reference.GetSyntax()));

    // C# 14 extension blocks: 'extension(...)' declarations, known here by their keyword (newer than this Roslyn's API).
    private static bool IsInExtensionBlock(SyntaxNode node) =>
        node.Ancestors().OfType<TypeDeclarationSyntax>().Any(type => type.Keyword.ValueText == "extension");
}
