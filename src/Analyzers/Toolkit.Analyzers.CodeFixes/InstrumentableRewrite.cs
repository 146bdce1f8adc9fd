using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Toolkit.Analyzers.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Toolkit.Analyzers.CodeFixes;

/// <summary>
/// One method's rewrite into the shape the generator expands: a bodiless <c>partial</c> declaration keeping the
/// signature callers see, and a Core holding the body. Everything that needs the semantic model is read from the
/// original method up front, so the edit itself is pure syntax.
/// </summary>
internal sealed class InstrumentableRewrite
{
    private readonly MethodDeclarationSyntax _method;
    private readonly BodyMove _move;
    private readonly bool _omitPrivate;
    private readonly List<Placement> _methodAttributes = new();
    private readonly List<bool> _returnAttributes = new();
    private readonly List<List<bool>> _parameterAttributes = new();
    private readonly SyntaxList<TypeParameterConstraintClauseSyntax> _coreConstraints;
    private readonly BlockSyntax? _coreBody;
    private readonly ArrowExpressionClauseSyntax? _coreExpressionBody;

    private InstrumentableRewrite(MethodDeclarationSyntax method, BodyMove move, bool omitPrivate, SyntaxList<TypeParameterConstraintClauseSyntax> constraints, SyntaxNode body)
    {
        _method = method;
        _move = move;
        _omitPrivate = omitPrivate;
        _coreConstraints = constraints;
        _coreBody = body as BlockSyntax;
        _coreExpressionBody = body as ArrowExpressionClauseSyntax;
    }

    /// <summary>Plans the rewrite, or returns null when it would not compile or would change behaviour.</summary>
    public static InstrumentableRewrite? Create(MethodDeclarationSyntax method, IMethodSymbol symbol, BodyMove move, SemanticModel model, bool omitPrivate, CancellationToken cancellationToken)
    {
        SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body is null || !move.CanMove || !DirectivesAreMovable(method, body))
        {
            return null;
        }

        // [CallerMemberName] arguments the compiler filled in would now name the Core: pass the original name instead.
        var callerNames = CallerNameArguments(body, model, cancellationToken);
        if (callerNames is null)
        {
            return null;
        }

        string name = move.Wrapper ?? symbol.Name;
        body = body.ReplaceNodes(callerNames.Keys, (original, rewritten) => rewritten.AddArguments(
            callerNames[original].Select(parameter => Argument(NameColon(IdentifierName(parameter)), default, LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(name)))).ToArray()));

        // Overrides and explicit implementations inherit their constraints; the Core, a new method, must state them.
        var constraints = symbol.IsOverride || symbol.ExplicitInterfaceImplementations.Length > 0
            ? List(symbol.TypeParameters.Select(t => ConstraintOf(t)).OfType<TypeParameterConstraintClauseSyntax>())
            : method.ConstraintClauses;

        var rewrite = new InstrumentableRewrite(method, move, omitPrivate, constraints, body);
        foreach (var list in method.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                var type = model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType;
                if (IsReturnTarget(list))
                {
                    rewrite._returnAttributes.Add(CoreAttributes.KeptOnCore(type));
                }
                else
                {
                    rewrite._methodAttributes.Add(CoreAttributes.OfMethod(type));
                }
            }
        }

        foreach (var parameter in method.ParameterList.Parameters)
        {
            rewrite._parameterAttributes.Add(parameter.AttributeLists.SelectMany(l => l.Attributes)
                .Select(attribute => CoreAttributes.KeptOnCore(model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType))
                .ToList());
        }

        rewrite.Members = rewrite.CreateMembers();
        return rewrite.Members.All(IsBalanced) ? rewrite : null;
    }

    /// <summary>What replaces the method: the declaration and its Core, preceded for an explicit implementation by the call into them.</summary>
    public IReadOnlyList<MemberDeclarationSyntax> Members { get; private set; } = [];

    private IReadOnlyList<MemberDeclarationSyntax> CreateMembers()
    {
        if (_move.Wrapper is null)
        {
            return [CreateDeclaration(_method), CreateCore(_method)];
        }

        // 'void IDisposable.Dispose() => Dispose();' and a private partial 'Dispose' carrying the attributes.
        var modifiers = new[] { Token(SyntaxKind.PrivateKeyword) }.Concat(_method.Modifiers.Select(m => m.WithoutTrivia()))
            .Select(m => m.WithTrailingTrivia(Space));
        var inner = _method
            .WithExplicitInterfaceSpecifier(null)
            .WithIdentifier(Identifier(_move.Wrapper).WithTriviaFrom(_method.Identifier))
            .WithModifiers(TokenList(modifiers))
            .WithReturnType(_method.ReturnType.WithoutLeadingTrivia())
            .WithConstraintClauses(_coreConstraints);
        inner = inner.WithAttributeLists(List(inner.AttributeLists.Select(list => list.WithLeadingTrivia(Indentation(_method)))))
            .WithLeadingTrivia(BlankLineBefore(_method));
        if (inner.AttributeLists.Count > 0)
        {
            inner = inner.WithModifiers(inner.Modifiers.Replace(inner.Modifiers[0], inner.Modifiers[0].WithLeadingTrivia(Indentation(_method))));
        }

        return [CreateForwarder(), CreateDeclaration(inner), CreateCore(inner)];
    }

    private MethodDeclarationSyntax CreateForwarder()
    {
        var arguments = _method.ParameterList.Parameters.Select(p =>
        {
            var refKind = p.Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword) || m.IsKind(SyntaxKind.InKeyword));
            var argument = Argument(IdentifierName(p.Identifier.WithoutTrivia()));
            return refKind == default ? argument : argument.WithRefKindKeyword(Token(refKind.Kind()).WithTrailingTrivia(Space));
        });
        ExpressionSyntax target = _method.TypeParameterList is { } typeParameters
            ? GenericName(Identifier(_move.Wrapper!), TypeArgumentList(SeparatedList<TypeSyntax>(typeParameters.Parameters.Select(t => IdentifierName(t.Identifier.WithoutTrivia())))))
            : IdentifierName(_move.Wrapper!);
        var leading = _method.GetLeadingTrivia();
        var forwarder = RemoveModifier(_method.WithAttributeLists(default), SyntaxKind.AsyncKeyword)
            .WithBody(null)
            .WithExpressionBody(ArrowExpressionClause(InvocationExpression(target, ArgumentList(SeparatedList(arguments))))
                .WithArrowToken(Token(SyntaxKind.EqualsGreaterThanToken).WithLeadingTrivia(Space).WithTrailingTrivia(Space)))
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(_method.GetLastToken().TrailingTrivia));
        forwarder = forwarder.WithParameterList(forwarder.ParameterList.WithoutTrailingTrivia());
        return forwarder.WithLeadingTrivia(leading);
    }

    /// <summary>The public face: same attributes (less those governing only the body), modifiers less <c>async</c>, signature and doc comment; no body.</summary>
    private MethodDeclarationSyntax CreateDeclaration(MethodDeclarationSyntax method)
    {
        var trailing = method.GetLastToken().TrailingTrivia;
        var declaration = RemoveModifier(WithoutCoreOnlyAttributes(method), SyntaxKind.AsyncKeyword);

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
        declaration = declaration.WithModifiers(modifiers).WithBody(null).WithExpressionBody(null);

        // '#else ... #endif' of a signature written per configuration sits before the body: the ';' keeps it.
        var bodyToken = method.Body?.OpenBraceToken ?? method.ExpressionBody!.ArrowToken;
        if (bodyToken.LeadingTrivia.Any(trivia => trivia.IsDirective))
        {
            var directives = bodyToken.LeadingTrivia.Reverse().SkipWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
            return declaration.WithSemicolonToken(Token(TriviaList(directives), SyntaxKind.SemicolonToken, trailing));
        }

        declaration = declaration.WithSemicolonToken(Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(trailing));

        // The token before the body ended with the space or line break that led into it.
        return declaration.ConstraintClauses.Count > 0
            ? declaration.WithConstraintClauses(declaration.ConstraintClauses.Replace(
                declaration.ConstraintClauses.Last(), declaration.ConstraintClauses.Last().WithoutTrailingTrivia()))
            : declaration.WithParameterList(declaration.ParameterList.WithoutTrailingTrivia());
    }

    /// <summary>The body, moved as it is into <c>private [static] [readonly] [unsafe] [async] T NameCore(...)</c>.</summary>
    private MethodDeclarationSyntax CreateCore(MethodDeclarationSyntax method)
    {
        var endOfLine = EndOfLine(method);
        var indentation = Indentation(method);

        var attributeLists = CoreAttributeLists(method).ToList();
        for (int i = 0; i < attributeLists.Count; i++)
        {
            attributeLists[i] = attributeLists[i]
                .WithLeadingTrivia(i == 0 ? BlankLineBefore(method) : indentation)
                .WithTrailingTrivia(endOfLine);
        }

        var modifiers = new List<SyntaxToken>();
        if (!_omitPrivate)
        {
            modifiers.Add(Token(SyntaxKind.PrivateKeyword));
        }

        foreach (var kind in new[] { SyntaxKind.StaticKeyword, SyntaxKind.ReadOnlyKeyword, SyntaxKind.UnsafeKeyword, SyntaxKind.AsyncKeyword })
        {
            if (method.Modifiers.Any(kind))
            {
                modifiers.Add(Token(kind));
            }
        }

        var leading = attributeLists.Count > 0 ? indentation : BlankLineBefore(method);
        for (int i = 0; i < modifiers.Count; i++)
        {
            modifiers[i] = modifiers[i].WithLeadingTrivia(i == 0 ? leading : default).WithTrailingTrivia(Space);
        }

        var returnType = method.ReturnType.WithoutLeadingTrivia();
        if (modifiers.Count == 0)
        {
            returnType = returnType.WithLeadingTrivia(leading);
        }

        var parameters = method.ParameterList.Parameters.Select((parameter, i) => CoreParameter(parameter, _parameterAttributes[i]));
        var parameterList = method.ParameterList.WithParameters(SeparatedList(parameters, method.ParameterList.Parameters.GetSeparators()));
        var constraints = _coreConstraints;
        if (constraints.Count > 0 && constraints != method.ConstraintClauses)
        {
            // Written from symbols: one line with the signature, ending as the signature did.
            var end = method.ConstraintClauses.LastOrDefault()?.GetTrailingTrivia() ?? parameterList.GetTrailingTrivia();
            parameterList = parameterList.WithTrailingTrivia(Space);
            constraints = List(constraints.Select((c, i) => c.WithoutTrivia().WithTrailingTrivia(i == constraints.Count - 1 ? end : TriviaList(Space))));
        }

        return MethodDeclaration(returnType, _move.CoreName!)
            .WithAttributeLists(List(attributeLists))
            .WithIdentifier(Identifier(method.Identifier.LeadingTrivia, _move.CoreName!, method.Identifier.TrailingTrivia))
            .WithModifiers(TokenList(modifiers))
            .WithTypeParameterList(method.TypeParameterList)
            .WithParameterList(parameterList)
            .WithConstraintClauses(constraints)
            .WithBody(_coreBody)
            .WithExpressionBody(_coreExpressionBody)
            .WithSemicolonToken(method.SemicolonToken);
    }

    /// <summary>Method attributes placed on both or on the Core, and the return value's flow annotations.</summary>
    private IEnumerable<AttributeListSyntax> CoreAttributeLists(MethodDeclarationSyntax method)
    {
        int methodIndex = 0, returnIndex = 0;
        foreach (var list in method.AttributeLists)
        {
            bool isReturn = IsReturnTarget(list);
            var kept = list.Attributes.Where(_ => isReturn ? _returnAttributes[returnIndex++] : _methodAttributes[methodIndex++] != Placement.Declaration).ToList();
            if (kept.Count > 0)
            {
                yield return AttributeList(isReturn ? list.Target!.WithoutLeadingTrivia() : null, SeparatedList(kept.Select(a => a.WithoutTrivia())));
            }
        }
    }

    private MethodDeclarationSyntax WithoutCoreOnlyAttributes(MethodDeclarationSyntax method)
    {
        int index = 0;
        var lists = new List<AttributeListSyntax>();
        foreach (var list in method.AttributeLists)
        {
            if (IsReturnTarget(list))
            {
                lists.Add(list);
                continue;
            }

            var removed = list.Attributes.Where(_ => _methodAttributes[index++] == Placement.Core).ToList();
            if (removed.Count < list.Attributes.Count)
            {
                lists.Add(removed.Count == 0 ? list : list.WithAttributes(SeparatedList(list.Attributes.Where(a => !removed.Contains(a)))));
            }
        }

        if (lists.SequenceEqual(method.AttributeLists))
        {
            return method;
        }

        // The first list carried the doc comment and indentation; whatever comes first now takes them.
        var result = method.WithAttributeLists(List(lists));
        return lists.FirstOrDefault() == method.AttributeLists[0] ? result : result.WithLeadingTrivia(method.GetLeadingTrivia());
    }

    /// <summary>
    /// Attributes (<c>[Tag]</c>, <c>[Hashed]</c>, caller info...) and default values belong to the declaration callers
    /// see; the Core keeps the flow annotations its body was written against, and drops <c>this</c>.
    /// </summary>
    private static ParameterSyntax CoreParameter(ParameterSyntax parameter, List<bool> keptAttributes)
    {
        var leading = parameter.GetLeadingTrivia();
        int index = 0;
        var kept = parameter.AttributeLists
            .Select(list => list.WithAttributes(SeparatedList(list.Attributes.Where(_ => keptAttributes[index++]))))
            .ToList()
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

    /// <summary>
    /// The calls in <paramref name="body"/> (lambdas and local functions included, which report the same member name)
    /// that let the compiler fill a <c>[CallerMemberName]</c> parameter, with those parameters; null if one can't be rewritten.
    /// </summary>
    private static Dictionary<ArgumentListSyntax, List<string>>? CallerNameArguments(SyntaxNode body, SemanticModel model, CancellationToken cancellationToken)
    {
        var result = new Dictionary<ArgumentListSyntax, List<string>>();
        foreach (var node in body.DescendantNodes())
        {
            var (arguments, operationArguments) = model.GetOperation(node, cancellationToken) switch
            {
                IInvocationOperation invocation when node is InvocationExpressionSyntax call => (call.ArgumentList, invocation.Arguments),
                IObjectCreationOperation creation when node is BaseObjectCreationExpressionSyntax create => (create.ArgumentList, creation.Arguments),
                _ => (null, default),
            };

            var filled = operationArguments.IsDefaultOrEmpty
                ? []
                : operationArguments
                    .Where(a => a.ArgumentKind == ArgumentKind.DefaultValue && a.Parameter is { } p
                        && p.GetAttributes().Any(d => d.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.CallerMemberNameAttribute"))
                    .Select(a => a.Parameter!.Name)
                    .ToList();
            if (filled.Count == 0)
            {
                continue;
            }

            if (arguments is null)
            {
                return null; // 'new T' without parentheses: rare enough to leave to the user.
            }

            result[arguments] = filled;
        }

        return result;
    }

    /// <summary>
    /// Directives may sit before the method, inside its parameter list, just before its body (a signature written per
    /// configuration) or inside the body: places each half of the rewrite keeps whole.
    /// </summary>
    private static bool DirectivesAreMovable(MethodDeclarationSyntax method, SyntaxNode body)
    {
        int leadingEnd = method.GetFirstToken().SpanStart;
        return method.DescendantTrivia(descendIntoTrivia: false).Where(t => t.IsDirective).All(trivia =>
            trivia.SpanStart < leadingEnd
            || method.ParameterList.FullSpan.Contains(trivia.SpanStart)
            || body.FullSpan.Contains(trivia.SpanStart)
            || method.SemicolonToken.FullSpan.Contains(trivia.SpanStart));
    }

    /// <summary>Whether a new member opens and closes the same number of <c>#if</c> regions, the trivia before it aside.</summary>
    private static bool IsBalanced(MemberDeclarationSyntax member)
    {
        var leading = member.GetLeadingTrivia().Span;
        var directives = member.DescendantTrivia(descendIntoTrivia: false).Where(t => t.IsDirective && !leading.Contains(t.Span)).ToList();
        return directives.Count(t => t.IsKind(SyntaxKind.IfDirectiveTrivia)) == directives.Count(t => t.IsKind(SyntaxKind.EndIfDirectiveTrivia));
    }

    /// <summary>
    /// A type parameter's constraints as the generator writes them, fully qualified and then simplified to the names
    /// the file's usings allow.
    /// </summary>
    private static TypeParameterConstraintClauseSyntax? ConstraintOf(ITypeParameterSymbol parameter)
    {
        var parts = Toolkit.Generators.Parsing.Symbols.ConstraintsOf(parameter);
        if (parts.Count == 0)
        {
            return null;
        }

        var parsed = (MethodDeclarationSyntax)ParseMemberDeclaration($"void M<{parameter.Name}>() where {parameter.Name} : {string.Join(", ", parts)} {{ }}")!;
        return parsed.ConstraintClauses[0].WithoutTrivia().WithAdditionalAnnotations(Simplifier.Annotation);
    }

    private static bool IsReturnTarget(AttributeListSyntax list) => list.Target?.Identifier.IsKind(SyntaxKind.ReturnKeyword) == true;

    private static SyntaxTrivia EndOfLine(MethodDeclarationSyntax method)
    {
        var endOfLine = method.GetLastToken().TrailingTrivia.FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        return endOfLine == default ? CarriageReturnLineFeed : endOfLine;
    }

    private static SyntaxTriviaList Indentation(MethodDeclarationSyntax method)
    {
        var indentation = method.GetLeadingTrivia().LastOrDefault(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia));
        return indentation == default ? default : TriviaList(indentation);
    }

    private static SyntaxTriviaList BlankLineBefore(MethodDeclarationSyntax method) => Indentation(method).Insert(0, EndOfLine(method));

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
}
