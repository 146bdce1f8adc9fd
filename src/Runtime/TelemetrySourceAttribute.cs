using System;

namespace Toolkit;

/// <summary>
/// Names the <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>
/// that generated instrumentation in this assembly uses.
/// </summary>
/// <remarks>
/// Without this attribute the source is named after the assembly and versioned with its informational version
/// without build metadata (<c>1.4.0</c> of <c>1.4.0+3f2a91c</c>): the version becomes Prometheus's
/// <c>otel_scope_version</c> label, which must not start new series on every build.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class TelemetrySourceAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The source and meter name, for example <c>Shop.Orders</c>.</param>
    public TelemetrySourceAttribute(string name) => Name = name;

    /// <summary>The source and meter name.</summary>
    public string Name { get; }

    /// <summary>The source and meter version, used as given; defaults to the assembly's informational version without build metadata.</summary>
    public string? Version { get; set; }
}
