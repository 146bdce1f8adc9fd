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

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>
/// TK3002: "Remove the tag" deletes an unbounded tag from a measurement: a <c>KeyValuePair</c> argument or array
/// element, a <c>TagList</c> collection-initializer element, or a <c>tags.Add(...);</c> statement.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveMetricTagCodeFix)), Shared]
public sealed class RemoveMetricTagCodeFix : CodeFixProvider
{
    internal const string Title = "Remove the tag";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(MetricTagValuesAnalyzer.UnboundedValue.Id);

    // Neighbouring arguments share separators, so all removals in a document are applied at once.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var nodes = diagnostics.Select(diagnostic => FindRemovable(root, diagnostic)).OfType<SyntaxNode>().Distinct().ToList();
        nodes.RemoveAll(node => node is ArgumentSyntax argument && LeavesAmbiguousCall(argument, nodes));
        return nodes.Count == 0 ? null : document.WithSyntaxRoot(root.RemoveNodes(nodes, SyntaxRemoveOptions.KeepNoTrivia)!);
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
            if (FindRemovable(root, diagnostic) is { } node && !(node is ArgumentSyntax argument && LeavesAmbiguousCall(argument, [argument])))
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, _ => Task.FromResult(document.WithSyntaxRoot(root.RemoveNode(node, SyntaxRemoveOptions.KeepNoTrivia)!)), Title),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// <c>Add(1, new("k", v))</c> doesn't compile: a lone target-typed tag fits both the one-tag and the <c>params</c>
    /// overloads. Removals that would leave one are not made.
    /// </summary>
    private static bool LeavesAmbiguousCall(ArgumentSyntax argument, IReadOnlyCollection<SyntaxNode> removed)
    {
        var arguments = ((ArgumentListSyntax)argument.Parent!).Arguments;
        var left = arguments.Where(other => !removed.Contains(other)).ToList();
        return left.Count == 2 && left[1].Expression is ImplicitObjectCreationExpressionSyntax;
    }

    /// <summary>The syntax whose removal takes the tag out and leaves the code compiling, if there is one.</summary>
    private static SyntaxNode? FindRemovable(SyntaxNode root, Diagnostic diagnostic)
    {
        // A tag held in a field or property is reported where it is used: removing that use would drop every tag.
        if (diagnostic.Properties.ContainsKey(MetricTagValuesAnalyzer.HeldInMemberProperty))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node.Parent switch
        {
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } } argument => argument,
            InitializerExpressionSyntax => node,
            ExpressionStatementSyntax statement when node is InvocationExpressionSyntax => statement,
            _ => null,
        };
    }
}
