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
using Microsoft.CodeAnalysis.Simplification;
using Toolkit.Analyzers.Rules;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>
/// TK4002: "Move to a static readonly field" for <c>[using] var meter = new Meter("Shop");</c> with constant arguments:
/// the creation becomes <c>private static readonly Meter s_meter</c> in front of the method, the declaration goes (and
/// with it the per-call <c>Dispose</c>), and the method uses the field. Other shapes (instruments, arguments from the
/// call) need a decision about where the object lives, so they get no fix; nor is there a Fix All, since two methods
/// with the same local name would want the same field.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveToStaticFieldCodeFix)), Shared]
public sealed class MoveToStaticFieldCodeFix : CodeFixProvider
{
    private const string Title = "Move to a static readonly field";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(PerCallTelemetryObjectAnalyzer.Rule.Id);

    public override FixAllProvider? GetFixAllProvider() => null;

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is BaseObjectCreationExpressionSyntax creation
                && creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1 }
                && declarator.Parent.Parent is LocalDeclarationStatementSyntax { Parent: BlockSyntax } statement
                && !statement.IsConst
                && statement.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { Parent: TypeDeclarationSyntax type } member
                && type is not InterfaceDeclarationSyntax
                && HasConstantArguments(creation, model, context.CancellationToken)
                && model.GetTypeInfo(creation, context.CancellationToken).Type is { } createdType
                && model.GetDeclaredSymbol(declarator, context.CancellationToken) is ILocalSymbol local
                && FieldName(local.Name) is var fieldName
                && model.GetDeclaredSymbol(type, context.CancellationToken)?.GetMembers(fieldName).IsEmpty == true)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, statement, creation, member, createdType, local, fieldName, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static bool HasConstantArguments(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken) =>
        creation.Initializer is null
        && (creation.ArgumentList?.Arguments.All(argument => model.GetConstantValue(argument.Expression, cancellationToken).HasValue) ?? true);

    /// <summary><c>meter</c> → <c>s_meter</c>, the runtime's naming for private static fields.</summary>
    private static string FieldName(string local) => "s_" + char.ToLowerInvariant(local[0]) + local.Substring(1);

    private static async Task<Document> FixAsync(
        Document document, LocalDeclarationStatementSyntax statement, BaseObjectCreationExpressionSyntax creation, MemberDeclarationSyntax member,
        ITypeSymbol type, ILocalSymbol local, string fieldName, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        foreach (var name in ((BlockSyntax)statement.Parent!).DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
            {
                editor.ReplaceNode(name, IdentifierName(fieldName).WithTriviaFrom(name));
            }
        }

        editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);

        // The field takes the blank lines that led into the member, and one blank line separates the two.
        var leading = member.GetLeadingTrivia();
        int blank = 0;
        while (blank < leading.Count && leading[blank].IsKind(SyntaxKind.EndOfLineTrivia))
        {
            blank++;
        }

        var indentation = leading.LastOrDefault(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia));
        var endOfLine = member.GetLastToken().TrailingTrivia.FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default)
        {
            endOfLine = CarriageReturnLineFeed;
        }

        var fieldLeading = TriviaList(leading.Take(blank));
        if (indentation != default)
        {
            fieldLeading = fieldLeading.Add(indentation);
        }

        var typeSyntax = ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation);
        var field = FieldDeclaration(
                VariableDeclaration(typeSyntax.WithTrailingTrivia(Space))
                    .AddVariables(VariableDeclarator(Identifier(fieldName)).WithInitializer(EqualsValueClause(Token(TriviaList(Space), SyntaxKind.EqualsToken, TriviaList(Space)), creation.WithoutTrivia()))))
            .WithModifiers(TokenList(
                Token(SyntaxKind.PrivateKeyword).WithTrailingTrivia(Space),
                Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(Space),
                Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(Space)))
            .WithLeadingTrivia(fieldLeading)
            .WithTrailingTrivia(endOfLine, endOfLine);

        editor.ReplaceNode(member, (current, _) => current.WithLeadingTrivia(TriviaList(current.GetLeadingTrivia().Skip(blank))));
        editor.InsertBefore(member, field);
        return editor.GetChangedDocument();
    }
}
