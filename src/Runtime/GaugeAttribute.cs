using System;

namespace Toolkit;

/// <summary>
/// Publishes the value of the annotated property or parameterless method as an observable instrument, read each time
/// a listener collects metrics.
/// </summary>
/// <remarks>
/// <para>On a <see langword="static"/> member the instrument reads it from the moment the assembly loads. On an
/// instance member it reads every instance passed to <see cref="ToolkitGauges.Track{T}(T)"/> until the returned handle
/// is disposed, one measurement per instance, tagged with the instance's <see cref="TagAttribute"/> properties.</para>
/// <para>The member must be readable from the assembly (internal or public, as its containing types) and of a numeric
/// type: <see cref="byte"/>, <see cref="short"/>, <see cref="int"/>, <see cref="long"/> and their unsigned siblings
/// up to <see cref="uint"/> are observed as <see cref="long"/>; <see cref="float"/>, <see cref="double"/> and
/// <see cref="decimal"/> as <see cref="double"/>. A <see langword="null"/> nullable value is no measurement. A
/// member that throws loses that one measurement, never the collection.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class GaugeAttribute : Attribute
{
    /// <summary>Publishes the member under the given instrument name.</summary>
    /// <param name="name">An OpenTelemetry instrument name: lowercase, dot-separated, no unit, e.g. <c>shop.orders.open</c>.</param>
    public GaugeAttribute(string name) => Name = name;

    /// <summary>The instrument name.</summary>
    public string Name { get; }

    /// <summary>The UCUM unit, e.g. <c>{order}</c> or <c>By</c>.</summary>
    public string? Unit { get; set; }

    /// <summary>The instrument description.</summary>
    public string? Description { get; set; }

    /// <summary>What the value means to an aggregator; defaults to <see cref="GaugeKind.Gauge"/>.</summary>
    public GaugeKind Kind { get; set; } = GaugeKind.Gauge;

    /// <summary>
    /// A value the generated alerting rules warn under when a reading (per tracked instance) stays below it for ten
    /// minutes, e.g. stock running out; <see cref="double.NaN"/> (the default) for no such rule.
    /// </summary>
    public double AlertBelow { get; set; } = double.NaN;

    /// <summary>
    /// A value the generated alerting rules warn over when a reading (per tracked instance) stays above it for ten
    /// minutes, e.g. a queue backing up; <see cref="double.NaN"/> (the default) for no such rule.
    /// </summary>
    public double AlertAbove { get; set; } = double.NaN;
}

/// <summary>Which observable instrument a <see cref="GaugeAttribute"/> publishes.</summary>
public enum GaugeKind
{
    /// <summary>An <c>ObservableGauge</c>: a current value that is not summed, e.g. a temperature or a cache hit ratio.</summary>
    Gauge,

    /// <summary>An <c>ObservableUpDownCounter</c>: a current amount that may be summed across instances, e.g. a queue depth.</summary>
    UpDownCounter,

    /// <summary>An <c>ObservableCounter</c>: a total that only grows, e.g. bytes sent since start.</summary>
    Counter,
}
