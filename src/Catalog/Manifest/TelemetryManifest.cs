using System.Collections.Generic;
using System.Linq;

namespace Toolkit.Catalog.Manifest;

/// <summary>An assembly's telemetry as the generator recorded it: its source and every instrumented method.</summary>
/// <param name="Assembly">The assembly's simple name.</param>
internal sealed record TelemetryManifest(string Assembly, SourcePart Source, IReadOnlyList<TypePart> Types)
{
    /// <summary>The <c>[Gauge]</c> members, ordered by instrument name.</summary>
    public IReadOnlyList<GaugePart> Gauges { get; init; } = [];

    /// <summary>Every instrumented method, ordered by function name.</summary>
    public IEnumerable<MethodPart> Methods =>
        Types.SelectMany(t => t.Methods).OrderBy(m => m.Function, System.StringComparer.Ordinal);
}

/// <summary>The source: the <c>ActivitySource</c> and <c>Meter</c> name and version, and the instruments it creates.</summary>
internal sealed record SourcePart(string Source, string? Version, bool Traced, IReadOnlyList<InstrumentPart> Instruments);

/// <summary>A metric instrument. <paramref name="Kind"/> is <c>histogram</c>, <c>counter</c> or <c>updowncounter</c>.</summary>
internal sealed record InstrumentPart(string Name, string Kind, string Unit, string? Description, IReadOnlyList<double>? Buckets);

/// <summary>The instrumented methods of one type.</summary>
internal sealed record TypePart(string Type, IReadOnlyList<MethodPart> Methods);

/// <summary>One instrumented method and everything it emits.</summary>
/// <param name="Function">
/// The <c>code.function.name</c> value: fully qualified, <c>Namespace.Type.Method</c>; <c>Type.Method</c> in assemblies
/// built before the name followed semantic conventions v1.33.
/// </param>
internal sealed record MethodPart(
    string Name,
    string Function,
    string Namespace,
    SpanPart? Span,
    InstrumentPart? Duration,
    InstrumentPart? Calls,
    InstrumentPart? Active,
    IReadOnlyList<TagPart> Tags,
    EventPart? Event,
    bool Logged,
    SloPart? Slo,
    IReadOnlyList<MeasurePart>? Measures = null)
{
    /// <summary>The method's fully-qualified name, from assemblies of either kind.</summary>
    public string QualifiedName =>
        Namespace.Length == 0 || Function.StartsWith(Namespace + ".", System.StringComparison.Ordinal) ? Function : Namespace + "." + Function;

    /// <summary><c>Type.Method</c>: what alert names are made of, so they stay short and outlive a namespace move.</summary>
    public string LocalName =>
        Namespace.Length > 0 && Function.StartsWith(Namespace + ".", System.StringComparison.Ordinal) ? Function.Substring(Namespace.Length + 1) : Function;

    /// <summary>The tags on the method's metrics besides <c>code.function.name</c> and <c>error.type</c>.</summary>
    public IEnumerable<TagPart> MetricTags => Tags.Where(t => t.Metric);
}

/// <summary>The span a method starts. <paramref name="Kind"/> is an <c>ActivityKind</c> member name.</summary>
internal sealed record SpanPart(string Name, string Kind);

/// <summary>A <c>[Tag]</c>: a span attribute and, when <paramref name="Metric"/>, a metric tag.</summary>
/// <param name="Source">The parameter it comes from, or <c>return</c>.</param>
/// <param name="Classification"><c>none</c> or <c>hashed</c>; redacted values are never tags.</param>
internal sealed record TagPart(string Key, string Source, bool Metric, string Classification);

/// <summary>A business event: a log record, a span event and a <c>business.events</c> count.</summary>
internal sealed record EventPart(string Name, int Id, string Level, string Template, IReadOnlyList<EventPropertyPart> Properties);

/// <summary>A property of a business event's record. <paramref name="Classification"/> is <c>none</c>, <c>hashed</c> or <c>redacted</c>.</summary>
internal sealed record EventPropertyPart(string Name, string Source, string Classification);

/// <summary>A method's service-level objectives.</summary>
/// <param name="ErrorRate">The acceptable fraction of failed calls, if there is an error objective.</param>
internal sealed record SloPart(IReadOnlyList<LatencyPart> Latency, double? ErrorRate, int WindowDays);

/// <summary>A latency objective: <paramref name="Percentile"/> of the calls complete within <paramref name="Seconds"/>.</summary>
internal sealed record LatencyPart(double Percentile, double Seconds, string Text);

/// <summary>A <c>[Measure]</c>: a parameter (or <c>return</c>) recorded on success on <paramref name="Instrument"/>.</summary>
internal sealed record MeasurePart(string Source, InstrumentPart Instrument);

/// <summary>A <c>[Gauge]</c> member, read at each collection.</summary>
/// <param name="Kind"><c>observablegauge</c>, <c>observableupdowncounter</c> or <c>observablecounter</c>.</param>
/// <param name="Member">The member it reads, <c>Namespace.Type.Member</c>.</param>
/// <param name="Instance">Read from every tracked instance (<c>ToolkitGauges.Track</c>) rather than a static member.</param>
/// <param name="Tags">The instance's <c>[Tag]</c> properties.</param>
/// <param name="AlertBelow">Alert when a reading stays below this (<c>[Gauge(AlertBelow = ...)]</c>).</param>
/// <param name="AlertAbove">Alert when a reading stays above this (<c>[Gauge(AlertAbove = ...)]</c>).</param>
internal sealed record GaugePart(
    string Name, string Kind, string? Unit, string? Description, string Member, bool Instance, IReadOnlyList<GaugeTagPart>? Tags,
    double? AlertBelow = null, double? AlertAbove = null)
{
    /// <summary>The gauge as an instrument, for naming: an observable counter is a counter to Prometheus, the others gauges.</summary>
    public InstrumentPart Instrument => new(Name, Kind == "observablecounter" ? "counter" : "updowncounter", Unit ?? "", Description, null);
}

/// <summary>A tag of a tracked instance's measurements: <paramref name="Key"/> from its property <paramref name="Source"/>.</summary>
internal sealed record GaugeTagPart(string Key, string Source);
