using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Model;

internal enum InstrumentKind
{
    Histogram,
    Counter,
    UpDownCounter,

    /// <summary>A <c>[Measure]</c> histogram of values: no default bucket advice (the SDK's apply).</summary>
    ValueHistogram,

    /// <summary>A <c>[Measure(Sum = true)]</c> counter of values.</summary>
    ValueSum,
}

/// <summary>One metric instrument of the telemetry source.</summary>
/// <param name="Buckets">Explicit bucket boundaries; empty for the default duration advice.</param>
internal sealed record InstrumentSpec(InstrumentKind Kind, string Name, string Unit, string Description, EquatableArray<double> Buckets)
{
    public const string DefaultDurationName = "method.duration";
    public const string DefaultCallsName = "method.calls";
    public const string DefaultActiveName = "method.active";

    /// <summary>The counter of business events, tagged with <c>event.name</c>.</summary>
    public static readonly InstrumentSpec BusinessEvents = new(InstrumentKind.Counter, "business.events", "{event}", "The number of business events written.", EquatableArray<double>.Empty);

    /// <summary>The static field holding the instrument, derived from the spec alone so that methods need not see the others.</summary>
    public string FieldName
    {
        get
        {
            string suffix = Buckets.IsEmpty ? "" : "_" + Identifiers.StableHash(string.Join(",", Buckets));
            return Kind + "_" + Identifiers.Sanitize(Name) + suffix;
        }
    }

    public string TypeName => Kind switch
    {
        InstrumentKind.Histogram or InstrumentKind.ValueHistogram => "global::System.Diagnostics.Metrics.Histogram<double>",
        InstrumentKind.Counter => "global::System.Diagnostics.Metrics.Counter<long>",
        InstrumentKind.ValueSum => "global::System.Diagnostics.Metrics.Counter<double>",
        _ => "global::System.Diagnostics.Metrics.UpDownCounter<long>",
    };
}
