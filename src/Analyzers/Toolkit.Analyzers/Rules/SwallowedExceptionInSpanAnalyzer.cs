using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Common;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK4005: a <c>catch</c> inside a span that handles the exception without telling the span. The span then ends with
/// status Unset and no error, so the failure is invisible in traces even though the logs (if any) show it.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs in the compiler inside SharedRulesAnalyzer")]
public sealed class SwallowedExceptionInSpanAnalyzer : ToolkitAnalyzer
{
    /// <summary>The activity local's name, for the fix.</summary>
    public const string ActivityKey = "Activity";

    /// <summary>The catch variable's name, when the catch declares one.</summary>
    public const string ExceptionKey = "Exception";

    public static readonly DiagnosticDescriptor Rule = new(
        "TK4005",
        "Caught exception is not recorded on the span",
        "This catch handles the exception inside span '{0}' without recording it: call '{0}?.SetStatus(ActivityStatusCode.Error)' and set the 'error.type' tag, or rethrow",
        RuleCategories.TelemetryApi,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A span whose operation failed must say so: without an Error status the trace shows a successful operation.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.ActivitySource is null || known.Activity is null)
        {
            return;
        }

        start.RegisterOperationAction(context => Analyze(context, known), OperationKind.CatchClause);
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols known)
    {
        var catchClause = (ICatchClauseOperation)context.Operation;
        if (KnownSymbols.DerivesFrom(catchClause.ExceptionType, known.OperationCanceledException)
            || catchClause.Syntax is not CatchClauseSyntax syntax
            || FindActivity(catchClause, known) is not { } activity
            || GuardsCallback(catchClause, known)
            || Handles(catchClause.Handler, activity))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(ActivityKey, activity.Name);
        if (catchClause.Locals.Length > 0)
        {
            properties = properties.Add(ExceptionKey, catchClause.Locals[0].Name);
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, syntax.CatchKeyword.GetLocation(), properties, activity.Name));
    }

    /// <summary>
    /// Whether the try block only calls optional callbacks or hooks handed the span (<c>enrich?.Invoke(activity, payload)</c>,
    /// <c>filter(activity)</c>): the catch then keeps a user's callback from breaking the traced work, which did not
    /// fail. A plain <c>work()</c> through a delegate is the traced work itself.
    /// </summary>
    private static bool GuardsCallback(ICatchClauseOperation catchClause, KnownSymbols known)
    {
        if (catchClause.Parent is not ITryOperation { Body.Operations: { Length: > 0 } statements })
        {
            return false;
        }

        foreach (var statement in statements)
        {
            var call = statement is IExpressionStatementOperation expression ? expression.Operation : null;
            bool optional = call is IConditionalAccessOperation;
            if (call is IConditionalAccessOperation conditional)
            {
                call = conditional.WhenNotNull;
            }

            if (call is not IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } invocation
                || !(optional || invocation.Arguments.Any(argument => KnownSymbols.Is(TelemetryCalls.Unwrap(argument.Value).Type, known.Activity))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The <c>Activity</c> local from <c>StartActivity</c> whose scope encloses the try statement: declared by an
    /// enclosing <c>using (...)</c>, or by an earlier statement of an enclosing block. The search stops at a lambda or
    /// local function, which may run after the span has ended.
    /// </summary>
    private static ILocalSymbol? FindActivity(ICatchClauseOperation catchClause, KnownSymbols known)
    {
        IOperation child = catchClause;
        for (var parent = catchClause.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
                case IUsingOperation @using when @using.Body == child && ActivityDeclaredBy(@using.Resources, known) is { } local:
                    return local;
                case IBlockOperation block:
                    foreach (var statement in block.Operations)
                    {
                        if (statement == child)
                        {
                            break;
                        }

                        if (ActivityDeclaredBy(statement, known) is { } declared)
                        {
                            return declared;
                        }
                    }

                    break;
            }
        }

        return null;
    }

    private static ILocalSymbol? ActivityDeclaredBy(IOperation statement, KnownSymbols known)
    {
        var group = statement switch
        {
            IUsingDeclarationOperation usingDeclaration => usingDeclaration.DeclarationGroup,
            IVariableDeclarationGroupOperation declarationGroup => declarationGroup,
            _ => null,
        };
        if (group is null)
        {
            return null;
        }

        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                var initializer = declarator.Initializer?.Value ?? declaration.Initializer?.Value;
                if (initializer is not null
                    && TelemetryCalls.WithoutConversions(initializer) is IInvocationOperation invocation
                    && TelemetryCalls.IsStartActivity(invocation.TargetMethod, known))
                {
                    return declarator.Symbol;
                }
            }
        }

        return null;
    }

    /// <summary>Whether the handler rethrows, records the failure on the activity, or hands the activity to a helper.</summary>
    private static bool Handles(IBlockOperation handler, ILocalSymbol activity)
    {
        foreach (var operation in handler.Descendants())
        {
            switch (operation)
            {
                case IThrowOperation:
                    return true;
                case IInvocationOperation invocation when Records(invocation, activity):
                    return true;
            }
        }

        return false;
    }

    private static bool Records(IInvocationOperation invocation, ILocalSymbol activity)
    {
        var method = invocation.TargetMethod;
        if (IsActivity(invocation.Instance, activity))
        {
            return method.Name switch
            {
                "SetStatus" => invocation.Arguments.Length > 0 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: 2 },
                "AddException" or "RecordException" => true,
                "SetTag" or "AddTag" => invocation.Arguments.Length > 0 && TelemetryCalls.ConstantString(invocation.Arguments[0].Value) == "error.type",
                "AddEvent" => MentionsException(invocation),
                _ => false,
            };
        }

        // Extension methods (OpenTelemetry's RecordException) and helpers that are handed the activity.
        foreach (var argument in invocation.Arguments)
        {
            if (IsActivity(argument.Value, activity))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the operation is the activity local, including as the receiver of <c>activity?.M()</c>.</summary>
    private static bool IsActivity(IOperation? operation, ILocalSymbol activity)
    {
        if (operation is not null && TelemetryCalls.WithoutConversions(operation) is IConditionalAccessInstanceOperation instance)
        {
            operation = null;
            for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation conditional)
                {
                    operation = conditional.Operation;
                    break;
                }
            }
        }

        return operation is not null
            && TelemetryCalls.WithoutConversions(operation) is ILocalReferenceOperation reference
            && SymbolEqualityComparer.Default.Equals(reference.Local, activity);
    }

    /// <summary><c>AddEvent(new ActivityEvent("exception", ...))</c>: the OpenTelemetry exception event.</summary>
    private static bool MentionsException(IInvocationOperation invocation)
    {
        foreach (var operation in invocation.Descendants())
        {
            if (TelemetryCalls.ConstantString(operation) == "exception")
            {
                return true;
            }
        }

        return false;
    }
}
