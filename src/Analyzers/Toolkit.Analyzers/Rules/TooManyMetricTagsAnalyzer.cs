using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Common;
using Toolkit.Generators.Parsing;
using static Toolkit.Analyzers.Common.MetricInstruments;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK3004: more metric tags on one measurement than the configured cap. Series multiply across tags, so even
/// bounded tags add up: ten tags of five values each allow ten million series.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs in the compiler inside SharedRulesAnalyzer")]
public sealed class TooManyMetricTagsAnalyzer : ToolkitAnalyzer
{
    public const string MaxTagsOption = "max_tags_per_instrument";
    public const int DefaultMaxTags = 8;

    public static readonly DiagnosticDescriptor Rule = new(
        "TK3004",
        "Too many metric tags on one instrument",
        "'{0}' records {1} metric tags, more than {2}: keep the ones dashboards group by and make the others span-only",
        RuleCategories.Cardinality,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A metric has one time series per combination of tag values, so each further tag multiplies their number.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.Tag is not null)
        {
            start.RegisterSymbolAction(context => AnalyzeType(context, known), SymbolKind.NamedType);
        }

        if (known.Meter is not null && known.KeyValuePair is not null)
        {
            SharedActions.RegisterInvocationAction(start, context => AnalyzeMeasurement(context, known), "Add", "Record");
        }
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownSymbols known)
    {
        foreach (var member in ((INamedTypeSymbol)context.Symbol).GetMembers())
        {
            if (member is IMethodSymbol method && CountGenerated(method, known) is > 0 and var count && !method.Locations.IsEmpty)
            {
                var location = method.Locations[0];
                int max = RuleOptions.GetInt(context.Options, location.SourceTree!, Rule.Id, MaxTagsOption, DefaultMaxTags);
                if (count > max)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, location, method.Name, count, max));
                }
            }
        }
    }

    /// <summary>
    /// The tags the generator puts on the method's widest instrument: <c>code.function.name</c>, the non-span-only
    /// <c>[Tag]</c>s and, for <c>[Timed]</c> and <c>[Counted]</c>, the result's tag and <c>error.type</c>. Zero without metrics.
    /// </summary>
    private static int CountGenerated(IMethodSymbol method, KnownSymbols known)
    {
        var tags = TagAttributes.MetricTags(method, known, out bool measuresCompletion);
        if (tags is null)
        {
            return 0;
        }

        int metricTags = tags.Count(tag => !Symbols.IsSpanOnly(tag.Attribute));
        return 1 + metricTags + (measuresCompletion ? 1 : 0);
    }

    private static void AnalyzeMeasurement(OperationAnalysisContext context, KnownSymbols known)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!IsMeasurement(invocation.TargetMethod, known))
        {
            return;
        }

        int count = 0;
        foreach (var argument in invocation.Arguments)
        {
            var type = argument.Parameter?.Type;
            count += KnownSymbols.Is(type, known.KeyValuePair) ? 1
                : IsTagCollection(type, known) ? CountTags(argument.Value, known)
                : KnownSymbols.Is(type, known.TagList) && TelemetryCalls.Unwrap(argument.Value) is IObjectCreationOperation tagList ? CountTags(tagList, known)
                : 0;
        }

        int max = RuleOptions.GetInt(context.Options, invocation.Syntax.SyntaxTree, Rule.Id, MaxTagsOption, DefaultMaxTags);
        if (count > max)
        {
            string name = invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name;
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), name, count, max));
        }
    }

    /// <summary>The tags visible in an array, span or collection expression, or in a <c>new TagList { ... }</c>.</summary>
    private static int CountTags(IOperation tags, KnownSymbols known)
    {
        tags = TelemetryCalls.Unwrap(tags);
        if (tags is IArrayCreationOperation array)
        {
            return array.Initializer?.ElementValues.Length ?? 0;
        }

        int count = 0;
        if (tags is IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                count += IsTagCollection(argument.Parameter?.Type, known) ? CountTags(argument.Value, known) : 0;
            }

            return count + (creation.Initializer?.Initializers.Length ?? 0);
        }

        foreach (var child in tags.ChildOperations)
        {
            if (KnownSymbols.Is(TelemetryCalls.Unwrap(child).Type, known.KeyValuePair))
            {
                count++;
            }
        }

        return count;
    }
}
