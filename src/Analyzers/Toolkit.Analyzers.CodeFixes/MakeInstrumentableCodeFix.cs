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
using Microsoft.CodeAnalysis.Editing;
using Toolkit.Analyzers.Rules;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>
/// "Make instrumentable" (TK1001, TK1002): turns an annotated method into the shape the generator expands. The method
/// keeps its attributes, parameters and doc comment as a bodiless <c>partial</c> declaration; its body moves, untouched,
/// to a private <c>&lt;Name&gt;Core</c> placed right after it; every containing type is made <c>partial</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeInstrumentableCodeFix)), Shared]
public sealed class MakeInstrumentableCodeFix : CodeFixProvider
{
    private const string Title = "Make instrumentable";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(NotInstrumentableAnalyzer.MethodNotPartial.Id, NotInstrumentableAnalyzer.TypeNotPartial.Id);

    // Fixes in one document share containing types, so they are applied together rather than merged as text.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

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
            if (FindFixable(root, model, diagnostic, context.CancellationToken) is { } method)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, [method], ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var methods = diagnostics
            .Select(diagnostic => FindFixable(root, model, diagnostic, context.CancellationToken))
            .OfType<MethodDeclarationSyntax>()
            .Distinct()
            .ToList();
        return methods.Count == 0 ? null : await FixAsync(document, methods, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The method a diagnostic is on, when it can be rewritten without guessing.</summary>
    private static MethodDeclarationSyntax? FindFixable(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var method = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (method?.Parent is not TypeDeclarationSyntax parent || parent is InterfaceDeclarationSyntax)
        {
            return null;
        }

        if (diagnostic.Id == NotInstrumentableAnalyzer.TypeNotPartial.Id)
        {
            return method;
        }

        bool hasBody = method.Body is not null || method.ExpressionBody is not null;
        if (!hasBody || method.ExplicitInterfaceSpecifier is not null
            || method.Modifiers.Any(SyntaxKind.ExternKeyword) || method.Modifiers.Any(SyntaxKind.AbstractKeyword)
)
        {
            return null;
        }

        // The Core's name must be free, or the rewrite would collide with (or silently call) an existing method.
        var symbol = model.GetDeclaredSymbol(method, cancellationToken);
        return symbol is null || symbol.ContainingType.GetMembers(symbol.Name + "Core").Any() ? null : method;
    }

    private static async Task<Document> FixAsync(Document document, IReadOnlyList<MethodDeclarationSyntax> methods, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var types = new HashSet<TypeDeclarationSyntax>();
        foreach (var method in methods)
        {
            types.UnionWith(method.Ancestors().OfType<TypeDeclarationSyntax>().Where(type => !type.Modifiers.Any(SyntaxKind.PartialKeyword)));
            if (method.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                continue; // TK1002: only the types need fixing.
            }

            editor.InsertAfter(method, CreateCore(method, CoreConstraints(method, editor.SemanticModel, cancellationToken)));
            editor.ReplaceNode(method, (current, _) => CreateDeclaration((MethodDeclarationSyntax)current));
        }

        foreach (var type in types)
        {
            editor.ReplaceNode(type, (current, _) => AddPartial((TypeDeclarationSyntax)current));
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The public face: same attributes, modifiers (less <c>async</c>), signature and doc comment, no body.</summary>
    private static MethodDeclarationSyntax CreateDeclaration(MethodDeclarationSyntax method)
    {
        var trailing = method.GetLastToken().TrailingTrivia;
        var declaration = RemoveModifier(method, SyntaxKind.AsyncKeyword);

        var modifiers = declaration.Modifiers.Add(Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(Space));

        // A partial method with a return value must state its accessibility; an implicit 'private' becomes explicit.
        if (!modifiers.Any(modifier => SyntaxFacts.IsAccessibilityModifier(modifier.Kind())))
        {
            modifiers = modifiers.Insert(0, Token(SyntaxKind.PrivateKeyword).WithTrailingTrivia(Space));
        }

        // The first modifier carries the declaration's indentation, which sat on the old first modifier or on the return type.
        var indentation = declaration.Modifiers.Count > 0 ? declaration.Modifiers[0].LeadingTrivia : declaration.ReturnType.GetLeadingTrivia();
        if (declaration.Modifiers.Count == 0)
        {
            declaration = declaration.WithReturnType(declaration.ReturnType.WithoutLeadingTrivia());
        }

        modifiers = TokenList(modifiers.Select((modifier, i) => i == 0 ? modifier.WithLeadingTrivia(indentation) : i == 1 ? modifier.WithLeadingTrivia() : modifier));
        declaration = declaration
            .WithModifiers(modifiers)
            .WithBody(null)
            .WithExpressionBody(null)
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(trailing));

        // The token before the body ended with the space or line break that led into it.
        return declaration.ConstraintClauses.Count > 0
            ? declaration.WithConstraintClauses(declaration.ConstraintClauses.Replace(
                declaration.ConstraintClauses.Last(), declaration.ConstraintClauses.Last().WithoutTrailingTrivia()))
            : declaration.WithParameterList(declaration.ParameterList.WithoutTrailingTrivia());
    }

    /// <summary>
    /// The Core's <c>where</c> clauses: the method's own, or for an override, which inherits its constraints and may
    /// only restate <c>class</c>, <c>struct</c> or <c>default</c>, every inherited constraint written out, so the
    /// moved body still binds (<c>a.CompareTo(b)</c> under <c>where T : IComparable&lt;T&gt;</c>).
    /// </summary>
    private static SyntaxList<TypeParameterConstraintClauseSyntax> CoreConstraints(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!method.Modifiers.Any(SyntaxKind.OverrideKeyword) || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return method.ConstraintClauses;
        }

        var clauses = symbol.TypeParameters
            .Select(parameter => (parameter.Name, Constraints: Toolkit.Generators.Parsing.Symbols.ConstraintsOf(parameter)))
            .Where(parameter => parameter.Constraints.Count > 0)
            .Select(parameter => $"where {parameter.Name} : {string.Join(", ", parameter.Constraints)}")
            .ToList();
        if (clauses.Count == 0)
        {
            return default;
        }

        // Parsed from text, then simplified to the names the file's usings allow. The last clause takes over what
        // followed the parameter list (a space before =>, or the line break before a block).
        var parsed = (MethodDeclarationSyntax)ParseMemberDeclaration($"void M() {string.Join(" ", clauses)} {{ }}")!;
        var last = parsed.ConstraintClauses.Count - 1;
        return List(parsed.ConstraintClauses.Select((clause, i) => clause
            .WithLeadingTrivia()
            .WithTrailingTrivia(i == last ? method.ParameterList.GetTrailingTrivia() : TriviaList(Space))
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation)));
    }

    /// <summary>The body, moved as it is into <c>private [static] [async] T NameCore(...)</c>.</summary>
    private static MethodDeclarationSyntax CreateCore(MethodDeclarationSyntax method, SyntaxList<TypeParameterConstraintClauseSyntax> constraints)
    {
        var indentation = method.GetLeadingTrivia().LastOrDefault(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia));
        var endOfLine = method.GetLastToken().TrailingTrivia.FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default)
        {
            endOfLine = CarriageReturnLineFeed;
        }

        var modifiers = new List<SyntaxToken> { Token(SyntaxKind.PrivateKeyword) };
        foreach (var kind in new[] { SyntaxKind.StaticKeyword, SyntaxKind.UnsafeKeyword, SyntaxKind.AsyncKeyword })
        {
            if (method.Modifiers.Any(kind))
            {
                modifiers.Add(Token(kind));
            }
        }

        var leading = indentation == default ? TriviaList(endOfLine) : TriviaList(endOfLine, indentation);
        modifiers[0] = modifiers[0].WithLeadingTrivia(leading);
        for (int i = 0; i < modifiers.Count; i++)
        {
            modifiers[i] = modifiers[i].WithTrailingTrivia(Space);
        }

        var parameters = method.ParameterList.Parameters.Select(CoreParameter);
        var parameterList = method.ParameterList.WithParameters(SeparatedList(parameters, method.ParameterList.Parameters.GetSeparators()));
        if (method.ConstraintClauses.Count == 0 && constraints.Count > 0)
        {
            parameterList = parameterList.WithTrailingTrivia(Space); // the written-out constraints follow
        }

        return MethodDeclaration(method.ReturnType.WithoutLeadingTrivia(), method.Identifier.ValueText + "Core")
            .WithIdentifier(Identifier(method.Identifier.LeadingTrivia, method.Identifier.ValueText + "Core", method.Identifier.TrailingTrivia))
            .WithModifiers(TokenList(modifiers))
            .WithTypeParameterList(method.TypeParameterList)
            .WithParameterList(parameterList)
            .WithConstraintClauses(constraints)
            .WithBody(method.Body)
            .WithExpressionBody(method.ExpressionBody)
            .WithSemicolonToken(method.SemicolonToken);
    }

    /// <summary>
    /// Attributes (<c>[Tag]</c>, <c>[Hashed]</c>, caller info...) and default values belong to the declaration callers
    /// see; the Core keeps only <c>[EnumeratorCancellation]</c>, which must sit on the iterator itself, and drops <c>this</c>.
    /// </summary>
    private static ParameterSyntax CoreParameter(ParameterSyntax parameter)
    {
        var leading = parameter.GetLeadingTrivia();
        var kept = parameter.AttributeLists
            .Select(list => list.WithAttributes(SeparatedList(list.Attributes.Where(attribute => attribute.Name.ToString().Contains("EnumeratorCancellation")))))
            .Where(list => list.Attributes.Count > 0);
        var core = parameter.WithAttributeLists(List(kept));
        if (core.Default is not null)
        {
            core = core.WithIdentifier(core.Identifier.WithTrailingTrivia(core.Default.GetTrailingTrivia())).WithDefault(null);
        }

        int thisIndex = core.Modifiers.IndexOf(SyntaxKind.ThisKeyword);
        if (thisIndex >= 0)
        {
            core = core.WithModifiers(core.Modifiers.RemoveAt(thisIndex));
        }

        return core.WithLeadingTrivia(leading);
    }

    private static MethodDeclarationSyntax RemoveModifier(MethodDeclarationSyntax method, SyntaxKind kind)
    {
        int index = method.Modifiers.IndexOf(kind);
        if (index < 0)
        {
            return method;
        }

        var removed = method.Modifiers[index];
        var modifiers = method.Modifiers.RemoveAt(index);
        if (index == 0 && modifiers.Count > 0)
        {
            modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(removed.LeadingTrivia));
        }
        else if (index == 0)
        {
            return method.WithModifiers(modifiers).WithReturnType(method.ReturnType.WithLeadingTrivia(removed.LeadingTrivia));
        }

        return method.WithModifiers(modifiers);
    }

    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return type;
        }

        var partial = Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(Space);
        if (type.Modifiers.Count > 0)
        {
            return type.WithModifiers(type.Modifiers.Add(partial));
        }

        // No modifiers: 'partial' goes where the keyword was, taking its indentation.
        var keyword = type.Keyword;
        return type
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
