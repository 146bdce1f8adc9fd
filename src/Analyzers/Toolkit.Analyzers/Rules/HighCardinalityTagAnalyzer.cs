using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Toolkit.Analyzers.Common;
using Toolkit.Generators.Parsing;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK3001: a <c>[Tag]</c> that becomes a metric tag (the method has <c>[Timed]</c>, <c>[Counted]</c> or <c>[InFlight]</c>
/// and the tag is not <c>SpanOnly</c>, or the property tags the instance gauges of its type) while its value is
/// unbounded. Every distinct value is a new time series.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs in the compiler inside SharedRulesAnalyzer")]
public sealed class HighCardinalityTagAnalyzer : ToolkitAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "TK3001",
        "High-cardinality [Tag] on a method with metrics",
        "Tag '{0}' becomes a metric tag of '{1}' but {2}: make it span-only (SpanOnly = true) or remove it",
        RuleCategories.Cardinality,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Each distinct tag value starts a new metric time series; ids, free text, timestamps and urls make their number unbounded. On a span such values are fine.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.Tag is null)
        {
            return; // Toolkit.Runtime isn't referenced.
        }

        // Per type rather than per method: the generated half of a partial method would hide it from a method action.
        start.RegisterSymbolAction(context => AnalyzeType(context, known), SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownSymbols known)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method)
            {
                Analyze(context, known, method);
            }
        }

        AnalyzeGaugeTags(context, known, type);
    }

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols known, IMethodSymbol method)
    {
        ImmutableArray<string> allowed = default;
        foreach (var tag in TagAttributes.MetricTags(method, known, out _) ?? [])
        {
            Check(context, known, method.Name, tag.Attribute, tag.DefaultKey, tag.Parameter, tag.Type, ref allowed);
        }
    }

    /// <summary>A type's <c>[Tag]</c> properties tag every measurement of its instance <c>[Gauge]</c> members.</summary>
    private static void AnalyzeGaugeTags(SymbolAnalysisContext context, KnownSymbols known, INamedTypeSymbol type)
    {
        var gauge = type.GetMembers().FirstOrDefault(m => !m.IsStatic && Symbols.Has(m.GetAttributes(), AttributeNames.Gauge));
        if (gauge is null)
        {
            return;
        }

        ImmutableArray<string> allowed = default;
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (!property.IsStatic && Symbols.Find(property.GetAttributes(), AttributeNames.Tag) is { } tag)
            {
                Check(context, known, gauge.Name, tag, property.Name, property.Name, property.Type, ref allowed);
            }
        }
    }

    private static void Check(
        SymbolAnalysisContext context, KnownSymbols known, string owner, AttributeData tag,
        string defaultKey, string? parameterName, ITypeSymbol type, ref ImmutableArray<string> allowed)
    {
        if (Symbols.IsSpanOnly(tag) || BoundedValues.IsBoundedType(type) || tag.ApplicationSyntaxReference is not { } reference)
        {
            return;
        }

        string key = Symbols.TagKey(tag, defaultKey);
        string? reason = BoundedValues.IsUnboundedType(type, known) ? "'" + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' values are unbounded"
            : BoundedValues.IsUnboundedName(key) ? "its name says it identifies something"
            : parameterName is not null && BoundedValues.IsUnboundedName(parameterName) ? "'" + parameterName + "' says it identifies something"
            : null;
        if (reason is null)
        {
            return;
        }

        if (allowed.IsDefault)
        {
            allowed = RuleOptions.GetList(context.Options, reference.SyntaxTree, Rule.Id, BoundedValues.AllowedTagKeysOption);
        }

        if (!BoundedValues.IsAllowedKey(key, allowed))
        {
            var location = Location.Create(reference.SyntaxTree, reference.Span);
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, key, owner, reason));
        }
    }
}
