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
/// TK4003: "Add bucket advice" gives a seconds histogram the OpenTelemetry HTTP semantic-convention boundaries;
/// "Record seconds" rewrites <c>x.TotalMilliseconds</c> to <c>x.TotalSeconds</c> and <c>sw.ElapsedMilliseconds</c>
/// to <c>sw.Elapsed.TotalSeconds</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecondsHistogramCodeFix)), Shared]
public sealed class SecondsHistogramCodeFix : CodeFixProvider
{
    private const string AdviceTitle = "Add bucket advice";
    private const string SecondsTitle = "Record seconds";
    private const string Boundaries = "0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SecondsHistogramAnalyzer.Rule.Id);

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (diagnostic.Properties.TryGetValue(SecondsHistogramAnalyzer.AdviceKey, out string? type) && type is not null
                && node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(AdviceTitle, ct => AddAdviceAsync(context.Document, invocation, type, ct), equivalenceKey: AdviceTitle),
                    diagnostic);
            }
            else if (diagnostic.Properties.TryGetValue(SecondsHistogramAnalyzer.ReplacementKey, out string? replacement) && replacement is not null
                && node is MemberAccessExpressionSyntax access)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(SecondsTitle, ct => RecordSecondsAsync(context.Document, access, replacement, ct), equivalenceKey: SecondsTitle),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> AddAdviceAsync(Document document, InvocationExpressionSyntax invocation, string type, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        bool collectionExpressions = invocation.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp12 };
        string boundaries = collectionExpressions ? "[" + Boundaries + "]" : "new " + type + "[] { " + Boundaries + " }";
        var advice = (ObjectCreationExpressionSyntax)ParseExpression(
            "new global::System.Diagnostics.Metrics.InstrumentAdvice<" + type + "> { HistogramBucketBoundaries = " + boundaries + " }");
        advice = advice.WithType(advice.Type.WithAdditionalAnnotations(Simplifier.Annotation));

        var arguments = invocation.ArgumentList.Arguments;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].NameColon is { } nameColon ? nameColon.Name.Identifier.ValueText == "advice" : i == 4)
            {
                // An explicit 'advice: null' is replaced where it stands.
                return document.WithSyntaxRoot(root!.ReplaceNode(arguments[i].Expression, advice.WithTriviaFrom(arguments[i].Expression)));
            }
        }

        var argument = Argument(advice).WithNameColon(NameColon(IdentifierName("advice")));
        var list = arguments.Count == 0
            ? SingletonSeparatedList(argument)
            : SeparatedList<ArgumentSyntax>(arguments.GetWithSeparators().Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space)).Add(argument));
        return document.WithSyntaxRoot(root!.ReplaceNode(invocation, invocation.WithArgumentList(invocation.ArgumentList.WithArguments(list))));
    }

    private static async Task<Document> RecordSecondsAsync(Document document, MemberAccessExpressionSyntax access, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var rewritten = access.Expression.WithoutTrivia();
        foreach (string name in replacement.Split('.'))
        {
            rewritten = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, rewritten, IdentifierName(name));
        }

        return document.WithSyntaxRoot(root!.ReplaceNode(access, rewritten.WithTriviaFrom(access)));
    }
}
