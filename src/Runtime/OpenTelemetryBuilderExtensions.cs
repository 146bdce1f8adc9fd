using System;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Toolkit;

/// <summary>
/// One-line registration of every Toolkit-generated source and meter with the OpenTelemetry SDK.
/// </summary>
public static class OpenTelemetryBuilderExtensions
{
    /// <summary>Subscribes the tracer provider to every <see cref="System.Diagnostics.ActivitySource"/> Toolkit generated.</summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns>The same builder.</returns>
    public static TracerProviderBuilder AddToolkitSources(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var name in ToolkitSources.Names)
        {
            builder.AddSource(name);
        }

        return builder;
    }

    /// <summary>Subscribes the meter provider to every <see cref="System.Diagnostics.Metrics.Meter"/> Toolkit generated.</summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns>The same builder.</returns>
    public static MeterProviderBuilder AddToolkitMeters(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var name in ToolkitSources.Names)
        {
            builder.AddMeter(name);
        }

        return builder;
    }
}
