using System;

namespace Toolkit;

/// <summary>
/// Names the <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>
/// that generated instrumentation in this assembly uses.
/// </summary>
/// <remarks>
/// Without this attribute the source is named after the assembly and versioned with its informational version.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class TelemetrySourceAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The source and meter name, for example <c>Shop.Orders</c>.</param>
    public TelemetrySourceAttribute(string name) => Name = name;

    /// <summary>The source and meter name.</summary>
    public string Name { get; }

    /// <summary>The source and meter version; defaults to the assembly's informational version.</summary>
    public string? Version { get; set; }
}
