using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Common;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK2003: an <c>ILogger.Log*</c>/<c>BeginScope</c> message built at run time (interpolated or concatenated). The
/// values end up inside an opaque string: they can't be redacted, filtered or queried, and every call allocates.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs in the compiler inside SharedRulesAnalyzer")]
public sealed class LogTemplateAnalyzer : ToolkitAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "TK2003",
        "Log message is built at run time",
        "The log message is {0}: use a message template with named placeholders and pass the values as arguments",
        RuleCategories.Privacy,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A message template keeps values as structured properties that redaction, sinks and queries can see; a string built beforehand hides them and allocates even when the level is off.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        var loggerExtensions = known.LoggerExtensions;
        if (loggerExtensions is not null)
        {
            SharedActions.RegisterInvocationAction(start, context => Analyze(context, loggerExtensions), TelemetryCalls.LoggerExtensionsMethodNames);
        }
    }

    /// <summary>
    /// Text that is one of a fixed few whatever the data: constants, <c>Environment.NewLine</c> and other static
    /// readonly strings, and choices between constants (<c>"backplane " + (reconnected ? "re-connected" : "connected")</c>).
    /// Such a message is a template of its own; no value is hidden in it.
    /// </summary>
    private static bool IsFixedText(IOperation? part) => TelemetryCalls.Unwrap(part) switch
    {
        null => false,
        { ConstantValue.HasValue: true } => true,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation => IsFixedText(concatenation.LeftOperand) && IsFixedText(concatenation.RightOperand),
        IConditionalOperation conditional => IsFixedText(conditional.WhenTrue) && IsFixedText(conditional.WhenFalse),
        IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } or { IsConst: true } } => true,
        IPropertyReferenceOperation { Property: { IsStatic: true, Name: "NewLine", ContainingType.Name: "Environment" } } => true,
        _ => false,
    };

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol loggerExtensions)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, loggerExtensions))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is not ("message" or "messageFormat"))
            {
                continue;
            }

            var value = TelemetryCalls.Unwrap(argument.Value);

            string? kind = value switch
            {
                _ when value.ConstantValue.HasValue => null,
                IInterpolatedStringOperation => "an interpolated string",
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when !IsFixedText(concatenation) => "a concatenation",
                IInvocationOperation { TargetMethod: { Name: "Format" or "Concat", ContainingType.SpecialType: SpecialType.System_String } } => "formatted with string." + ((IInvocationOperation)value).TargetMethod.Name,
                _ => null,
            };
            if (kind is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), kind));
            }
        }
    }
}
