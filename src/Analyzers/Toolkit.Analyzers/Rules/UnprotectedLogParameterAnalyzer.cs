using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
        // Per type, not per method: a partial method's definition is a member of its type (the implementation part,
        // ours or another generator's, is not), and the compiler hands over far fewer types than methods.
        start.RegisterSymbolAction(context => AnalyzeType(context, data), SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context, SensitiveData data)
    {
        foreach (var member in ((INamedTypeSymbol)context.Symbol).GetMembers())
        {
            // Both kinds of logging method are partial declarations: look no further at any other member.
            if (member is IMethodSymbol { IsPartialDefinition: true } method)
            {
                Analyze(context, method, data);
            }
        }
    }

    private static void Analyze(SymbolAnalysisContext context, IMethodSymbol method, SensitiveData data)
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
