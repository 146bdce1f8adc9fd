using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Common;
using Toolkit.Generators.Parsing;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK2001: a secret or personal value passed to <c>ILogger.Log*</c>/<c>BeginScope</c> (as an argument or inside an
/// interpolated template), or to a <c>[LoggerMessage]</c>/<c>[BusinessEvent]</c> method through a parameter that
/// doesn't protect it.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs in the compiler inside SharedRulesAnalyzer")]
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
        var loggingMethods = new LoggingMethods(known);
        // Any method can be a logging method; only a few names can be an ILogger extension.
        start.RegisterOperationAction(
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (!invocation.Arguments.IsEmpty && loggingMethods.Contains(invocation.TargetMethod))
                {
                    Analyze(context, invocation, extension: false, data);
                }
            },
            OperationKind.Invocation);
        SharedActions.RegisterInvocationAction(
            start,
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (!invocation.Arguments.IsEmpty && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, known.LoggerExtensions))
                {
                    Analyze(context, invocation, extension: true, data);
                }
            },
            TelemetryCalls.LoggerExtensionsMethodNames);
    }

    private static void Analyze(OperationAnalysisContext context, IInvocationOperation invocation, bool extension, SensitiveData data)
    {
        var known = data.Known;

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
                    var holes = TelemetryCalls.ConstantString(TelemetryCalls.Argument(invocation, "message")?.Value) is { } template
                        ? MessageTemplates.Names(template)
                        : null;
                    for (int i = 0; i < values.ElementValues.Length; i++)
                    {
                        var value = values.ElementValues[i];
                        Report(context, data.Find(value, names) ?? WholeObject(value, holes is not null && i < holes.Count ? holes[i] : null, data, names));
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

    /// <summary>
    /// A value logged whole: destructured (<c>{@Customer}</c>) or a record (whose <c>ToString</c> prints every member)
    /// of a type with a sensitive member, or a whole request or message body.
    /// </summary>
    private static SensitiveValue? WholeObject(IOperation value, string? hole, SensitiveData data, SensitiveNames names)
    {
        value = TelemetryCalls.Unwrap(value);
        if (value.Type is not { } type || value.ConstantValue.HasValue)
        {
            return null;
        }

        if ((hole?.StartsWith("@", System.StringComparison.Ordinal) == true || type.IsRecord) && data.ReasonForType(type, names) is { } reason)
        {
            return new SensitiveValue(value, type.Name, reason);
        }

        return IsBody(hole) || IsBody(TelemetryCalls.ReferencedName(value)) ? new SensitiveValue(value, hole ?? type.Name, "it is a whole request or message body") : null;
    }

    private static bool IsBody(string? name) =>
        name is not null && IdentifierWords.Split(name) is var words && (words.Contains("body") || words.Contains("payload"))
        && !words.Contains("length") && !words.Contains("size") && !words.Contains("type") && !words.Contains("hash");

    /// <summary>
    /// Which called methods are <c>[LoggerMessage]</c> or <c>[BusinessEvent]</c> methods. Nearly every call of a
    /// compilation is to something else, so the cheap questions about the method come first, before any lookup: where
    /// <c>[BusinessEvent]</c> is not referenced, the method returns void and is not generic, as Microsoft's generator
    /// requires (SYSLIB1003, SYSLIB1011); a method of this compilation is a partial one. Then, once per assembly: one
    /// that references neither attribute's assembly cannot declare either, and one that only references
    /// <c>[LoggerMessage]</c>'s asks the same of its methods. Only the rest are looked up, once per method. (The caches
    /// hold classes, not enums or tuples: the ReadyToRun image cannot hold the framework's dictionary code over a value
    /// type of ours, which the runtime would then compile in every compiler process.)
    /// </summary>
    private sealed class LoggingMethods(KnownSymbols known)
    {
        private static readonly object s_logging = new(), s_notLogging = new();
        private static readonly object s_neither = new(), s_loggerMessageOnly = new(), s_both = new();

        private readonly string? _loggerMessageAssembly = known.LoggerMessageAttribute?.ContainingAssembly.Name;
        private readonly string? _businessEventAssembly = known.BusinessEvent?.ContainingAssembly.Name;
        private readonly ConcurrentDictionary<IAssemblySymbol, object> _assemblies = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, object> _methods = new(SymbolEqualityComparer.Default);

        public bool Contains(IMethodSymbol method)
        {
            if (known.BusinessEvent is null && !HasLoggerMessageShape(method))
            {
                return false;
            }

            if (method.ContainingAssembly is not { } assembly)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(assembly, known.Compilation.Assembly))
            {
                if (!method.IsPartialDefinition && method.PartialDefinitionPart is null)
                {
                    return false;
                }
            }
            else if (Declares(assembly) is var declares && (declares == s_neither || (declares == s_loggerMessageOnly && !HasLoggerMessageShape(method))))
            {
                return false;
            }

            method = method.OriginalDefinition;
            if (!_methods.TryGetValue(method, out object? verdict))
            {
                bool logging = KnownSymbols.Find(method, known.LoggerMessageAttribute) is not null || KnownSymbols.Find(method, known.BusinessEvent) is not null;
                verdict = logging ? s_logging : s_notLogging;
                _methods.TryAdd(method, verdict);
            }

            return verdict == s_logging;
        }

        /// <summary>What Microsoft's generator accepts: a method that returns void and is not generic.</summary>
        private static bool HasLoggerMessageShape(IMethodSymbol method) => method.ReturnsVoid && !method.IsGenericMethod;

        /// <summary>Which kinds of logging method a referenced assembly can declare.</summary>
        private object Declares(IAssemblySymbol assembly)
        {
            if (!_assemblies.TryGetValue(assembly, out object? verdict))
            {
                verdict = References(assembly, _businessEventAssembly) ? s_both
                    : References(assembly, _loggerMessageAssembly) ? s_loggerMessageOnly
                    : s_neither;
                _assemblies.TryAdd(assembly, verdict);
            }

            return verdict;
        }

        /// <summary>Whether <paramref name="assembly"/> is or references the assembly named <paramref name="name"/>.</summary>
        private static bool References(IAssemblySymbol assembly, string? name)
        {
            if (name is null)
            {
                return false;
            }

            if (assembly.Name == name)
            {
                return true;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var reference in module.ReferencedAssemblies)
                {
                    if (reference.Name == name)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    private static void Report(OperationAnalysisContext context, SensitiveValue? value)
    {
        if (value is { } found)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, found.Operation.Syntax.GetLocation(), found.Operation.Syntax.ToString(), found.Reason));
        }
    }
}
