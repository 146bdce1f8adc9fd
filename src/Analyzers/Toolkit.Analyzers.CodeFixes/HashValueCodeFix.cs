using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Toolkit.Analyzers.Rules;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>
/// "Use TelemetryRedaction.Hash" (TK2001, TK2004 at a call): replaces the sensitive value by its keyed 8-hex hash,
/// which still correlates records about the same person or secret without revealing it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HashValueCodeFix)), Shared]
public sealed class HashValueCodeFix : CodeFixProvider
{
    private const string Title = "Use TelemetryRedaction.Hash";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(SensitiveDataLoggedAnalyzer.Rule.Id, SensitiveDataInSpanAnalyzer.Rule.Id);

    // One pass per document, so the using directive is added once rather than by every fix.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var values = new List<ExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Find(root, diagnostic) is { } value)
            {
                values.Add(value);
            }
        }

        root = root.ReplaceNodes(values, (_, rewritten) => Hash(rewritten));
        return await ToolkitImports.AddAsync(document.WithSyntaxRoot(root), context.CancellationToken).ConfigureAwait(false);
    });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model?.Compilation.GetTypeByMetadataName("Toolkit.TelemetryRedaction") is null)
        {
            return; // Toolkit.Runtime isn't referenced: nothing to hash with.
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Find(root, diagnostic) is not { } value)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => ToolkitImports.AddAsync(context.Document.WithSyntaxRoot(root.ReplaceNode(value, Hash(value))), ct), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static ExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Properties.ContainsKey(SensitiveDataInSpanAnalyzer.ParameterProperty)
            ? null
            : root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;

    private static InvocationExpressionSyntax Hash(ExpressionSyntax value)
    {
        var method = ParseExpression("global::Toolkit.TelemetryRedaction.Hash")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        return InvocationExpression(method, ArgumentList(SingletonSeparatedList(Argument(value.WithoutTrivia()))))
            .WithTriviaFrom(value);
    }
}
