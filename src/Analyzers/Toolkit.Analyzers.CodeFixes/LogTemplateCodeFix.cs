using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
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
/// "Use a message template" (TK2003): <c>LogInformation($"Order {order.Id} for {customer}")</c> becomes
/// <c>LogInformation("Order {OrderId} for {Customer}", order.Id, customer)</c>. Offered for regular and verbatim
/// interpolated strings passed as the last argument; concatenations and raw strings are left to the developer.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LogTemplateCodeFix)), Shared]
public sealed class LogTemplateCodeFix : CodeFixProvider
{
    private const string Title = "Use a message template";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(LogTemplateAnalyzer.Rule.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InterpolatedStringExpressionSyntax template
                && template.Parent is ArgumentSyntax { Parent: ArgumentListSyntax arguments } argument
                && arguments.Arguments.Last() == argument
                && template.StringStartToken.Kind() is SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedVerbatimStringStartToken)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(arguments, Rewrite(arguments, argument, template)))), Title),
                    diagnostic);
            }
        }
    }

    private static ArgumentListSyntax Rewrite(ArgumentListSyntax arguments, ArgumentSyntax argument, InterpolatedStringExpressionSyntax template)
    {
        bool verbatim = template.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken);
        var text = new StringBuilder(verbatim ? "@\"" : "\"");
        var values = new List<ArgumentSyntax>();
        var used = new HashSet<string>();
        foreach (var content in template.Contents)
        {
            if (content is InterpolatedStringTextSyntax literal)
            {
                text.Append(literal.TextToken.Text); // already escaped the way a template needs ("{{", "\n")
                continue;
            }

            var hole = (InterpolationSyntax)content;
            text.Append('{').Append(UniqueName(hole.Expression, used));
            if (hole.AlignmentClause is { } alignment)
            {
                text.Append(',').Append(alignment.Value.ToString());
            }

            if (hole.FormatClause is { } format)
            {
                text.Append(':').Append(format.FormatStringToken.Text);
            }

            text.Append('}');
            values.Add(Argument(hole.Expression.WithoutTrivia()));
        }

        text.Append('"');
        var literalTemplate = ParseExpression(text.ToString()).WithTriviaFrom(template);
        var rewritten = arguments.Arguments.Replace(argument, argument.WithExpression(literalTemplate));
        foreach (var value in values)
        {
            rewritten = rewritten.Add(value);
        }

        return arguments.WithArguments(rewritten);
    }

    /// <summary>A placeholder name from the hole: <c>customer</c> → Customer, <c>order.Id</c> → OrderId, <c>GetTotal()</c> → Total.</summary>
    private static string UniqueName(ExpressionSyntax expression, HashSet<string> used)
    {
        var parts = new List<string>();
        for (var current = expression; current is not null;)
        {
            switch (current)
            {
                case IdentifierNameSyntax identifier:
                    parts.Insert(0, identifier.Identifier.ValueText);
                    current = null;
                    break;
                case MemberAccessExpressionSyntax member:
                    parts.Insert(0, member.Name.Identifier.ValueText);
                    current = member.Expression is ThisExpressionSyntax ? null : member.Expression;
                    break;
                case InvocationExpressionSyntax invocation:
                    current = invocation.Expression;
                    break;
                default:
                    parts.Clear();
                    current = null;
                    break;
            }
        }

        string name = parts.Count == 0 ? "Value" : string.Concat(parts.Select(Pascal));
        if (name.Length > 3 && name.StartsWith("Get", System.StringComparison.Ordinal) && char.IsUpper(name[3]))
        {
            name = name.Substring(3);
        }

        string unique = name;
        for (int i = 2; !used.Add(unique); i++)
        {
            unique = name + i;
        }

        return unique;
    }

    private static string Pascal(string name) => name.TrimStart('_', '@') is { Length: > 0 } trimmed ? char.ToUpperInvariant(trimmed[0]) + trimmed.Substring(1) : name;
}
