using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Common;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK4003: a histogram in seconds that cannot show its data. The SDK's default buckets (0, 5, 10, 25 ... 10000) were
/// chosen for milliseconds, so without bucket advice every sub-five-second duration lands in the first two buckets;
/// and a value in milliseconds recorded into a seconds histogram is off by a factor of 1000.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs in the compiler inside SharedRulesAnalyzer")]
public sealed class SecondsHistogramAnalyzer : ToolkitAnalyzer
{
    /// <summary>Set when bucket advice can be added: the histogram's value type.</summary>
    public const string AdviceKey = "Advice";

    /// <summary>Set when the value can be rewritten in seconds: "TotalSeconds" or "Elapsed.TotalSeconds".</summary>
    public const string ReplacementKey = "Replacement";

    public static readonly DiagnosticDescriptor Rule = new(
        "TK4003",
        "Seconds histogram without second-scale buckets or values",
        "Histogram '{0}' has unit 's' but {1}",
        RuleCategories.TelemetryApi,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The SDK's default histogram buckets (0 to 10000) are meant for milliseconds: a histogram with unit 's' needs second-scale boundaries, given as InstrumentAdvice when it is created, and must be given values in seconds.");

    private const string NoAdvice = "no bucket advice, so the default millisecond buckets put every value in the first bucket: pass 'advice' with HistogramBucketBoundaries in seconds";
    private const string Milliseconds = "this value is in milliseconds: record seconds (TimeSpan.TotalSeconds, Stopwatch.Elapsed.TotalSeconds)";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.Meter is null || known.Histogram is null)
        {
            return;
        }

        // Whether a histogram field or property was created in seconds, decided once per member.
        var inSeconds = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        SharedActions.RegisterInvocationAction(
            start,
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (method.Name == "CreateHistogram" && KnownSymbols.Is(method.ContainingType, known.Meter))
                {
                    AnalyzeCreation(context, invocation, known);
                }
                else if (method.Name == "Record" && KnownSymbols.Is(method.ContainingType, known.Histogram))
                {
                    AnalyzeRecord(context, invocation, known, inSeconds);
                }
            },
            "CreateHistogram",
            "Record");
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, IInvocationOperation invocation, KnownSymbols known)
    {
        var unit = TelemetryCalls.ExplicitValue(TelemetryCalls.Argument(invocation, "unit"));
        if (TelemetryCalls.ConstantString(unit) != "s")
        {
            return;
        }

        var advice = TelemetryCalls.ExplicitValue(TelemetryCalls.Argument(invocation, "advice"));
        if (advice is null || advice.ConstantValue is { HasValue: true, Value: null })
        {
            string name = TelemetryCalls.ConstantString(TelemetryCalls.ExplicitValue(TelemetryCalls.Argument(invocation, "name"))) ?? "?";

            // The fix writes InstrumentAdvice<double> (.NET 9 and later) with fractional boundaries.
            var properties = known.InstrumentAdvice is not null && invocation.TargetMethod.TypeArguments[0].SpecialType == SpecialType.System_Double
                ? ImmutableDictionary<string, string?>.Empty.Add(AdviceKey, "double")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(Rule, unit!.Syntax.GetLocation(), properties, name, NoAdvice));
        }
    }

    private static void AnalyzeRecord(OperationAnalysisContext context, IInvocationOperation invocation, KnownSymbols known, ConcurrentDictionary<ISymbol, bool> inSeconds)
    {
        var histogram = invocation.Instance switch
        {
            IFieldReferenceOperation field => (ISymbol)field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        var value = TelemetryCalls.ExplicitValue(TelemetryCalls.Argument(invocation, "value"));
        if (histogram is null || value is null || !IsMilliseconds(TelemetryCalls.Unwrap(value), known, out string? replacement))
        {
            return;
        }

        if (!inSeconds.GetOrAdd(histogram, static member => IsCreatedInSeconds(member)))
        {
            return;
        }

        // The rewrite gives a double, which only a Histogram<double> takes as it is.
        var properties = replacement is not null && invocation.TargetMethod.ContainingType.TypeArguments[0].SpecialType == SpecialType.System_Double
            ? ImmutableDictionary<string, string?>.Empty.Add(ReplacementKey, replacement)
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), properties, histogram.Name, Milliseconds));
    }

    private static bool IsMilliseconds(IOperation value, KnownSymbols known, out string? replacement)
    {
        replacement = null;
        switch (value)
        {
            case IPropertyReferenceOperation { Property.Name: "TotalMilliseconds" } property when KnownSymbols.Is(property.Property.ContainingType, known.TimeSpan):
                replacement = "TotalSeconds";
                return true;
            case IPropertyReferenceOperation { Property.Name: "Milliseconds" } property when KnownSymbols.Is(property.Property.ContainingType, known.TimeSpan):
                return true;
            case IPropertyReferenceOperation { Property.Name: "ElapsedMilliseconds" } property when KnownSymbols.Is(property.Property.ContainingType, known.Stopwatch):
                replacement = "Elapsed.TotalSeconds";
                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } binary:
                return IsThousand(binary.LeftOperand) || IsThousand(binary.RightOperand);
            default:
                return false;
        }
    }

    private static bool IsThousand(IOperation operand) =>
        operand.ConstantValue is { HasValue: true, Value: { } constant }
        && constant is int or long or double or float or decimal
        && System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture) == 1000;

    /// <summary>
    /// Finds, in syntax, the <c>CreateHistogram(...)</c> that initializes the member, either in its declaration or by
    /// an assignment in a constructor, and reads its unit. The declaring syntax is enough here and costs no binding.
    /// </summary>
    private static bool IsCreatedInSeconds(ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value,
                _ => null,
            };
            if (initializer is not null)
            {
                return HasSecondsUnit(initializer);
            }
        }

        foreach (var constructor in member.ContainingType.InstanceConstructors.AddRange(member.ContainingType.StaticConstructors))
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax assignment && AssignedName(assignment.Left) == member.Name)
                    {
                        return HasSecondsUnit(assignment.Right);
                    }
                }
            }
        }

        return false;
    }

    private static string? AssignedName(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } access => access.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Whether the expression is <c>meter.CreateHistogram&lt;T&gt;(name, "s", ...)</c> or names <c>unit: "s"</c>.</summary>
    internal static bool HasSecondsUnit(ExpressionSyntax expression)
    {
        if (expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateHistogram" } } invocation)
        {
            return false;
        }

        var arguments = invocation.ArgumentList.Arguments;
        for (int i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            bool isUnit = argument.NameColon is { } nameColon ? nameColon.Name.Identifier.ValueText == "unit" : i == 1;
            if (isUnit)
            {
                return argument.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText == "s";
            }
        }

        return false;
    }
}
