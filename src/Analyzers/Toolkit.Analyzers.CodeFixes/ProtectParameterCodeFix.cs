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
using Microsoft.CodeAnalysis.Simplification;
using Toolkit.Analyzers.Rules;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>
/// "Mark [Hashed]" / "Mark [Redacted]" (TK2002 on a <c>[BusinessEvent]</c> parameter, TK2004 on a <c>[Tag]</c>
/// parameter): the generator then emits a keyed hash, or a placeholder in logs and nothing on spans and metrics.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProtectParameterCodeFix)), Shared]
public sealed class ProtectParameterCodeFix : CodeFixProvider
{
    private const string HashTitle = "Mark [Hashed]";
    private const string RedactTitle = "Mark [Redacted]";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(UnprotectedLogParameterAnalyzer.Rule.Id, SensitiveDataInSpanAnalyzer.Rule.Id);

    // One pass per document, so the using directive is added once rather than by every fix.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        string attribute = context.CodeActionEquivalenceKey == RedactTitle ? "Redacted" : "Hashed";
        var parameters = new List<ParameterSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Find(root, diagnostic) is { } parameter)
            {
                parameters.Add(parameter);
            }
        }

        root = root.ReplaceNodes(parameters, (_, rewritten) => Protect(rewritten, attribute));
        return await ToolkitImports.AddAsync(document.WithSyntaxRoot(root), context.CancellationToken).ConfigureAwait(false);
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
            if (Find(root, diagnostic) is not { } parameter)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(HashTitle, ct => AddAsync(context.Document, root, parameter, "Hashed", ct), HashTitle), diagnostic);
            context.RegisterCodeFix(CodeAction.Create(RedactTitle, ct => AddAsync(context.Document, root, parameter, "Redacted", ct), RedactTitle), diagnostic);
        }
    }

    private static ParameterSyntax? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        bool applies = diagnostic.Properties.ContainsKey(UnprotectedLogParameterAnalyzer.ToolkitProperty)
            || diagnostic.Properties.ContainsKey(SensitiveDataInSpanAnalyzer.ParameterProperty);
        return applies ? root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ParameterSyntax>() : null;
    }

    private static Task<Document> AddAsync(Document document, SyntaxNode root, ParameterSyntax parameter, string attribute, CancellationToken cancellationToken) =>
        ToolkitImports.AddAsync(document.WithSyntaxRoot(root.ReplaceNode(parameter, Protect(parameter, attribute))), cancellationToken);

    /// <summary>Adds the attribute to the parameter's last attribute list (<c>[Tag("..."), Hashed]</c>) or a new one.</summary>
    private static ParameterSyntax Protect(ParameterSyntax parameter, string attribute)
    {
        var name = ParseName("global::Toolkit." + attribute).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        if (parameter.AttributeLists.Count == 0)
        {
            var list = AttributeList(SingletonSeparatedList(Attribute(name))).WithTrailingTrivia(Space);
            return parameter.WithoutLeadingTrivia().AddAttributeLists(list.WithLeadingTrivia(parameter.GetLeadingTrivia()));
        }

        var last = parameter.AttributeLists.Last();
        return parameter.ReplaceNode(last, last.AddAttributes(Attribute(name)));
    }
}
