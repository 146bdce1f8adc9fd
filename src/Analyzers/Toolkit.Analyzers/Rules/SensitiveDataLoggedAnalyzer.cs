using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Common;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK2001: a secret or personal value passed to <c>ILogger.Log*</c>/<c>BeginScope</c> (as an argument or inside an
/// interpolated template), or to a <c>[LoggerMessage]</c>/<c>[BusinessEvent]</c> method through a parameter that
/// doesn't protect it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SensitiveDataLoggedAnalyzer : ToolkitAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "TK2001",
        "Sensitive data is written to a log",
        "'{0}' may hold sensitive data ({1}) and is written to a log: log TelemetryRedaction.Hash({0}) instead, or leave it out",
        RuleCategories.Privacy,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Logs are copied, shipped and kept far longer than the data they mention; secrets and personal data must not reach them in clear.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.ILogger is null)
        {
            return;
        }

        var data = SensitiveData.Create(known);
        var loggingMethods = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        start.RegisterOperationAction(
            context => Analyze(context, data, loggingMethods),
            OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, SensitiveData data, ConcurrentDictionary<IMethodSymbol, bool> loggingMethods)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var known = data.Known;
        bool extension = KnownSymbols.Is(method.ContainingType, known.LoggerExtensions);
        if (!extension && !loggingMethods.GetOrAdd(method.OriginalDefinition, m => IsLoggingMethod(m, known)))
        {
            return;
        }

        var names = data.NamesFor(context.Options, invocation.Syntax.SyntaxTree, Rule.Id);
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                continue;
            }

            if (extension)
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } values })
                {
                    foreach (var value in values.ElementValues)
                    {
                        Report(context, data.Find(value, names));
                    }
                }
                else if (parameter.Name is "message" or "messageFormat")
                {
                    Report(context, data.Find(argument.Value, names)); // holes of an interpolated or concatenated template
                }
            }
            else if (!known.IsProtected(parameter) && data.ReasonFor(parameter, names) is null)
            {
                // A parameter that looks sensitive itself is TK2002's, at the declaration.
                Report(context, data.Find(argument.Value, names));
            }
        }
    }

    private static bool IsLoggingMethod(IMethodSymbol method, KnownSymbols known) =>
        KnownSymbols.Find(method, known.LoggerMessageAttribute) is not null || KnownSymbols.Find(method, known.BusinessEvent) is not null;

    private static void Report(OperationAnalysisContext context, SensitiveValue? value)
    {
        if (value is { } found)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, found.Operation.Syntax.GetLocation(), found.Operation.Syntax.ToString(), found.Reason));
        }
    }
}
