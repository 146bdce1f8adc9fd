using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Toolkit.Analyzers.Common;

/// <summary>
/// What the code stores in a field or property of its own type: the initializer, assignments, and <c>Add</c> calls on
/// it (a <c>TagList</c> filled in a constructor). Only the declarations in the file being analyzed are read, through
/// the semantic model that produced <paramref name="use"/>; a partial type's other files are out of sight.
/// </summary>
internal static class MemberWrites
{
    public static IEnumerable<IOperation> Of(ISymbol member, IOperation use)
    {
        var model = use.SemanticModel;
        if (model is null || member.ContainingType is not { } type)
        {
            yield break;
        }

        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var initializer = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };
            if (initializer is not null && model.GetOperation(initializer) is { } value)
            {
                yield return value;
            }
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                ExpressionSyntax? target = node switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left,
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } access } => access.Expression,
                    _ => null,
                };
                if (target is null || !Names(target, member.Name)
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target).Symbol, member))
                {
                    continue;
                }

                var operation = node is AssignmentExpressionSyntax written ? model.GetOperation(written.Right) : model.GetOperation(node);
                if (operation is not null)
                {
                    yield return operation;
                }
            }
        }
    }

    // A cheap look at the text before binding: 'tags', 'this.tags', 's_tags'.
    private static bool Names(ExpressionSyntax target, string name) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == name,
        _ => false,
    };
}
