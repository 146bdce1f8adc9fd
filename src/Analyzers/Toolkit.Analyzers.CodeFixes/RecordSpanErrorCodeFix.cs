using System.Collections.Immutable;
using System.Linq;
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
/// TK4005: "Set span status to Error" makes the catch record the failure first thing, with <c>SetStatus(Error)</c>
/// and, when the catch names the exception, the <c>error.type</c> tag OpenTelemetry's conventions ask for.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RecordSpanErrorCodeFix)), Shared]
public sealed class RecordSpanErrorCodeFix : CodeFixProvider
{
    private const string Title = "Set span status to Error";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SwallowedExceptionInSpanAnalyzer.Rule.Id);

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
            if (diagnostic.Properties.TryGetValue(SwallowedExceptionInSpanAnalyzer.ActivityKey, out string? activity) && activity is not null
                && root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is CatchClauseSyntax catchClause)
            {
                diagnostic.Properties.TryGetValue(SwallowedExceptionInSpanAnalyzer.ExceptionKey, out string? exception);
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, catchClause, activity, exception, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, CatchClauseSyntax catchClause, string activity, string? exception, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var statusCode = ParseExpression("global::System.Diagnostics.ActivityStatusCode").WithAdditionalAnnotations(Simplifier.Annotation);
        var setStatus = (ExpressionStatementSyntax)ParseStatement(activity + "?.SetStatus(ActivityStatusCode.Error);");
        setStatus = setStatus.ReplaceNode(
            setStatus.DescendantNodes().OfType<IdentifierNameSyntax>().First(name => name.Identifier.ValueText == "ActivityStatusCode"),
            statusCode);

        var statements = exception is null
            ? new StatementSyntax[] { setStatus }
            : new StatementSyntax[] { setStatus, ParseStatement(activity + "?.SetTag(\"error.type\", " + exception + ".GetType().FullName);") };

        var block = catchClause.Block;
        var layout = Layout(block);
        for (int i = 0; i < statements.Length; i++)
        {
            statements[i] = statements[i].WithLeadingTrivia(layout.Leading).WithTrailingTrivia(layout.Trailing);
        }

        var updated = block.WithStatements(block.Statements.InsertRange(0, statements));
        return document.WithSyntaxRoot(root!.ReplaceNode(block, updated));
    }

    /// <summary>
    /// The trivia around each new statement: the indentation of the block's statements (or one level inside its brace)
    /// and a line break, or single spaces when the block is written on one line.
    /// </summary>
    private static (SyntaxTriviaList Leading, SyntaxTriviaList Trailing) Layout(BlockSyntax block)
    {
        var endOfLine = block.OpenBraceToken.TrailingTrivia.FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default)
        {
            return (SyntaxTriviaList.Empty, TriviaList(Space));
        }

        var indentation = block.Statements.Count > 0
            ? block.Statements[0].GetLeadingTrivia().LastOrDefault(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            : default;
        if (indentation == default)
        {
            var brace = block.OpenBraceToken.LeadingTrivia.LastOrDefault(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia));
            indentation = Whitespace(brace.ToString() + "    ");
        }

        return (TriviaList(indentation), TriviaList(endOfLine));
    }
}
