using System.Collections.Immutable;
using System.Composition;
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

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            bool applies = diagnostic.Properties.ContainsKey(UnprotectedLogParameterAnalyzer.ToolkitProperty)
                || diagnostic.Properties.ContainsKey(SensitiveDataInSpanAnalyzer.ParameterProperty);
            if (!applies || root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ParameterSyntax>() is not { } parameter)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(HashTitle, ct => AddAsync(context.Document, parameter, "Hashed", ct), HashTitle), diagnostic);
            context.RegisterCodeFix(CodeAction.Create(RedactTitle, ct => AddAsync(context.Document, parameter, "Redacted", ct), RedactTitle), diagnostic);
        }
    }

    private static async Task<Document> AddAsync(Document document, ParameterSyntax parameter, string attribute, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var name = ParseName("global::Toolkit." + attribute).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var list = AttributeList(SingletonSeparatedList(Attribute(name))).WithTrailingTrivia(Space);

        // After the attributes already there ([Tag("...")] [Hashed] string email), before any modifier.
        var updated = parameter.AttributeLists.Count == 0
            ? parameter.WithoutLeadingTrivia().AddAttributeLists(list.WithLeadingTrivia(parameter.GetLeadingTrivia()))
            : parameter.AddAttributeLists(list);
        return await ToolkitImports.AddAsync(document.WithSyntaxRoot(root!.ReplaceNode(parameter, updated)), cancellationToken).ConfigureAwait(false);
    }
}
