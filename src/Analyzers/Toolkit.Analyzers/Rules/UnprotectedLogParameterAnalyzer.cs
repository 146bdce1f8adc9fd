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
        // The user's partial declarations, read per file: a symbol action would get the generated implementation, and a
        // syntax-node action would have the compiler hand over every method of the compilation one by one.
        start.RegisterSemanticModelAction(context =>
        {
            if (GeneratedFiles.IsGenerated(context.SemanticModel.SyntaxTree, context.CancellationToken))
            {
                return;
            }

            // Methods are members of types: the walk never enters a member's body.
            foreach (var node in context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken).DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is MethodDeclarationSyntax declaration)
                {
                    Analyze(context, declaration, data);
                }
            }
        });
    }

    private static void Analyze(SemanticModelAnalysisContext context, MethodDeclarationSyntax declaration, SensitiveData data)
    {
        // Both kinds of logging method are attributed partial declarations: look no further at any other method.
        if (declaration.AttributeLists.Count == 0 || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || declaration.Body is not null || declaration.ExpressionBody is not null)
        {
            return;
        }

        // The declaration only: an implementation part (ours or another generator's) carries the same merged attributes.
        if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { PartialDefinitionPart: null } method)
        {
            return;
        }

        var known = data.Known;
        bool toolkit = KnownSymbols.Find(method, known.BusinessEvent) is not null;
        if (!toolkit && KnownSymbols.Find(method, known.LoggerMessageAttribute) is null)
        {
            return;
        }

        var properties = toolkit ? ImmutableDictionary<string, string?>.Empty.Add(ToolkitProperty, "true") : ImmutableDictionary<string, string?>.Empty;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Locations.IsEmpty || KnownSymbols.Is(parameter.Type, known.ILogger))
            {
                continue;
            }

            var names = data.NamesFor(context.Options, parameter.Locations[0].SourceTree!, Rule.Id);
            if (data.ReasonFor(parameter, names) is { } reason)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, parameter.Locations[0], properties, parameter.Name, method.Name, reason));
            }
        }
    }
}
