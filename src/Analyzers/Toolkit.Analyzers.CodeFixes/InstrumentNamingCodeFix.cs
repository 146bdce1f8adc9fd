using System.Collections.Immutable;
using System.Composition;
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
/// TK4004: writes the conventional name (lowercase, snake_case, no <c>_total</c>) or UCUM unit in place of the string
/// literal. Offered only when the analyzer could compute it: a unit in the name or a duration in milliseconds needs
/// the recorded values to change too, which no rewrite of the literal can do.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InstrumentNamingCodeFix)), Shared]
public sealed class InstrumentNamingCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "Use the OpenTelemetry name or unit";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(InstrumentNamingAnalyzer.Rule.Id);

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
            if (diagnostic.Properties.TryGetValue(InstrumentNamingAnalyzer.ReplacementKey, out string? replacement) && replacement is not null
                && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                var updated = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(replacement)).WithTriviaFrom(literal);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use '" + replacement + "'",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, updated))),
                        equivalenceKey: EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
