using System.Collections.Generic;
using System.Linq;
using Toolkit.Generators.Helpers;
using Toolkit.Generators.Model;

namespace Toolkit.Generators.Emitting;

/// <summary>
/// Writes the implementation of one instrumented partial method.
/// </summary>
/// <remarks>
/// The shape of what is written is the hand-optimised one:
/// <list type="bullet">
/// <item>nothing listening: the source's <c>HasListeners</c>, the instruments' <c>Enabled</c> flags and the
/// logger's <c>IsEnabled</c> are read, then the Core is called directly (for tasks, its task is returned as it is);
/// spans are started out of line, so the JIT cannot inline <c>StartActivity</c> and bloat this frame;</item>
/// <item>the clock is read only when the duration histogram is enabled, and span tags are set only when the span
/// is recorded;</item>
/// <item><c>TagList</c> lives in static local functions, so the method's own frame stays small; a call whose metrics
/// carry only the function name and <c>error.type</c> ends in the shared <c>Toolkit.Internal.Completion</c> instead, so
/// each method adds little code for the compiler and the trimming analyzer (which dominate the build cost);</item>
/// <item>failures are observed in an exception filter that returns <see langword="false"/>: the exception is
/// never caught, so it keeps its identity and its stack trace;</item>
/// <item>tasks that complete synchronously are finished without a state machine; only pending ones are awaited;</item>
/// <item>a business event is written on success only, out of line, by <see cref="EventEmitter"/>.</item>
/// </list>
/// </remarks>
internal sealed class MethodEmitter
{
    private const string Instrumentation = "global::Toolkit.Internal.Instrumentation";
    private const string MethodLog = "global::Toolkit.Internal.MethodLog";
    private const string ActivityType = "global::System.Diagnostics.Activity";

    private readonly MethodSpec _method;
    private readonly SourceWriter _writer;
    private readonly string _holder;

    private readonly bool _inStruct;
    private readonly TargetSpec _target;

    /// <summary>
    /// For a method whose signature needs an <c>unsafe</c> part, the member of the type's other part that awaits or
    /// iterates for it: an <c>await</c> cannot appear in an unsafe context, local functions included.
    /// </summary>
    private readonly string? _asyncHelper;

    /// <summary>Whether this emitter writes <see cref="_asyncHelper"/> itself rather than the method.</summary>
    private readonly bool _writingAsyncHelper;

    private MethodEmitter(MethodSpec method, SourceWriter writer, bool inStruct, TargetSpec target, string? asyncHelper = null, bool writingAsyncHelper = false)
    {
        _method = method;
        _writer = writer;
        _holder = method.TelemetryClass;
        _inStruct = inStruct;
        _target = target;
        _asyncHelper = asyncHelper;
        _writingAsyncHelper = writingAsyncHelper;
    }

    /// <param name="method">The method to implement.</param>
    /// <param name="writer">Where to write it.</param>
    /// <param name="inStruct">Whether the containing type is a struct, whose <c>this</c> local functions cannot use.</param>
    /// <param name="target">What the consumer's framework offers.</param>
    /// <param name="asyncHelper">The name of the member that awaits for the method, written by <see cref="EmitAsyncHelper"/>; null for a local function.</param>
    public static void Emit(MethodSpec method, SourceWriter writer, bool inStruct, TargetSpec target, string? asyncHelper = null) =>
        new MethodEmitter(method, writer, inStruct, target, asyncHelper).Emit();

    /// <summary>Whether the method awaits or iterates in a function of its own (its pending path, or an async stream).</summary>
    public static bool NeedsAsyncFunction(MethodSpec method, bool inStruct, TargetSpec target) =>
        new MethodEmitter(method, new SourceWriter(), inStruct, target).NeedsAsyncFunction();

    /// <summary>Writes, as a private static member, what <see cref="Emit"/> calls <paramref name="name"/>.</summary>
    public static void EmitAsyncHelper(MethodSpec method, string name, SourceWriter writer, bool inStruct, TargetSpec target) =>
        new MethodEmitter(method, writer, inStruct, target, name, writingAsyncHelper: true).EmitAsyncFunction();

    private bool NeedsAsyncFunction() => _method.Shape switch
    {
        ReturnShape.AsyncEnumerable => true,
        ReturnShape.Task or ReturnShape.TaskOfT or ReturnShape.ValueTask or ReturnShape.ValueTaskOfT => !(UsesSharedCompletion && HasCompletion),
        _ => false,
    };

    private void EmitAsyncFunction()
    {
        _writer.WriteLine(TypeEmitter.GeneratedCodeAttribute);
        _writer.WriteLine("[global::System.Diagnostics.DebuggerStepThrough]");
        if (_method.Shape == ReturnShape.AsyncEnumerable)
        {
            EmitIterator();
        }
        else
        {
            EmitAwait();
        }
    }

    /// <summary>The header of the function that awaits or iterates: a local function, or a member of the type's safe part.</summary>
    private string AsyncFunctionHeader(string localName, IEnumerable<string> parameters)
    {
        string list = string.Join(", ", parameters);
        if (!_writingAsyncHelper)
        {
            return $"static async {_method.ReturnType} {localName}({list})";
        }

        // A new method states its constraints; 'default' is only for overrides and explicit implementations.
        var constraints = _method.Constraints.Where(c => !c.EndsWith(": default", System.StringComparison.Ordinal));
        return $"private static async {_method.ReturnType} {_asyncHelper}{_method.TypeParameters}({list})"
            + string.Concat(constraints.Select(c => " " + c));
    }

    /// <summary>How the method calls its awaiting or iterating function.</summary>
    private string AsyncFunctionName(string localName) => _asyncHelper is null ? localName : _asyncHelper + _method.TypeParameters;

    /// <summary>
    /// Whether the instrumented path goes to a local function, leaving the method itself without exception handling.
    /// For a <c>ValueTask</c>, a method with a try region keeps its locals and the returned struct in its frame, which
    /// the prologue zeroes and the fast path copies through: a few nanoseconds per call even when nothing listens.
    /// </summary>
    private bool SplitsInstrumentedPath =>
        _method.Shape is ReturnShape.ValueTask or ReturnShape.ValueTaskOfT
        && HasCompletion
        && (!_inStruct || IsStatic);

    private bool IsStatic => _method.Modifiers.Split(' ').Contains("static");

    private IEnumerable<ParameterSpec> SpanTags => _method.Parameters.Where(p => p.Tag is not null);

    private IEnumerable<ParameterSpec> MetricTags =>
        _method.HasMetrics ? _method.Parameters.Where(p => p.Tag is { SpanOnly: false }) : [];

    private bool HasMetricResultTag => _method.ReturnTag is { SpanOnly: false } && (_method.Duration is not null || _method.Calls is not null);

    private string Token => _method.CancellationToken ?? "default";

    /// <summary>Whether anything must happen after the call ends, success or failure: a span to end, metrics to record, a [Logged] record to write.</summary>
    private bool HasCompletion => _method.Trace is not null || _method.HasMetrics || _method.Logged is not null;

    private LoggerSpec? Logger => _method.Event?.Logger ?? _method.Logged;

    /// <summary>A task with a result: <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    private bool IsGenericTask => _method.Shape is ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT;

    /// <summary>Whether a <c>[Logged]</c> record could be written: Error is the lowest level it has.</summary>
    private const string LoggedEnabled = "__logger is not null && __logger.IsEnabled(global::Microsoft.Extensions.Logging.LogLevel.Error)";

    private void Emit()
    {
        // No [GeneratedCode] here: attributes of a partial method's parts merge, and on the user's declaration it would
        // make analyzers (ours among them) treat that declaration as generated code and skip it.
        _writer.WriteLine("[global::System.Diagnostics.DebuggerStepThrough]");
        string parameters = string.Join(", ", _method.Parameters.Select(p => p.Modifiers + p.Type + " " + p.Name));
        string modifiers = _method.Modifiers.Length == 0 ? "" : _method.Modifiers + " ";
        if (_method.HasOptionalParameters)
        {
            // PublicApiAnalyzers describes this part without the default values C# forbids here (CS1066) and reports
            // it as undeclared API (dotnet/roslyn-analyzers#7356); the user's declaration is still checked.
            _writer.WriteLine("#pragma warning disable RS0016");
        }

        if (_method.NullableOblivious)
        {
            // The signature as written: its reference types are oblivious, neither nullable nor not.
            _writer.WriteLine("#nullable disable");
        }

        _writer.WriteLine($"{modifiers}partial {_method.ReturnType} {_method.Name}{_method.TypeParameters}({parameters})");
        foreach (string constraint in _method.Constraints)
        {
            _writer.WriteLine("    " + constraint);
        }

        if (_method.NullableOblivious)
        {
            _writer.WriteLine("#nullable enable");
        }

        if (_method.HasOptionalParameters)
        {
            _writer.WriteLine("#pragma warning restore RS0016");
        }

        _writer.OpenBlock();
        if (!_method.HasCore)
        {
            EmitEventOnly();
        }
        else if (_method.Shape == ReturnShape.AsyncEnumerable)
        {
            EmitAsyncEnumerable();
        }
        else
        {
            EmitPrelude();
            if (_method.Shape is ReturnShape.Void or ReturnShape.Value)
            {
                EmitSyncBody();
            }
            else
            {
                EmitTaskBody();
            }

            if (SplitsInstrumentedPath)
            {
                _writer.CloseBlock();
            }
        }

        // An async stream does all its work in its iterator; when that is a member of its own, so are these.
        bool inIterator = _method.Shape == ReturnShape.AsyncEnumerable && _asyncHelper is not null;
        if (HasCompletion && !inIterator)
        {
            EmitBegin();
            EmitComplete();
        }

        if (HasMeasures && !inIterator)
        {
            EmitMeasure();
        }

        if (_method.Event is not null && !inIterator)
        {
            EventEmitter.EmitWriter(_method, _writer);
        }

        _writer.CloseBlock();
    }

    /// <summary>The values and tags <c>__Measure</c> takes, as declarations and as the arguments that pass them on.</summary>
    private IEnumerable<(string Declaration, string Argument)> MeasureArguments()
    {
        var passed = new HashSet<string>();
        foreach (var measure in _method.Measures)
        {
            if (passed.Add(measure.Source))
            {
                yield return ((measure.Source == "__result" ? _method.ResultType! : measure.Type) + " " + measure.Source, measure.Source);
            }
        }

        foreach (var parameter in MeasureTags.Where(p => passed.Add(p.Name)))
        {
            yield return (parameter.Type + " " + parameter.Name, parameter.Name);
        }
    }

    /// <summary>The local function that records the <c>[Measure]</c> values of a successful call, with the method's metric tags.</summary>
    private void EmitMeasure()
    {
        _writer.WriteLine();
        _writer.OpenBlock($"static void __Measure({string.Join(", ", MeasureArguments().Select(a => a.Declaration))})");
        _writer.WriteLine("var __tags = new global::System.Diagnostics.TagList();");
        _writer.WriteLine($"__tags.Add(\"code.function.name\", {Identifiers.Literal(_method.FunctionName)});");
        foreach (var parameter in MeasureTags)
        {
            _writer.WriteLine($"__tags.Add({Identifiers.Literal(parameter.Tag!.Key)}, {TagValue(parameter.Tag, parameter.Name)});");
        }

        foreach (var measure in _method.Measures)
        {
            string instrument = $"{_holder}.{measure.Instrument.FieldName}";
            string record = measure.Instrument.Kind == InstrumentKind.ValueSum ? "Add" : "Record";
            string value = measure.Nullable ? measure.Source + ".GetValueOrDefault()" : measure.Source;
            string condition = measure.Nullable ? $"{measure.Source}.HasValue && {instrument}.Enabled" : $"{instrument}.Enabled";
            _writer.OpenBlock($"if ({condition})");
            _writer.WriteLine($"{instrument}.{record}((double){value}, in __tags);");
            _writer.CloseBlock();
        }

        _writer.CloseBlock();
    }

    /// <summary>A bodiless event method: calling it writes the event, when anything wants it.</summary>
    private void EmitEventOnly()
    {
        var spec = _method.Event!;
        _writer.WriteLine($"var __logger = {EventEmitter.LoggerExpression(spec.Logger)};");
        _writer.OpenBlock($"if ({EventEmitter.EnabledExpression(spec, _holder)})");
        _writer.WriteLine($"__WriteEvent(__logger{EventEmitter.Arguments(spec)});");
        _writer.CloseBlock();
    }

    /// <summary>What a successful call records: its <c>[Measure]</c> values, then its business event.</summary>
    private void EmitSuccess()
    {
        if (HasMeasures)
        {
            _writer.OpenBlock("if (__measured)");
            _writer.WriteLine($"__Measure({string.Join(", ", MeasureArguments().Select(a => a.Argument))});");
            _writer.CloseBlock();
        }

        EmitEventWrite();
    }

    private void EmitEventWrite()
    {
        if (_method.Event is { } spec)
        {
            _writer.OpenBlock("if (__event)");
            _writer.WriteLine($"__WriteEvent(__logger{EventEmitter.Arguments(spec)});");
            _writer.CloseBlock();
        }
    }

    /// <summary>Whether success needs the result in a local: for a return tag or a logged return value.</summary>
    private bool NeedsResult =>
        _method.ReturnTag is not null || (_method.Event?.Values.Any(v => v.Source == "__result") ?? false)
        || _method.Measures.Any(m => m.Source == "__result");

    private bool HasMeasures => !_method.Measures.IsEmpty;

    /// <summary>The tags of <c>[Measure]</c> values: the method's metric tags, whether or not it has other metrics.</summary>
    private IEnumerable<ParameterSpec> MeasureTags => _method.Parameters.Where(p => p.Tag is { SpanOnly: false });

    /// <summary>Starts the span, reads the instruments' flags, takes the fast path when nothing listens, and starts the clock.</summary>
    /// <param name="loggerIsParameter">Inside <c>__Iterate</c>, which is static: the logger comes in as a parameter.</param>
    private void EmitPrelude(bool loggerIsParameter = false)
    {
        var listening = new List<string>();

        // What the prelude declares for the instrumented path, as parameter declarations and the arguments that pass it on.
        var locals = new List<(string Declaration, string Argument)>();
        if (_method.Trace is { } trace)
        {
            _writer.WriteLine($"var __activity = {_holder}.ActivitySource.HasListeners() ? {Instrumentation}.StartActivity({_holder}.ActivitySource, {Identifiers.Literal(trace.SpanName)}, global::System.Diagnostics.ActivityKind.{trace.Kind}, {Identifiers.Literal(_method.FunctionName)}) : null;");
            locals.Add(($"{ActivityType}? __activity", "__activity"));
            listening.Add("__activity is not null");
        }

        EmitFlag(_method.Duration, "__timed", listening, locals);
        EmitFlag(_method.Calls, "__counted", listening, locals);
        EmitFlag(_method.Active, "__active", listening, locals);
        if (Logger is { } logger && !loggerIsParameter)
        {
            _writer.WriteLine($"var __logger = {EventEmitter.LoggerExpression(logger)};");
            locals.Add(("global::Microsoft.Extensions.Logging.ILogger? __logger", "__logger"));
        }

        if (_method.Logged is not null)
        {
            _writer.WriteLine($"bool __logged = {LoggedEnabled};");
            locals.Add(("bool __logged", "__logged"));
            listening.Add("__logged");
        }

        if (_method.Event is { } spec)
        {
            _writer.WriteLine($"bool __event = {EventEmitter.EnabledExpression(spec, _holder)};");
            locals.Add(("bool __event", "__event"));
            listening.Add("__event");
        }

        if (HasMeasures)
        {
            string enabled = string.Join(" || ", _method.Measures.Select(m => m.Instrument.FieldName).Distinct().Select(field => $"{_holder}.{field}.Enabled"));
            _writer.WriteLine($"bool __measured = {enabled};");
            locals.Add(("bool __measured", "__measured"));
            listening.Add("__measured");
        }

        if (_method.Shape != ReturnShape.AsyncEnumerable)
        {
            _writer.OpenBlock($"if (!({string.Join(" || ", listening)}))");
            _writer.WriteLine(_method.Shape == ReturnShape.Void ? CoreCall() + ";" : "return " + CoreCall() + ";");
            if (_method.Shape == ReturnShape.Void)
            {
                _writer.WriteLine(_method.DoesNotReturn ? CoreReturnedThrow : "return;");
            }

            _writer.CloseBlock();
            _writer.WriteLine();
        }

        if (SplitsInstrumentedPath)
        {
            EmitInstrumentedPathStart(locals);
        }

        if (_method.Trace is not null && SpanTags.Any())
        {
            // code.function.name was set as the span started.
            _writer.OpenBlock("if (__activity is { IsAllDataRequested: true })");
            foreach (var parameter in SpanTags)
            {
                _writer.WriteLine($"__activity.SetTag({Identifiers.Literal(parameter.Tag!.Key)}, {TagValue(parameter.Tag, parameter.Name)});");
            }

            _writer.CloseBlock();
            _writer.WriteLine();
        }

        if (_method.Duration is not null || _method.Logged is not null)
        {
            // A traced call's span keeps the time for the histogram (Instrumentation.ElapsedSeconds).
            string timed = _method.Trace is null ? "__timed" : "(__timed && __activity is null)";
            string clock = _method.Duration is null ? "__logged" : _method.Logged is null ? timed : $"{timed} || __logged";
            _writer.WriteLine($"long __start = {clock} ? global::System.Diagnostics.Stopwatch.GetTimestamp() : 0L;");
        }

        if (_method.Active is not null)
        {
            _writer.OpenBlock("if (__active)");
            _writer.WriteLine($"__Begin({string.Join(", ", MetricTags.Select(p => p.Name))});");
            _writer.CloseBlock();
            _writer.WriteLine();
        }

        if (HasCompletion)
        {
            _writer.WriteLine("string? __errorType = null;");
        }

        if (_method.Logged is not null)
        {
            _writer.WriteLine("global::System.Exception? __exception = null;");
        }

        if (HasMetricResultTag)
        {
            _writer.WriteLine("object? __resultTag = null;");
        }
    }

    /// <summary>
    /// Calls <c>__Instrumented</c> with the parameters and the prelude's locals, and opens it. Its parameters shadow the
    /// method's own names, so it captures nothing but <c>this</c> and the method needs no closure.
    /// </summary>
    private void EmitInstrumentedPathStart(List<(string Declaration, string Argument)> locals)
    {
        var state = new List<(string Declaration, string Argument)>();
        foreach (var parameter in _method.Parameters)
        {
            string modifiers = string.Join(" ", parameter.Modifiers.Split(' ').Where(m => m.Length > 0 && m != "this"));
            state.Add(((modifiers.Length > 0 ? modifiers + " " : "") + parameter.Type + " " + parameter.Name, parameter.ArgumentPrefix + parameter.Name));
        }

        state.AddRange(locals);
        _writer.WriteLine($"return __Instrumented({string.Join(", ", state.Select(s => s.Argument))});");
        _writer.WriteLine();
        string modifier = IsStatic ? "static " : "";
        _writer.OpenBlock($"{modifier}{_method.ReturnType} __Instrumented({string.Join(", ", state.Select(s => s.Declaration))})");
    }

    private void EmitFlag(InstrumentSpec? instrument, string name, List<string> listening, List<(string Declaration, string Argument)> locals)
    {
        if (instrument is not null)
        {
            _writer.WriteLine($"bool {name} = {_holder}.{instrument.FieldName}.Enabled;");
            locals.Add(("bool " + name, name));
            listening.Add(name);
        }
    }

    private void EmitSyncBody()
    {
        if (!HasCompletion)
        {
            EmitSyncCall();
            return;
        }

        _writer.OpenBlock("try");
        EmitSyncCall();
        _writer.CloseBlock();
        EmitFailureFilter(Token);
        _writer.OpenBlock("finally");
        _writer.WriteLine(CompleteCall());
        _writer.CloseBlock();

        if (_method.DoesNotReturn && _method.Shape == ReturnShape.Void)
        {
            // Nullable analysis sees the end of a try/finally as reachable even when its try cannot end (CS8763).
            _writer.WriteLine();
            _writer.WriteLine(CoreReturnedThrow);
        }
    }

    /// <summary>Where a <c>[DoesNotReturn]</c> void method would fall through: only if its Core broke the same promise.</summary>
    private string CoreReturnedThrow =>
        $"throw new global::System.InvalidOperationException({Identifiers.Literal($"'{_method.CoreName}' returned, but it is marked [DoesNotReturn].")});";

    private void EmitSyncCall()
    {
        if (_method.Shape == ReturnShape.Void)
        {
            _writer.WriteLine(CoreCall() + ";");
            EmitSuccess();
        }
        else if (!NeedsResult && _method.Event is null && !HasMeasures)
        {
            // Returned straight from the call, the result keeps the flow state the Core's attributes give it.
            _writer.WriteLine($"return {CoreCall()};");
        }
        else if (_method.ResultCarriesFlowState)
        {
            // The compiler tracks [NotNullWhen] and the like through the call's bool, not through a local holding it.
            _writer.OpenBlock($"if ({CoreCall()})");
            EmitConstantResult("true");
            _writer.CloseBlock();
            _writer.OpenBlock("else");
            EmitConstantResult("false");
            _writer.CloseBlock();
        }
        else
        {
            _writer.WriteLine($"var __result = {CoreCall()};");
            EmitResultTags("__result");
            EmitSuccess();
            _writer.WriteLine("return __result;");
        }
    }

    private void EmitConstantResult(string value)
    {
        if (NeedsResult)
        {
            _writer.WriteLine($"const bool __result = {value};");
            EmitResultTags("__result");
        }

        EmitSuccess();
        _writer.WriteLine($"return {value};");
    }

    private void EmitTaskBody()
    {
        if (!HasCompletion)
        {
            EmitTaskEventOnly();
            EmitAwait();
            return;
        }

        _writer.WriteLine("bool __pending = false;");
        _writer.OpenBlock("try");
        _writer.WriteLine($"var __task = {CoreCall()};");
        EmitNullTaskReturn();
        _writer.OpenBlock("if (!__task.IsCompleted)");
        _writer.WriteLine("__pending = true;");
        string awaitCall = AwaitCall();
        if (_method.Trace is not null)
        {
            // The continuation keeps the span current (the await captures it), but the caller must not see it
            // as current once this returns.
            _writer.WriteLine($"var __awaiting = {awaitCall};");
            _writer.OpenBlock("if (__activity is not null)");
            _writer.WriteLine($"{Instrumentation}.RestoreCurrent(__activity);");
            _writer.CloseBlock();
            _writer.WriteLine();
            _writer.WriteLine("return __awaiting;");
        }
        else
        {
            _writer.WriteLine($"return {awaitCall};");
        }
        _writer.CloseBlock();
        _writer.WriteLine();

        bool generic = IsGenericTask;
        string activity = _method.Trace is null ? "null" : "__activity";
        if (_method.Shape is ReturnShape.ValueTask or ReturnShape.ValueTaskOfT)
        {
            string valueTask = _method.ReturnType;
            _writer.OpenBlock("if (__task.IsCompletedSuccessfully)");
            if (generic && NeedsResult)
            {
                // Reading the result consumes the ValueTask, so hand the caller a fresh one.
                _writer.WriteLine("var __result = __task.Result;");
                EmitResultTags("__result");
                EmitSuccess();
                _writer.WriteLine($"return new {valueTask}(__result);");
            }
            else
            {
                EmitSuccess();
                _writer.WriteLine("return __task;");
            }

            _writer.CloseBlock();
            _writer.WriteLine();
            _writer.WriteLine("// Observing a failure consumes the ValueTask: observe it through a Task and return that.");
            _writer.WriteLine("var __completed = __task.AsTask();");
            EmitCompletedFailure("__completed", activity);
            _writer.WriteLine($"return new {valueTask}(__completed);");
        }
        else
        {
            EmitCompletedFailure("__task", activity, successTags: true);
            _writer.WriteLine("return __task;");
        }

        _writer.CloseBlock();
        EmitFailureFilter(Token);
        _writer.OpenBlock("finally");
        _writer.OpenBlock("if (!__pending)");
        _writer.WriteLine(CompleteCall());
        _writer.CloseBlock();
        _writer.CloseBlock();

        EmitAwait();
    }

    /// <summary>A task method with only a business event: nothing to end on failure, so no try, no filter.</summary>
    private void EmitTaskEventOnly()
    {
        bool generic = IsGenericTask;
        _writer.WriteLine($"var __task = {CoreCall()};");
        EmitNullTaskReturn();
        _writer.OpenBlock("if (!__task.IsCompleted)");
        _writer.WriteLine($"return {AwaitCall()};");
        _writer.CloseBlock();
        _writer.WriteLine();
        bool isTask = _method.Shape is ReturnShape.Task or ReturnShape.TaskOfT;
        _writer.OpenBlock(isTask && !_target.HasTaskCompletedSuccessfully
            ? "if (__task.Status == global::System.Threading.Tasks.TaskStatus.RanToCompletion)"
            : "if (__task.IsCompletedSuccessfully)");
        if (generic && NeedsResult)
        {
            _writer.WriteLine("var __result = __task.Result;");
            EmitSuccess();
            if (_method.Shape == ReturnShape.ValueTaskOfT)
            {
                // Reading the result consumed the ValueTask, so hand the caller a fresh one.
                _writer.WriteLine($"return new {_method.ReturnType}(__result);");
            }
        }
        else
        {
            EmitSuccess();
        }

        _writer.CloseBlock();
        _writer.WriteLine();
        _writer.WriteLine("return __task;");
    }

    /// <summary>
    /// A Core that returns a null <c>Task</c> gets it back to its caller, as it would with nothing listening: the
    /// caller's await fails, not the wrapper. The call counts as completed.
    /// </summary>
    private void EmitNullTaskReturn()
    {
        if (_method.Shape is ReturnShape.Task or ReturnShape.TaskOfT)
        {
            _writer.OpenBlock("if (__task is null)");
            _writer.WriteLine("return __task!;");
            _writer.CloseBlock();
            _writer.WriteLine();
        }
    }

    private void EmitCompletedFailure(string task, string activity, bool successTags = false)
    {
        _writer.OpenBlock($"if ({task}.IsCanceled)");
        _writer.WriteLine($"__errorType = {Instrumentation}.Canceled({activity});");
        _writer.CloseBlock();
        _writer.OpenBlock($"else if ({task}.IsFaulted)");
        _writer.WriteLine($"{Instrumentation}.Fail({task}.Exception!.InnerException!, {activity}, {Token}, out __errorType);");
        if (_method.Logged is not null)
        {
            _writer.WriteLine($"__exception = {task}.Exception!.InnerException;");
        }
        _writer.CloseBlock();
        if (successTags && (_method.ReturnTag is not null || _method.Event is not null || HasMeasures))
        {
            _writer.OpenBlock("else");
            if (NeedsResult)
            {
                _writer.WriteLine($"var __result = {task}.Result;");
                EmitResultTags("__result");
            }

            EmitSuccess();
            _writer.CloseBlock();
        }

        _writer.WriteLine();
    }

    /// <summary>The local function that awaits a pending task and then completes the telemetry.</summary>
    private void EmitAwait()
    {
        if ((UsesSharedCompletion && HasCompletion) || (_asyncHelper is not null && !_writingAsyncHelper))
        {
            return;
        }

        bool generic = IsGenericTask;
        var parameters = new[] { $"{_method.ReturnType} __task" }
            .Concat(State(awaiting: true).Select(s => s.Declaration));
        if (!_writingAsyncHelper)
        {
            _writer.WriteLine();
        }

        _writer.OpenBlock(AsyncFunctionHeader("__Await", parameters));
        if (!HasCompletion)
        {
            // Only a business event: a failure just propagates.
            EmitAwaitedSuccess(generic);
            CloseAsyncFunction();
            return;
        }

        _writer.WriteLine("string? __errorType = null;");
        if (_method.Logged is not null)
        {
            _writer.WriteLine("global::System.Exception? __exception = null;");
        }

        if (HasMetricResultTag)
        {
            _writer.WriteLine("object? __resultTag = null;");
        }

        _writer.OpenBlock("try");
        EmitAwaitedSuccess(generic);
        _writer.CloseBlock();

        // An OperationCanceledException out of the await means the task ended cancelled, as IsCanceled says on the synchronous path.
        string activity = _method.Trace is null ? "null" : "__activity";
        _writer.OpenBlock($"catch (global::System.Exception __e) when ({Instrumentation}.FailAwaited(__e, {activity}, out __errorType){KeepException})");
        _writer.WriteLine("// Unreachable: the filter records the failure and returns false, so the exception propagates untouched.");
        _writer.WriteLine("throw;");
        _writer.CloseBlock();
        _writer.OpenBlock("finally");
        _writer.WriteLine(CompleteCall());
        _writer.CloseBlock();
        CloseAsyncFunction();
    }

    /// <summary>
    /// Ends the awaiting or iterating function. As a member of its own it cannot reach the method's local functions,
    /// so it gets its own copies of those it calls.
    /// </summary>
    private void CloseAsyncFunction()
    {
        if (_writingAsyncHelper)
        {
            if (HasCompletion)
            {
                if (_method.Shape == ReturnShape.AsyncEnumerable)
                {
                    EmitBegin();
                }

                EmitComplete();
            }

            if (HasMeasures)
            {
                EmitMeasure();
            }

            if (_method.Event is not null)
            {
                EventEmitter.EmitWriter(_method, _writer);
            }
        }

        _writer.CloseBlock();
    }

    /// <summary>Awaits the pending task, then does what success asks: result tags and the business event.</summary>
    private void EmitAwaitedSuccess(bool generic)
    {
        if (generic)
        {
            _writer.WriteLine("var __result = await __task.ConfigureAwait(false);");
            EmitResultTags("__result");
            EmitSuccess();
            _writer.WriteLine("return __result;");
        }
        else
        {
            _writer.WriteLine("await __task.ConfigureAwait(false);");
            EmitSuccess();
        }
    }

    /// <summary>
    /// An async iterator: the span and the clock start at the first <c>MoveNextAsync</c> and end when the
    /// enumeration ends, fails or is disposed.
    /// </summary>
    private void EmitAsyncEnumerable()
    {
        var listening = new List<string>();
        if (_method.Trace is not null)
        {
            listening.Add($"{_holder}.ActivitySource.HasListeners()");
        }

        listening.AddRange(new[] { _method.Duration, _method.Calls, _method.Active }
            .Where(i => i is not null)
            .Select(i => $"{_holder}.{i!.FieldName}.Enabled"));

        if (_method.Logged is { } logger)
        {
            _writer.WriteLine($"var __logger = {EventEmitter.LoggerExpression(logger)};");
            listening.Add($"({LoggedEnabled})");
        }

        _writer.OpenBlock($"if (!({string.Join(" || ", listening)}))");
        _writer.WriteLine("return " + CoreCall() + ";");
        _writer.CloseBlock();
        _writer.WriteLine();

        var tagParameters = SpanTags.ToArray();
        var arguments = new[] { CoreCall(), Token }.Concat(tagParameters.Select(p => p.Name));
        if (_method.Logged is not null)
        {
            arguments = arguments.Append("__logger");
        }

        _writer.WriteLine($"return {AsyncFunctionName("__Iterate")}({string.Join(", ", arguments)});");
        if (_asyncHelper is null)
        {
            _writer.WriteLine();
            EmitIterator();
        }
    }

    /// <summary>The async iterator that wraps the Core's stream.</summary>
    private void EmitIterator()
    {
        var tagParameters = SpanTags.ToArray();
        var parameters = new[] { $"{_method.ReturnType} __inner", "global::System.Threading.CancellationToken __token" }
            .Concat(tagParameters.Select(p => p.Type + " " + p.Name))
            .Concat(_method.Logged is null ? [] : ["global::Microsoft.Extensions.Logging.ILogger? __logger"])
            .Append("[global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken __enumeratorToken = default");
        _writer.OpenBlock(AsyncFunctionHeader("__Iterate", parameters));
        EmitPrelude(loggerIsParameter: true);
        _writer.WriteLine("var __enumerator = __inner.GetAsyncEnumerator(__enumeratorToken);");
        _writer.OpenBlock("try");
        _writer.OpenBlock("while (true)");
        _writer.OpenBlock("try");
        _writer.OpenBlock("if (!await __enumerator.MoveNextAsync().ConfigureAwait(false))");
        _writer.WriteLine("break;");
        _writer.CloseBlock();
        _writer.CloseBlock();
        EmitFailureFilter("__token.IsCancellationRequested ? __token : __enumeratorToken");
        _writer.WriteLine();
        _writer.WriteLine("yield return __enumerator.Current;");
        _writer.CloseBlock();
        _writer.CloseBlock();
        _writer.OpenBlock("finally");
        _writer.OpenBlock("try");
        _writer.WriteLine("await __enumerator.DisposeAsync().ConfigureAwait(false);");
        _writer.CloseBlock();
        _writer.OpenBlock("finally");
        _writer.WriteLine(CompleteCall());
        _writer.CloseBlock();
        _writer.CloseBlock();
        CloseAsyncFunction();
    }

    private void EmitFailureFilter(string token)
    {
        string activity = _method.Trace is null ? "null" : "__activity";
        _writer.OpenBlock($"catch (global::System.Exception __e) when ({Instrumentation}.Fail(__e, {activity}, {token}, out __errorType){KeepException})");
        _writer.WriteLine("// Unreachable: the filter records the failure and returns false, so the exception propagates untouched.");
        _writer.WriteLine("throw;");
        _writer.CloseBlock();
    }

    /// <summary>For <c>[Logged]</c>, the filter also keeps the exception for the failure record (still returning false).</summary>
    private string KeepException => _method.Logged is null ? "" : $" || {MethodLog}.Keep(__e, out __exception)";

    private void EmitResultTags(string result)
    {
        if (_method.ReturnTag is not { } tag)
        {
            return;
        }

        if (_method.Trace is not null)
        {
            _writer.OpenBlock("if (__activity is { IsAllDataRequested: true })");
            _writer.WriteLine($"__activity.SetTag({Identifiers.Literal(tag.Key)}, {TagValue(tag, result)});");
            _writer.CloseBlock();
        }

        if (HasMetricResultTag)
        {
            _writer.WriteLine($"__resultTag = {TagValue(tag, result)};");
        }
    }

    /// <summary>The local function that adds one in-flight call; it holds the <c>TagList</c> so the caller's frame does not.</summary>
    private void EmitBegin()
    {
        if (_method.Active is not { } active)
        {
            return;
        }

        _writer.WriteLine();
        _writer.OpenBlock($"static void __Begin({string.Join(", ", MetricTags.Select(p => p.Type + " " + p.Name))})");
        EmitTagList();
        _writer.WriteLine($"{_holder}.{active.FieldName}.Add(1, in __tags);");
        _writer.CloseBlock();
    }

    /// <summary>
    /// Whether the call ends in <c>Completion</c>, shared by all methods, rather than in local functions of its own:
    /// when its metrics carry no tags of its own (no <c>[Tag]</c> on them, no return tag), and it has no in-flight count,
    /// no <c>[Logged]</c> record and no business event.
    /// </summary>
    private bool UsesSharedCompletion =>
        !MetricTags.Any() && _method.ReturnTag is null && _method.Active is null && _method.Logged is null && _method.Event is null && !HasMeasures;

    private const string Completion = "global::Toolkit.Internal.Completion";

    /// <summary>The arguments <c>Completion</c> takes after the task: span, start, enabled instruments, function.</summary>
    private string SharedCompletionArguments
    {
        get
        {
            string activity = _method.Trace is null ? "null" : "__activity";
            string start = _method.Duration is null ? "0L" : "__start";
            string duration = _method.Duration is { } d ? $"__timed ? {_holder}.{d.FieldName} : null" : "null";
            string calls = _method.Calls is { } c ? $"__counted ? {_holder}.{c.FieldName} : null" : "null";
            return $"{activity}, {start}, {duration}, {calls}, {Identifiers.Literal(_method.FunctionName)}";
        }
    }

    /// <summary>The local function that records the call's metrics and ends its span.</summary>
    private void EmitComplete()
    {
        if (UsesSharedCompletion)
        {
            return;
        }

        _writer.WriteLine();
        _writer.OpenBlock($"static void __Complete({string.Join(", ", State(awaiting: false).Select(s => s.Declaration))})");
        var flags = new List<string>();
        if (_method.Duration is not null)
        {
            flags.Add("__timed");
        }

        if (_method.Calls is not null)
        {
            flags.Add("__counted");
        }

        bool recordsCompletion = flags.Count > 0;
        if (_method.Active is not null)
        {
            flags.Add("__active");
        }

        if (flags.Count > 0)
        {
            _writer.OpenBlock($"if ({string.Join(" | ", flags)})");
            EmitTagList();

            // With a single instrument the outer test already said it is enabled.
            bool single = flags.Count == 1;
            if (_method.Active is { } active)
            {
                EmitGuarded(!single, "__active", $"{_holder}.{active.FieldName}.Add(-1, in __tags);");
            }

            if (recordsCompletion)
            {
                if (HasMetricResultTag)
                {
                    _writer.OpenBlock("if (__resultTag is not null)");
                    _writer.WriteLine($"__tags.Add({Identifiers.Literal(_method.ReturnTag!.Key)}, __resultTag);");
                    _writer.CloseBlock();
                }

                _writer.OpenBlock("if (__errorType is not null)");
                _writer.WriteLine("__tags.Add(\"error.type\", __errorType);");
                _writer.CloseBlock();
            }

            if (_method.Duration is { } duration)
            {
                EmitGuarded(!single, "__timed", $"{_holder}.{duration.FieldName}.Record({Elapsed}, in __tags);");
            }

            if (_method.Calls is { } calls)
            {
                EmitGuarded(!single, "__counted", $"{_holder}.{calls.FieldName}.Add(1, in __tags);");
            }

            _writer.CloseBlock();
        }

        if (_method.Logged is not null)
        {
            _writer.OpenBlock("if (__logged)");
            _writer.WriteLine($"{MethodLog}.Write(__logger!, {Identifiers.Literal(_method.FunctionName)}, __start, __errorType, __exception);");
            _writer.CloseBlock();
        }

        if (_method.Trace is not null)
        {
            _writer.WriteLine("__activity?.Dispose();");
        }

        _writer.CloseBlock();
    }

    private string Elapsed => _method.Trace is not null
        ? $"{Instrumentation}.ElapsedSeconds(__activity, __start)"
        : _target.HasElapsedTime
            ? "global::System.Diagnostics.Stopwatch.GetElapsedTime(__start).TotalSeconds"
            : $"{Instrumentation}.ElapsedSeconds(__start)";

    private void EmitGuarded(bool guarded, string flag, string statement)
    {
        if (guarded)
        {
            _writer.OpenBlock($"if ({flag})");
            _writer.WriteLine(statement);
            _writer.CloseBlock();
        }
        else
        {
            _writer.WriteLine(statement);
        }
    }

    private void EmitTagList()
    {
        _writer.WriteLine("var __tags = new global::System.Diagnostics.TagList();");
        _writer.WriteLine($"__tags.Add(\"code.function.name\", {Identifiers.Literal(_method.FunctionName)});");
        foreach (var parameter in MetricTags)
        {
            _writer.WriteLine($"__tags.Add({Identifiers.Literal(parameter.Tag!.Key)}, {TagValue(parameter.Tag, parameter.Name)});");
        }
    }

    /// <summary>What <c>__Complete</c> needs to know about a call, as declarations and as the arguments that pass it on.</summary>
    /// <param name="awaiting">For the <c>__Await</c> signature, which declares the error and result locals itself.</param>
    private IEnumerable<(string Declaration, string Argument)> State(bool awaiting)
    {
        if (_method.Trace is not null)
        {
            yield return ($"{ActivityType}? __activity", "__activity");
        }

        if (_method.Duration is not null || _method.Logged is not null)
        {
            yield return ("long __start", "__start");
        }

        if (_method.Duration is not null)
        {
            yield return ("bool __timed", "__timed");
        }

        if (_method.Calls is not null)
        {
            yield return ("bool __counted", "__counted");
        }

        if (_method.Active is not null)
        {
            yield return ("bool __active", "__active");
        }

        if (_method.Logged is not null)
        {
            yield return ("global::Microsoft.Extensions.Logging.ILogger? __logger", "__logger");
            yield return ("bool __logged", "__logged");
        }

        if (!awaiting && (_method.Duration is not null || _method.Calls is not null || _method.Logged is not null))
        {
            yield return ("string? __errorType", "__errorType");
        }

        if (!awaiting && _method.Logged is not null)
        {
            yield return ("global::System.Exception? __exception", "__exception");
        }

        if (!awaiting && HasMetricResultTag)
        {
            yield return ("object? __resultTag", "__resultTag");
        }

        var passed = new HashSet<string>();
        foreach (var parameter in MetricTags)
        {
            passed.Add(parameter.Name);
            yield return (parameter.Type + " " + parameter.Name, parameter.Name);
        }

        // The pending task records the measures when it completes, so it needs the flag, the values and their tags.
        if (awaiting && HasMeasures)
        {
            yield return ("bool __measured", "__measured");
            foreach (var argument in MeasureArguments().Where(a => a.Argument != "__result" && passed.Add(a.Argument)))
            {
                yield return argument;
            }
        }

        // The pending task writes the event when it completes, so it needs the logger and the values.
        if (awaiting && _method.Event is { } spec)
        {
            if (_method.Logged is null)
            {
                yield return ("global::Microsoft.Extensions.Logging.ILogger? __logger", "__logger");
            }

            yield return ("bool __event", "__event");
            foreach (var value in spec.Values.Where(v => v.Source != "__result" && passed.Add(v.Source)))
            {
                yield return (EventEmitter.SourceType(value) + " " + value.Source, value.Source);
            }
        }
    }

    private string AwaitCall() => UsesSharedCompletion && HasCompletion
        ? $"{Completion}.Await(__task, {SharedCompletionArguments})"
        : $"{AsyncFunctionName("__Await")}({string.Join(", ", new[] { "__task" }.Concat(State(awaiting: true).Select(s => s.Argument)))})";

    private string CompleteCall() => UsesSharedCompletion
        ? $"{Completion}.Complete({SharedCompletionArguments}, __errorType);"
        : $"__Complete({string.Join(", ", State(awaiting: false).Select(s => s.Argument))});";

    private string CoreCall() =>
        $"{_method.CoreName}{_method.TypeParameters}({string.Join(", ", _method.Parameters.Select(p => p.ArgumentPrefix + p.Name))})";

    private static string TagValue(TagSpec tag, string value) => tag.ValueKind switch
    {
        TagValueKind.Bool => $"{Instrumentation}.Box({value})",
        TagValueKind.NullableBool => $"({value}.HasValue ? {Instrumentation}.Box({value}.GetValueOrDefault()) : null)",
        TagValueKind.Enum => $"{tag.Enum!.HelperName}({value})",
        TagValueKind.NullableEnum => $"({value}.HasValue ? {tag.Enum!.HelperName}({value}.GetValueOrDefault()) : null)",
        TagValueKind.Hashed => $"global::Toolkit.TelemetryRedaction.Hash({value})",
        _ => value,
    };
}
