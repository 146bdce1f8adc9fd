using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Toolkit.Analyzers.Common;
using Toolkit.Generators.Parsing;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK1001/TK1002: a toolkit attribute on a method the generator cannot expand. Reported here rather than by the
/// generator so the IDE can offer the "Make instrumentable" fix and the diagnostic follows pragmas and severities
/// like any analyzer's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotInstrumentableAnalyzer : ToolkitAnalyzer
{
    public static readonly DiagnosticDescriptor MethodNotPartial = new(
        "TK1001",
        "Instrumented method must be a partial declaration",
        "'{0}' has [{1}] but is not a partial method declaration without a body, so it cannot be instrumented: {2}",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The generator only implements partial methods; on any other method the attribute would be silently ignored.");

    public static readonly DiagnosticDescriptor TypeNotPartial = new(
        "TK1002",
        "Containing type must be partial",
        "'{0}' is instrumented but its containing type '{1}' is not declared 'partial'",
        RuleCategories.Usage,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated implementation is a partial declaration of every type that contains the method.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(MethodNotPartial, TypeNotPartial);

    // An annotated method in checked-in template output (T4, *.g.cs) is as uninstrumented as anywhere else; the rule
    // only reports methods carrying a toolkit attribute, so the rest of generated code stays quiet.
    private protected override bool AnalyzesGeneratedCode => true;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.Traced is null)
        {
            return; // Toolkit.Runtime isn't referenced.
        }

        var attributes = known.MethodAttributes;
        var extensionMembers = new ConcurrentDictionary<Location, bool>();
        start.RegisterSymbolAction(context => Analyze(context, attributes, extensionMembers), SymbolKind.Method);
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol?[] attributes, ConcurrentDictionary<Location, bool> extensionMembers)
    {
        var method = (IMethodSymbol)context.Symbol;
        var first = FirstAttribute(method, attributes);
        if (first is null || method.PartialDefinitionPart is not null)
        {
            return; // not ours, or the user-written half of a partial method (the generator reports that, TK1004).
        }

        // An extension block member comes with a static method the compiler derives from it, at the same location.
        bool inExtensionBlock = BodyMove.IsInExtensionBlock(method);
        if (inExtensionBlock && !extensionMembers.TryAdd(method.Locations[0], true))
        {
            return;
        }

        if (!method.IsPartialDefinition || inExtensionBlock)
        {
            string shortName = first.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? first.Name.Substring(0, first.Name.Length - "Attribute".Length) : first.Name;
            context.ReportDiagnostic(Diagnostic.Create(MethodNotPartial, method.Locations[0], method.Name, shortName, BodyMove.Plan(method).Advice));
            return;
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!Symbols.IsPartial(type))
            {
                context.ReportDiagnostic(Diagnostic.Create(TypeNotPartial, method.Locations[0], method.Name, type.Name));
                return;
            }
        }
    }

    private static INamedTypeSymbol? FirstAttribute(IMethodSymbol method, INamedTypeSymbol?[] attributes)
    {
        var applied = method.GetAttributes();
        return attributes.FirstOrDefault(attribute =>
            attribute is not null && applied.Any(data => SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)));
    }
}
