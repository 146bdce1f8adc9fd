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
/// TK2004: a secret or personal value set as a span attribute or baggage item (<c>Activity.SetTag</c>, <c>AddTag</c>,
/// <c>SetBaggage</c>, <c>AddBaggage</c>, the tags of a span event or link), or a toolkit <c>[Tag]</c> parameter that
/// would put one on every span.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs in the compiler inside SharedRulesAnalyzer")]
public sealed class SensitiveDataInSpanAnalyzer : ToolkitAnalyzer
{
    /// <summary>Set on diagnostics reported on a <c>[Tag]</c> parameter, where the fix is an attribute rather than a call.</summary>
    public const string ParameterProperty = "Parameter";

    public static readonly DiagnosticDescriptor Rule = new(
        "TK2004",
        "Sensitive data is written to a span",
        "'{0}' may hold sensitive data ({1}) and becomes a span attribute: record TelemetryRedaction.Hash({0}) or mark it [Hashed], or leave it out",
        RuleCategories.Privacy,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Span attributes and baggage are exported to tracing back ends, and baggage travels to every downstream service in HTTP headers.");

    private static readonly ImmutableDictionary<string, string?> s_parameter = ImmutableDictionary<string, string?>.Empty.Add(ParameterProperty, "true");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        var data = SensitiveData.Create(known);
        if (known.Activity is not null)
        {
            SharedActions.RegisterInvocationAction(start, context => AnalyzeCall(context, data), "SetTag", "AddTag", "SetBaggage", "AddBaggage", "Add");
        }

        if (known.Tag is not null)
        {
            // A syntax action sees the user's partial declaration; a symbol action would get the generated implementation.
            start.RegisterSyntaxNodeAction(context => AnalyzeTags(context, data), SyntaxKind.MethodDeclaration);
        }
    }

    private static void AnalyzeCall(OperationAnalysisContext context, SensitiveData data)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        // ActivityTagsCollection holds the tags of span events and links (new ActivityEvent(name, tags: new() { ... })).
        // The name first: it is a string comparison, and nearly every call leaves there.
        bool tagCall = invocation.Arguments.Length == 2 && method.Name switch
        {
            "SetTag" or "AddTag" or "SetBaggage" or "AddBaggage" => KnownSymbols.Is(method.ContainingType, data.Known.Activity),
            "Add" => KnownSymbols.Is(method.ContainingType, data.Known.ActivityTagsCollection),
            _ => false,
        };
        if (tagCall)
        {
            AnalyzeTagCall(context, invocation, data);
        }
    }

    // Apart from AnalyzeCall, which every call of a method so named goes through: the local function below captures the
    // context, and a captured parameter is copied into the closure as the method starts.
    private static void AnalyzeTagCall(OperationAnalysisContext context, IInvocationOperation invocation, SensitiveData data)
    {
        var names = data.NamesFor(context.Options, invocation.Syntax.SyntaxTree, Rule.Id);
        var key = invocation.Arguments[0].Value;
        var value = invocation.Arguments[1].Value;
        if (data.Find(value, names) is { } found)
        {
            Report(found.Operation, found.Reason);
        }
        else if (key.ConstantValue is { HasValue: true, Value: string keyName } && names.Match(keyName) is { } match
            && !value.ConstantValue.HasValue && !IsHarmless(value, data, names))
        {
            Report(value, "its key says '" + match + "'");
        }
        else if (key.ConstantValue is { HasValue: true, Value: "url.full" or "http.url" or "url.query" or "url.original" or "http.target" }
            && RawUrl(value, data.Known) is { } url)
        {
            Report(url, "a URL as written can carry credentials in its user info and tokens in its query string");
        }

        void Report(IOperation operation, string reason) =>
            context.ReportDiagnostic(Diagnostic.Create(Rule, operation.Syntax.GetLocation(), operation.Syntax.ToString(), reason));
    }

    private static void AnalyzeTags(SyntaxNodeAnalysisContext context, SensitiveData data)
    {
        if (context.SemanticModel.GetDeclaredSymbol((MethodDeclarationSyntax)context.Node, context.CancellationToken) is not { } method)
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Locations.IsEmpty || KnownSymbols.Find(parameter, data.Known.Tag) is null)
            {
                continue;
            }

            var names = data.NamesFor(context.Options, parameter.Locations[0].SourceTree!, Rule.Id);
            if (data.ReasonFor(parameter, names) is { } reason)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, parameter.Locations[0], s_parameter, parameter.Name, reason));
            }
        }
    }

    /// <summary>
    /// The unsanitized URL in a value: a <c>Uri</c> itself or its <c>OriginalString</c>, <c>AbsoluteUri</c>,
    /// <c>Query</c> or <c>PathAndQuery</c>, a request's <c>QueryString</c>, or a string built from one of them. A value
    /// that went through some other method (a sanitizer) is trusted.
    /// </summary>
    private static IOperation? RawUrl(IOperation value, KnownSymbols known)
    {
        value = TelemetryCalls.Unwrap(value);
        switch (value)
        {
            case IPropertyReferenceOperation { Property.Name: "OriginalString" or "AbsoluteUri" or "Query" or "PathAndQuery" or "Fragment" } property
                when KnownSymbols.Is(property.Property.ContainingType, known.Uri):
            case IPropertyReferenceOperation { Property.Name: "QueryString" }:
                return value;
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance } when KnownSymbols.Is(instance.Type, known.Uri):
                return value;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && RawUrl(hole.Expression, known) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return RawUrl(binary.LeftOperand, known) ?? RawUrl(binary.RightOperand, known);
            case IInvocationOperation or ILiteralOperation:
                return null;
            default:
                return KnownSymbols.Is(value.Type, known.Uri) ? value : null;
        }
    }

    // A hash, a flag or a number under a key such as "user.email.verified" or "email.count" isn't the data itself.
    private static bool IsHarmless(IOperation value, SensitiveData data, SensitiveNames names)
    {
        value = TelemetryCalls.Unwrap(value);
        string? name = value is IInvocationOperation invocation
            ? KnownSymbols.Is(invocation.TargetMethod.ContainingType, data.Known.TelemetryRedaction) ? null : invocation.TargetMethod.Name
            : TelemetryCalls.ReferencedName(value) ?? string.Empty;
        return name is null
            || names.IsExcluded(name)
            || (value.Type is { } type
                && (type.SpecialType is SpecialType.System_Boolean or >= SpecialType.System_SByte and <= SpecialType.System_Double || type.TypeKind == TypeKind.Enum));
    }
}
