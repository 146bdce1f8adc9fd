using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Analyzers.Rules;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>
/// TK3001: "Make span-only" sets <c>SpanOnly = true</c> on the <c>[Tag]</c>, so the value stays on the span;
/// "Remove the tag" deletes the attribute (and its list when it was alone there).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HighCardinalityTagCodeFix)), Shared]
public sealed class HighCardinalityTagCodeFix : CodeFixProvider
{
    internal const string MakeSpanOnly = "Make span-only";
    internal const string RemoveTag = "Remove the tag";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(HighCardinalityTagAnalyzer.Rule.Id);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var tags = diagnostics.Select(diagnostic => FindTag(root, diagnostic)).OfType<AttributeSyntax>().Distinct().ToList();
        return tags.Count == 0 ? null : document.WithSyntaxRoot(Fix(root, tags, context.CodeActionEquivalenceKey == RemoveTag));
    });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindTag(root, diagnostic) is { } tag)
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(MakeSpanOnly, _ => Task.FromResult(document.WithSyntaxRoot(Fix(root, [tag], remove: false))), MakeSpanOnly),
                    diagnostic);
                context.RegisterCodeFix(
                    CodeAction.Create(RemoveTag, _ => Task.FromResult(document.WithSyntaxRoot(Fix(root, [tag], remove: true))), RemoveTag),
                    diagnostic);
            }
        }
    }

    private static AttributeSyntax? FindTag(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>();

    private static SyntaxNode Fix(SyntaxNode root, IReadOnlyCollection<AttributeSyntax> tags, bool remove)
    {
        if (!remove)
        {
            return root.ReplaceNodes(tags, (_, current) => WithSpanOnly(current));
        }

        // An attribute alone in its list takes the list ('[return: Tag]' included) with it.
        var removed = tags.Select(tag => tag.Parent is AttributeListSyntax { Attributes.Count: 1 } list ? (SyntaxNode)list : tag);
        return root.RemoveNodes(removed, SyntaxRemoveOptions.KeepNoTrivia)!;
    }

    private static AttributeSyntax WithSpanOnly(AttributeSyntax tag)
    {
        var value = LiteralExpression(SyntaxKind.TrueLiteralExpression);
        var arguments = tag.ArgumentList ?? AttributeArgumentList();
        var existing = arguments.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == "SpanOnly");
        if (existing is not null)
        {
            return tag.ReplaceNode(existing.Expression, value.WithTriviaFrom(existing.Expression));
        }

        var spanOnly = AttributeArgument(value)
            .WithNameEquals(NameEquals(IdentifierName("SpanOnly").WithTrailingTrivia(Space), Token(SyntaxKind.EqualsToken).WithTrailingTrivia(Space)))
            .WithLeadingTrivia(arguments.Arguments.Count > 0 ? TriviaList(Space) : default);
        return tag.WithArgumentList(arguments.AddArguments(spanOnly));
    }
}
