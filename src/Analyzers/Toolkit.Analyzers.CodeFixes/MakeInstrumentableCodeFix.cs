using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Toolkit.Analyzers.Common;
using Toolkit.Analyzers.Rules;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>
/// "Make instrumentable" (TK1001, TK1002): turns an annotated method into the shape the generator expands. The method
/// keeps its attributes, parameters and doc comment as a bodiless <c>partial</c> declaration; its body moves to a
/// private <c>&lt;Name&gt;Core</c> (see <see cref="InstrumentableRewrite"/>) placed right after it; every containing
/// type is made <c>partial</c>. Not offered where the result would not compile or would behave differently.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeInstrumentableCodeFix)), Shared]
public sealed class MakeInstrumentableCodeFix : CodeFixProvider
{
    private const string Title = "Make instrumentable";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(NotInstrumentableAnalyzer.MethodNotPartial.Id, NotInstrumentableAnalyzer.TypeNotPartial.Id);

    // Fixes in one document share containing types, so they are applied together rather than merged as text.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindFixable(context.Document, root, model, diagnostic, context.CancellationToken) is { } fix)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, [fix], ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var methods = diagnostics
            .Select(diagnostic => FindFixable(document, root, model, diagnostic, context.CancellationToken))
            .Where(fix => fix is not null)
            .Select(fix => fix!.Value)
            .GroupBy(fix => fix.Method)
            .Select(group => group.First())
            .ToList();
        return methods.Count == 0 ? null : await FixAsync(document, methods, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The method a diagnostic is on and its rewrite, when it can be rewritten without guessing; null for TK1002's type-only fix.</summary>
    private static (MethodDeclarationSyntax Method, InstrumentableRewrite? Rewrite)? FindFixable(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var method = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (method?.Parent is not TypeDeclarationSyntax parent || parent is InterfaceDeclarationSyntax
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return null;
        }

        if (diagnostic.Id == NotInstrumentableAnalyzer.TypeNotPartial.Id)
        {
            return (method, null);
        }

        var rewrite = InstrumentableRewrite.Create(method, symbol, BodyMove.Plan(symbol), model, OmitsDefaultAccessibility(document, method.SyntaxTree), cancellationToken);
        return rewrite is null ? null : (method, rewrite);
    }

    /// <summary>Whether the project's style drops <c>private</c> where it is the default (<c>dotnet_style_require_accessibility_modifiers</c>).</summary>
    private static bool OmitsDefaultAccessibility(Document document, SyntaxTree tree) =>
        document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree)
            .TryGetValue("dotnet_style_require_accessibility_modifiers", out string? value)
        && value.Split(':')[0].Trim() is "omit_if_default" or "never";

    private static async Task<Document> FixAsync(Document document, IReadOnlyList<(MethodDeclarationSyntax Method, InstrumentableRewrite? Rewrite)> fixes, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var types = new HashSet<TypeDeclarationSyntax>();
        foreach (var (method, rewrite) in fixes)
        {
            types.UnionWith(method.Ancestors().OfType<TypeDeclarationSyntax>().Where(type => !type.Modifiers.Any(SyntaxKind.PartialKeyword)));
            if (rewrite is not null)
            {
                editor.InsertAfter(method, rewrite.Members.Skip(1));
                editor.ReplaceNode(method, rewrite.Members[0]);
            }
        }

        foreach (var type in types)
        {
            editor.ReplaceNode(type, (current, _) => AddPartial((TypeDeclarationSyntax)current));
        }

        return editor.GetChangedDocument();
    }

    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return type;
        }

        var partial = Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(Space);
        if (type.Modifiers.Count > 0)
        {
            return type.WithModifiers(type.Modifiers.Add(partial));
        }

        // No modifiers: 'partial' goes where the keyword was, taking its indentation.
        var keyword = type.Keyword;
        return type
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
