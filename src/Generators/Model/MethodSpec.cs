using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Model;

/// <summary>Everything the emitter needs to write one instrumented method; plain data, no symbols.</summary>
/// <param name="Modifiers">The declaration's modifiers without <c>partial</c>, e.g. <c>public static</c>.</param>
/// <param name="ResultType">The <c>T</c> of <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>, or the return type for <see cref="ReturnShape.Value"/>.</param>
/// <param name="TypeParameters">The method's type parameter list, e.g. <c>&lt;T&gt;</c>, or empty.</param>
/// <param name="Constraints">One <c>where</c> clause per constrained type parameter.</param>
/// <param name="FunctionName">The <c>code.function.name</c> value, fully qualified: <c>Namespace.Type.Method</c>.</param>
/// <param name="Namespace">The containing namespace, empty for the global one; carried to the manifest only.</param>
/// <param name="CancellationToken">The name of the method's <c>CancellationToken</c> parameter, if any.</param>
/// <param name="Logged">The logger of a <c>[Logged]</c> method.</param>
/// <param name="HasCore">False for a bodiless <c>[BusinessEvent]</c> method: calling it writes the event.</param>
/// <param name="ResultCarriesFlowState">A <see langword="bool"/> result that tells the caller about its parameters (<c>[NotNullWhen]</c>...), which the compiler tracks only through the call itself.</param>
/// <param name="NeedsUnsafeContext">The signature names pointers or the method is <c>unsafe</c>, so the implementation goes into an <c>unsafe</c> part of the type, and what it awaits into a member of the other part (no await in an unsafe context).</param>
/// <param name="DoesNotReturn">The method is <c>[DoesNotReturn]</c> (and so is its Core).</param>
/// <param name="HasOptionalParameters">A method others can call (public or protected) has a parameter with a default value, which the implementation's signature cannot repeat.</param>
/// <param name="NullableOblivious">The declaration is written with nullable annotations off; the implementation's signature must be too.</param>
/// <param name="Slo">The method's service-level objectives, carried to the telemetry manifest.</param>
/// <param name="Measures">The <c>[Measure]</c> parameters and return value, recorded on success.</param>
internal sealed record MethodSpec(
    string Name,
    string CoreName,
    string Modifiers,
    string ReturnType,
    ReturnShape Shape,
    string? ResultType,
    string TypeParameters,
    EquatableArray<string> Constraints,
    EquatableArray<ParameterSpec> Parameters,
    string FunctionName,
    string Namespace,
    string? CancellationToken,
    TraceSpec? Trace,
    InstrumentSpec? Duration,
    InstrumentSpec? Calls,
    InstrumentSpec? Active,
    TagSpec? ReturnTag,
    EventSpec? Event,
    LoggerSpec? Logged,
    bool HasCore,
    bool NeedsUnsafeContext,
    bool ResultCarriesFlowState,
    bool DoesNotReturn,
    bool NullableOblivious,
    bool HasOptionalParameters,
    string TelemetryClass,
    SloSpec? Slo,
    EquatableArray<MeasureSpec> Measures)
{
    public bool HasMetrics => Duration is not null || Calls is not null || Active is not null;

    /// <summary>Generic methods keep event values as <c>object?</c>: the state struct cannot name their type parameters.</summary>
    public bool IsGeneric => TypeParameters.Length > 0;
}

/// <summary>A value a <c>[Measure]</c> records on success.</summary>
/// <param name="Source">The parameter's name, or <c>__result</c>.</param>
/// <param name="Type">The value's declared type, as the measuring function's parameter.</param>
/// <param name="Nullable">A nullable value: <see langword="null"/> is no measurement.</param>
internal sealed record MeasureSpec(InstrumentSpec Instrument, string Source, string Type, bool Nullable);

/// <summary>The span a <c>[Traced]</c> method starts.</summary>
/// <param name="Kind">The <c>ActivityKind</c> member name.</param>
internal sealed record TraceSpec(string SpanName, string Kind);
