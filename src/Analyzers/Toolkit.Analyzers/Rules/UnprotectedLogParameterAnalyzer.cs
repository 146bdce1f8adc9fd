using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Toolkit.Analyzers.Common;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK2002: a parameter of a <c>[BusinessEvent]</c> or <c>[LoggerMessage]</c> method whose name or type says it holds a
/// secret or personal data, with nothing that keeps it out of the log (<c>[Hashed]</c>, <c>[Redacted]</c>,
/// <c>[NotLogged]</c>, a data classification).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnprotectedLogParameterAnalyzer : ToolkitAnalyzer
{
    /// <summary>Set on diagnostics where the toolkit's [Hashed]/[Redacted] apply, so the fix is offered.</summary>
    public const string ToolkitProperty = "Toolkit";

    public static readonly DiagnosticDescriptor Rule = new(
        "TK2002",
        "Sensitive parameter of a logging method is not protected",
        "Parameter '{0}' of '{1}' may hold sensitive data ({2}) and is logged as it is: mark it [Hashed], [Redacted] or [NotLogged]",
        RuleCategories.Privacy,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Every parameter of a logging method becomes a property of the log record unless it is hashed, redacted, classified or left out.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    // Microsoft's [LoggerMessage] generator puts [GeneratedCode] on its implementation part, which makes the user's
    // declaration generated code as well: without this the rule would never see a [LoggerMessage] method.
    private protected override bool AnalyzesGeneratedCode => true;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.BusinessEvent is null && known.LoggerMessageAttribute is null)
        {
            return;
        }

        var data = SensitiveData.Create(known);
        // The user's partial declarations, read per file: a symbol action per method would hand over every method of
        // the compilation, one per type would have each type build its member array; the declarations are found by a
        // walk of the members alone (never a body) and only a candidate asks the semantic model.
        start.RegisterSemanticModelAction(context => AnalyzeMembers(context, ((CompilationUnitSyntax)context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken)).Members, data));
    }

    private static void AnalyzeMembers(SemanticModelAnalysisContext context, SyntaxList<MemberDeclarationSyntax> members, SensitiveData data)
    {
        for (int i = 0; i < members.Count; i++)
        {
            switch (members[i])
            {
                // Both kinds of logging method are attributed partial declarations without a body.
                case MethodDeclarationSyntax { AttributeLists.Count: > 0, Body: null, ExpressionBody: null } declaration when declaration.Modifiers.Any(SyntaxKind.PartialKeyword):
                    if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is { IsPartialDefinition: true } method)
                    {
                        Analyze(context, method, data);
                    }

                    break;
                case TypeDeclarationSyntax type:
                    AnalyzeMembers(context, type.Members, data);
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    AnalyzeMembers(context, ns.Members, data);
                    break;
            }
        }
    }

    private static void Analyze(SemanticModelAnalysisContext context, IMethodSymbol method, SensitiveData data)
    {
        var known = data.Known;
        bool toolkit = KnownSymbols.Find(method, known.BusinessEvent) is not null;
        if (!toolkit && KnownSymbols.Find(method, known.LoggerMessageAttribute) is null)
        {
            return;
        }

        // The rule reads generated code for the declarations whose implementation a generator wrote; a declaration
        // that is itself in a generated file is not the user's to fix.
        if (method.Locations.IsEmpty || method.Locations[0].SourceTree is not { } tree || GeneratedFiles.IsGenerated(tree, context.CancellationToken))
        {
            return;
        }

        var properties = toolkit ? ImmutableDictionary<string, string?>.Empty.Add(ToolkitProperty, "true") : ImmutableDictionary<string, string?>.Empty;
        var names = data.NamesFor(context.Options, tree, Rule.Id);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Locations.IsEmpty || KnownSymbols.Is(parameter.Type, known.ILogger))
            {
                continue;
            }

            if (data.ReasonFor(parameter, names) is { } reason)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, parameter.Locations[0], properties, parameter.Name, method.Name, reason));
            }
        }
    }
}
