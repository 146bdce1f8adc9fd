using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Toolkit.Analyzers.Common;
using static Toolkit.Analyzers.Common.MetricInstruments;

namespace Toolkit.Analyzers.Rules;

/// <summary>
/// TK3002/TK3003: hand-written measurements (<c>Counter&lt;T&gt;.Add</c>, <c>Histogram&lt;T&gt;.Record</c>...) whose
/// tags take unbounded values or keys, and instruments created under names built at run time. Tags given to spans
/// are never looked at: only what reaches an instrument counts.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs in the compiler inside SharedRulesAnalyzer")]
public sealed class MetricTagValuesAnalyzer : ToolkitAnalyzer
{
    public static readonly DiagnosticDescriptor UnboundedValue = new(
        "TK3002",
        "Unbounded metric tag value",
        "Metric tag '{0}' gets {1}",
        RuleCategories.Cardinality,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Each distinct tag value starts a new metric time series; ids, free text, timestamps and urls make their number unbounded. Personal data in a tag is exported and kept by every metrics back end, where no redaction reaches it.");

    /// <summary>Set on a diagnostic reported where a tag held in a field or property is used: removing the use would drop every tag.</summary>
    public const string HeldInMemberProperty = "HeldInMember";

    private static readonly ImmutableDictionary<string, string?> s_heldInMember = ImmutableDictionary<string, string?>.Empty.Add(HeldInMemberProperty, "true");

    private const string UnboundedAdvice = ": use a bounded value such as an enum or a constant, or put it on a span instead";

    public static readonly DiagnosticDescriptor NonConstantName = new(
        "TK3003",
        "Metric tag key or instrument name is not a constant",
        "The {0} '{1}' is computed at run time: use a string literal or a constant",
        RuleCategories.Cardinality,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A tag key or instrument name built from data creates new series, or new instruments, for every distinct value.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(UnboundedValue, NonConstantName);

    // The methods that measure (Add, Record) or create an instrument.
    private static readonly string[] s_measuringMethodNames = ["Add", "Record", .. TelemetryCalls.CreateInstrumentNames];

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, KnownSymbols known)
    {
        if (known.Meter is null || known.KeyValuePair is null)
        {
            return; // System.Diagnostics.Metrics isn't referenced.
        }

        var data = SensitiveData.Create(known);
        var callSites = new CallSites();
        // An action for the calls of measuring methods (by name first) marks the member whose code measures or creates
        // an instrument; the compiler runs a member's operation actions before its operation-block actions, so only a
        // marked member's code is then read whole, in one walk, for what it writes to the locals its measurements use.
        // (Reported from the block action, the diagnostics stay local to the member, which the IDE's fixes need.)
        // Every member's block action asks; nearly none is marked, so a count of the marked ones answers most of them.
        var measuring = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        int marked = 0;
        SharedActions.RegisterInvocationAction(
            start,
            context =>
            {
                var method = ((IInvocationOperation)context.Operation).TargetMethod;
                if ((IsMeasurement(method, known) || TelemetryCalls.IsCreateInstrument(method, known)) && measuring.TryAdd(context.ContainingSymbol, true))
                {
                    Interlocked.Increment(ref marked);
                }
            },
            s_measuringMethodNames);
        start.RegisterOperationBlockAction(context =>
        {
            if (Volatile.Read(ref marked) > 0 && measuring.TryRemove(context.OwningSymbol, out _))
            {
                Interlocked.Decrement(ref marked);
                Analyze(context, known, data, callSites);
            }
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, KnownSymbols known, SensitiveData data, CallSites callSites)
    {
        var body = new MetricTagsInBody(known, data, callSites);
        foreach (var root in context.OperationBlocks)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        body.Collect(invocation);
                        break;
                    case IVariableDeclaratorOperation declarator:
                        body.Collect(declarator);
                        break;
                    case ISimpleAssignmentOperation or ICompoundAssignmentOperation or ICoalesceAssignmentOperation:
                        body.Collect((IAssignmentOperation)operation);
                        break;
                }
            }
        }

        body.Report(context);
    }

    /// <summary>What one operation block measures, and what it writes to the locals those measurements read.</summary>
    private sealed class MetricTagsInBody(KnownSymbols known, SensitiveData data, CallSites callSites)
    {
        private const int MaxDepth = 4;

        private readonly List<IInvocationOperation> _measurements = [];
        private readonly List<IArgumentOperation> _instrumentNames = [];
        private readonly Dictionary<ILocalSymbol, List<IOperation?>> _writes = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<IInvocationOperation>> _tagListAdds = new(SymbolEqualityComparer.Default);
        private readonly HashSet<IOperation> _checked = [];
        private ImmutableArray<string> _allowed;

        public void Collect(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (IsMeasurement(method, known))
            {
                _measurements.Add(invocation);
            }
            else if (KnownSymbols.Is(type, known.TagList) && method.Name == "Add" && TelemetryCalls.Unwrap(invocation.Instance) is ILocalReferenceOperation list)
            {
                Get(_tagListAdds, list.Local).Add(invocation);
            }
            else if (TelemetryCalls.IsCreateInstrument(method, known) && TelemetryCalls.Argument(invocation, "name") is { } name)
            {
                _instrumentNames.Add(name);
            }

            // A local passed by reference may get any value.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref && LocalOf(argument.Value) is { } local)
                {
                    Get(_writes, local).Add(null);
                }
            }
        }

        public void Collect(IVariableDeclaratorOperation declarator)
        {
            if (declarator.GetVariableInitializer() is { } initializer)
            {
                Get(_writes, declarator.Symbol).Add(initializer.Value);
            }
        }

        /// <summary><c>x = v</c> and <c>x ??= v</c> write <c>v</c>; <c>x += v</c> writes something new.</summary>
        public void Collect(IAssignmentOperation assignment)
        {
            if (assignment.Target is ILocalReferenceOperation target)
            {
                var written = assignment switch
                {
                    ISimpleAssignmentOperation { IsRef: false } simple => simple.Value,
                    ICoalesceAssignmentOperation coalesce => coalesce.Value,
                    _ => null,
                };
                Get(_writes, target.Local).Add(written);
            }
        }

        public void Report(OperationBlockAnalysisContext context)
        {
            foreach (var name in _instrumentNames)
            {
                if (!IsFixed(name.Value, 0) && !IsConfigured(name.Value))
                {
                    context.ReportDiagnostic(Diagnostic.Create(NonConstantName, name.Value.Syntax.GetLocation(), "instrument name", name.Value.Syntax.ToString()));
                }
            }

            foreach (var measurement in _measurements)
            {
                foreach (var argument in measurement.Arguments)
                {
                    var parameterType = argument.Parameter?.Type;
                    if (KnownSymbols.Is(parameterType, known.KeyValuePair))
                    {
                        CheckPair(context, argument.Value);
                    }
                    else if (KnownSymbols.Is(parameterType, known.TagList))
                    {
                        CheckTagList(context, argument.Value);
                    }
                    else if (IsTagCollection(parameterType, known))
                    {
                        CheckPairs(context, argument.Value);
                    }
                }
            }
        }

        private void CheckPairs(OperationBlockAnalysisContext context, IOperation pairs)
        {
            pairs = TelemetryCalls.Unwrap(pairs);
            if (pairs is IArrayCreationOperation array)
            {
                if (array.Initializer is { } initializer)
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        CheckPair(context, element);
                    }
                }

                return;
            }

            // Collection expressions and the compiler's span of a 'params ReadOnlySpan' call.
            foreach (var child in pairs.ChildOperations)
            {
                if (KnownSymbols.Is(child.Type, known.KeyValuePair) || KnownSymbols.Is(TelemetryCalls.Unwrap(child).Type, known.KeyValuePair))
                {
                    CheckPair(context, child);
                }
            }
        }

        /// <summary>A pair created in place, or a local holding pairs created in this block.</summary>
        private void CheckPair(OperationBlockAnalysisContext context, IOperation pair)
        {
            pair = TelemetryCalls.Unwrap(pair);
            if (pair is IObjectCreationOperation { Arguments.Length: 2 } creation)
            {
                Check(context, creation, creation.Arguments[0].Value, creation.Arguments[1].Value);
            }
            else if (pair is ILocalReferenceOperation local && _writes.TryGetValue(local.Local, out var writes))
            {
                foreach (var write in writes)
                {
                    if (TelemetryCalls.Unwrap(write) is IObjectCreationOperation { Arguments.Length: 2 } written)
                    {
                        Check(context, written, written.Arguments[0].Value, written.Arguments[1].Value);
                    }
                }
            }
            else if (MemberOf(pair) is { } member)
            {
                foreach (var write in MemberWrites.Of(member, pair))
                {
                    if (TelemetryCalls.Unwrap(write) is IObjectCreationOperation { Arguments.Length: 2 } written)
                    {
                        Check(context, written, written.Arguments[0].Value, written.Arguments[1].Value, pair);
                    }
                }
            }
        }

        private void CheckTagList(OperationBlockAnalysisContext context, IOperation tags)
        {
            tags = TelemetryCalls.Unwrap(tags);
            if (tags is IObjectCreationOperation creation)
            {
                CheckTagListCreation(context, creation);
            }
            else if (tags is ILocalReferenceOperation local)
            {
                if (_writes.TryGetValue(local.Local, out var writes))
                {
                    foreach (var write in writes)
                    {
                        if (TelemetryCalls.Unwrap(write) is IObjectCreationOperation written)
                        {
                            CheckTagListCreation(context, written);
                        }
                    }
                }

                if (_tagListAdds.TryGetValue(local.Local, out var adds))
                {
                    foreach (var add in adds)
                    {
                        CheckTagListAdd(context, add);
                    }
                }
            }
            else if (MemberOf(tags) is { } member)
            {
                // A TagList built once in a field or property (a pool's tags from its connection string) and put on every measurement.
                foreach (var write in MemberWrites.Of(member, tags))
                {
                    switch (TelemetryCalls.Unwrap(write))
                    {
                        case IObjectCreationOperation written:
                            CheckTagListCreation(context, written, tags);
                            break;
                        case IInvocationOperation add:
                            CheckTagListAdd(context, add, tags);
                            break;
                    }
                }
            }
        }

        private static ISymbol? MemberOf(IOperation operation) => operation switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
            _ => null,
        };

        private void CheckTagListCreation(OperationBlockAnalysisContext context, IObjectCreationOperation creation, IOperation? use = null)
        {
            foreach (var argument in creation.Arguments)
            {
                if (use is null && IsTagCollection(argument.Parameter?.Type, known))
                {
                    CheckPairs(context, argument.Value);
                }
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var element in initializer.Initializers)
                {
                    if (element is IInvocationOperation add)
                    {
                        CheckTagListAdd(context, add, use);
                    }
                }
            }
        }

        /// <summary><c>Add(key, value)</c> or <c>Add(pair)</c>, called or written as a collection initializer element.</summary>
        private void CheckTagListAdd(OperationBlockAnalysisContext context, IInvocationOperation add, IOperation? use = null)
        {
            if (add.Arguments.Length == 2)
            {
                Check(context, add, add.Arguments[0].Value, add.Arguments[1].Value, use);
            }
            else if (add.Arguments.Length == 1 && TelemetryCalls.Unwrap(add.Arguments[0].Value) is IObjectCreationOperation { Arguments.Length: 2 } pair)
            {
                Check(context, add, pair.Arguments[0].Value, pair.Arguments[1].Value, use);
            }
            else if (add.Arguments.Length == 1 && use is null)
            {
                CheckPair(context, add.Arguments[0].Value);
            }
        }

        /// <summary>
        /// Reports one tag, at <paramref name="tag"/> (what the fix removes), at most once however many instruments it
        /// reaches; a tag written to a field or property elsewhere is reported where this block <paramref name="use"/>s it.
        /// </summary>
        private void Check(OperationBlockAnalysisContext context, IOperation tag, IOperation key, IOperation value, IOperation? use = null)
        {
            if (!_checked.Add(tag))
            {
                return;
            }

            // foreach (var tag in tags) list.Add(tag.Key, tag.Value): forwarding tags someone else already chose.
            if (IsForwarded(key))
            {
                return;
            }

            var at = (use ?? tag).Syntax.GetLocation();
            var properties = use is null ? null : s_heldInMember;
            string? name = ConstantKey(key);
            if (name is null && use is null && !IsFixed(key, 0) && !IsConfigured(key))
            {
                context.ReportDiagnostic(Diagnostic.Create(NonConstantName, key.Syntax.GetLocation(), "tag key", key.Syntax.ToString()));
            }

            if (data.Find(value, data.NamesFor(context.Options, tag.Syntax.SyntaxTree, UnboundedValue.Id)) is { } personal)
            {
                context.ReportDiagnostic(Diagnostic.Create(UnboundedValue, at, properties, name ?? key.Syntax.ToString(),
                    "personal data ('" + personal.Operation.Syntax + "' may hold it: " + personal.Reason + "); metrics back ends export and keep tag values unredacted: leave it out"));
                return;
            }

            if (name is not null)
            {
                if (_allowed.IsDefault)
                {
                    _allowed = RuleOptions.GetList(context.Options, tag.Syntax.SyntaxTree, UnboundedValue.Id, BoundedValues.AllowedTagKeysOption);
                }

                if (BoundedValues.IsAllowedKey(name, _allowed))
                {
                    return;
                }
            }

            if (WhyUnbounded(value, name) is { } reason)
            {
                context.ReportDiagnostic(Diagnostic.Create(UnboundedValue, at, properties, name ?? key.Syntax.ToString(), "an unbounded value (" + reason + ")" + UnboundedAdvice));
            }
        }

        private bool IsForwarded(IOperation key) =>
            TelemetryCalls.Unwrap(key) is IPropertyReferenceOperation { Property.Name: "Key", Instance: { } pair } && KnownSymbols.Is(pair.Type, known.KeyValuePair);

        /// <summary>
        /// A key or instrument name read from a field or property: configured once (<c>_options.EndpointLabel</c>) or
        /// another system's own name (<c>counter.Name</c> of a bridged EventCounter), not built from each call's data.
        /// </summary>
        private static bool IsConfigured(IOperation value) =>
            TelemetryCalls.Unwrap(value) is IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false };

        private static string? ConstantKey(IOperation key) =>
            TelemetryCalls.Unwrap(key).ConstantValue is { HasValue: true, Value: string name } ? name : null;

        private string? WhyUnbounded(IOperation value, string? key)
        {
            if (IsFixed(value, 0))
            {
                return null;
            }

            if (key is not null && BoundedValues.IsUnboundedName(key))
            {
                return "its key says it identifies something";
            }

            return WhyUnbounded(value, 0);
        }

        /// <summary>
        /// Dates, Guids, URLs, floating point and untyped objects are unbounded by type. A string is judged by where it
        /// comes from: a name that says it identifies something, a string built from unbounded parts, the text of an
        /// unbounded value (<c>id.ToString()</c>), or a local assigned one of those. A string that says nothing about
        /// itself (a type, endpoint or service name, a label) is trusted: most strings in instrumentation are labels.
        /// </summary>
        private string? WhyUnbounded(IOperation? value, int depth)
        {
            value = TelemetryCalls.Unwrap(value);
            if (value is null || depth > MaxDepth || IsFixed(value, depth))
            {
                return null;
            }

            var type = value.Type;
            if (type?.SpecialType != SpecialType.System_String && BoundedValues.IsUnboundedType(type, known))
            {
                return "'" + type!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' values are unbounded";
            }

            if (TelemetryCalls.ReferencedName(value) is { } name && BoundedValues.IsUnboundedName(name))
            {
                return "'" + name + "' says it identifies something";
            }

            switch (value)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && WhyUnbounded(hole.Expression, depth + 1) is { } inHole)
                        {
                            return inHole;
                        }
                    }

                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    return WhyUnbounded(concatenation.LeftOperand, depth + 1) ?? WhyUnbounded(concatenation.RightOperand, depth + 1);
                case IConditionalOperation conditional:
                    return WhyUnbounded(conditional.WhenTrue, depth + 1) ?? WhyUnbounded(conditional.WhenFalse, depth + 1);
                case ICoalesceOperation coalesce:
                    return WhyUnbounded(coalesce.Value, depth + 1) ?? WhyUnbounded(coalesce.WhenNull, depth + 1);
                case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance }:
                    return WhyUnbounded(instance, depth + 1) ?? (instance.Type?.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_UInt64
                        ? "the text of a number is unbounded" : null);
                case ILocalReferenceOperation local when _writes.TryGetValue(local.Local, out var writes):
                    foreach (var write in writes)
                    {
                        if (write is null)
                        {
                            return "'" + local.Local.Name + "' is assigned out of sight";
                        }

                        if (WhyUnbounded(write, depth + 1) is { } written)
                        {
                            return written;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Whether the value is one of a fixed few whatever the input: constants (<c>nameof</c> included), <c>bool</c>,
        /// enums and their names, <c>static readonly</c> fields, conditionals and switches whose every arm is such a
        /// value, and locals only ever assigned such values in this block.
        /// </summary>
        private bool IsFixed(IOperation? value, int depth)
        {
            value = TelemetryCalls.Unwrap(value);
            if (value is null || depth > MaxDepth)
            {
                return false;
            }

            if (value.ConstantValue.HasValue || BoundedValues.IsBoundedType(value.Type))
            {
                return true;
            }

            switch (value)
            {
                case IConditionalOperation conditional:
                    return IsFixed(conditional.WhenTrue, depth + 1) && IsFixed(conditional.WhenFalse, depth + 1);
                case ICoalesceOperation coalesce:
                    return IsFixed(coalesce.Value, depth + 1) && IsFixed(coalesce.WhenNull, depth + 1);
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (!IsFixed(arm.Value, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                case IFieldReferenceOperation field:
                    return field.Field.IsConst || (field.Field.IsStatic && field.Field.IsReadOnly);
                case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0 } toString:
                    return BoundedValues.IsBoundedType(toString.Instance?.Type);
                case IPropertyReferenceOperation property when BoundedValues.IsCodeName(property.Property, known):
                    return true; // typeof(T).Name, GetType().FullName: as many values as the code has types.
                case IParameterReferenceOperation parameter:
                    return callSites.AllFixed(parameter.Parameter, value, known);
                case ILocalReferenceOperation local when _writes.TryGetValue(local.Local, out var writes):
                    foreach (var write in writes)
                    {
                        if (!IsFixed(write, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        private static ILocalSymbol? LocalOf(IOperation value) => value switch
        {
            ILocalReferenceOperation local => local.Local,
            IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared.Local,
            _ => null,
        };

        private static List<T> Get<T>(Dictionary<ILocalSymbol, List<T>> map, ILocalSymbol local)
        {
            if (!map.TryGetValue(local, out var list))
            {
                map[local] = list = [];
            }

            return list;
        }
    }
}
