using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Rules;
using Toolkit.Generators.Parsing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>
/// "Remove the value from the log" (TK2001): drops the argument of an <c>ILogger.Log*</c>/<c>BeginScope</c> call and
/// its placeholder from the message template, so template and arguments still match
/// (<c>("Paid by {Customer} in {Region}", email, region)</c> → <c>("Paid in {Region}", region)</c>). Offered when the
/// template is a plain literal with one placeholder per argument.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveLoggedValueCodeFix)), Shared]
public sealed class RemoveLoggedValueCodeFix : CodeFixProvider
{
    private const string Title = "Remove the value from the log";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SensitiveDataLoggedAnalyzer.Rule.Id);

    // Several values of one call share its template, so the values of a call are removed together.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var calls = new Dictionary<InvocationExpressionSyntax, (LoggingCall Call, HashSet<int> Removed)>();
        foreach (var diagnostic in diagnostics)
        {
            if (Find(root, model, diagnostic, context.CancellationToken) is { } found)
            {
                if (!calls.TryGetValue(found.Call.Syntax, out var entry))
                {
                    entry = (found.Call, new HashSet<int>());
                    calls.Add(found.Call.Syntax, entry);
                }

                entry.Removed.Add(found.Index);
            }
        }

        root = root.ReplaceNodes(calls.Keys, (original, _) => Rewrite(calls[original].Call, calls[original].Removed));
        return document.WithSyntaxRoot(root);
    });

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
            if (Find(root, model, diagnostic, context.CancellationToken) is { } found)
            {
                var rewritten = Rewrite(found.Call, new HashSet<int> { found.Index });
                context.RegisterCodeFix(
                    CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(found.Call.Syntax, rewritten))), Title),
                    diagnostic);
            }
        }
    }

    /// <summary>The logging call a diagnostic's value is a direct argument of, and which of its values it is.</summary>
    private static (LoggingCall Call, int Index)? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
            || value.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax syntax } }
            || model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation)
        {
            return null;
        }

        LiteralExpressionSyntax? template = null;
        var values = new List<ArgumentSyntax>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is "message" or "messageFormat" && argument.Value.Syntax is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.StringLiteralExpression) && !literal.Token.IsVerbatimStringLiteral())
            {
                template = literal;
            }
            else if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                values.AddRange(initializer.ElementValues.Select(element => element.Syntax.Parent).OfType<ArgumentSyntax>());
            }
        }

        int index = values.IndexOf((ArgumentSyntax)value.Parent);
        return template is not null && index >= 0 && MessageTemplates.Holes(template.Token.Text).Count == values.Count
            ? (new LoggingCall(syntax, template, values), index)
            : null;
    }

    private static InvocationExpressionSyntax Rewrite(LoggingCall call, HashSet<int> removed)
    {
        string text = call.Template.Token.Text;
        var builder = new StringBuilder(text);
        var holes = MessageTemplates.Holes(text);
        for (int i = holes.Count - 1; i >= 0; i--)
        {
            if (!removed.Contains(i))
            {
                continue;
            }

            // Take one space with the placeholder, before it if there is one, so no double space is left.
            var (start, length) = holes[i];
            if (start > 1 && builder[start - 1] == ' ')
            {
                start--;
                length++;
            }
            else if (start + length < builder.Length - 1 && builder[start + length] == ' ')
            {
                length++;
            }

            builder.Remove(start, length);
        }

        var template = call.Template.WithToken(ParseToken(builder.ToString()).WithTriviaFrom(call.Template.Token));
        var arguments = call.Syntax.ArgumentList.Arguments;
        var templateArgument = (ArgumentSyntax)call.Template.Parent!;
        var updated = arguments.Replace(templateArgument, templateArgument.WithExpression(template));
        foreach (int position in call.Values.Where((_, i) => removed.Contains(i)).Select(arguments.IndexOf).OrderByDescending(p => p))
        {
            updated = updated.RemoveAt(position);
        }

        return call.Syntax.WithArgumentList(call.Syntax.ArgumentList.WithArguments(updated));
    }

    private sealed record LoggingCall(InvocationExpressionSyntax Syntax, LiteralExpressionSyntax Template, List<ArgumentSyntax> Values);
}
