using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.Metrics;

namespace Toolkit.Internal;

/// <summary>Reads a static gauge member; <see langword="false"/> when it has no value (a <see langword="null"/> nullable).</summary>
/// <typeparam name="T">The observed type: <see cref="long"/> or <see cref="double"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool GaugeRead<T>(out T value);

/// <summary>Reads an instance gauge member; <see langword="false"/> when it has no value.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool GaugeRead<in TInstance, T>(TInstance instance, out T value);

/// <summary>Creates the observable instruments of <c>[Gauge]</c> members. Generated code calls it once per member, as the assembly loads.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Gauges
{
    /// <summary>Publishes a static member: one measurement per collection, or none when it has no value or throws.</summary>
    public static ObservableInstrument<T> Create<T>(Meter meter, GaugeKind kind, string name, string? unit, string? description, GaugeRead<T> read)
        where T : struct
    {
        // The one closure, allocated here; a collection allocates nothing.
        return Create(meter, kind, name, unit, description, () => Observe(read));
    }

    /// <summary>
    /// Publishes an instance member of every tracked <typeparamref name="TInstance"/>, tagged with the instance's
    /// <c>[Tag]</c> properties (<paramref name="tags"/>, or <see langword="null"/> when it has none).
    /// </summary>
    public static ObservableInstrument<T> CreateTracked<TInstance, T>(
        Meter meter,
        GaugeKind kind,
        string name,
        string? unit,
        string? description,
        GaugeRead<TInstance, T> read,
        Func<TInstance, KeyValuePair<string, object?>[]>? tags)
        where TInstance : class
        where T : struct
    {
        TrackedInstances<TInstance>.HasGauges = true;
        return Create(meter, kind, name, unit, description, () => TrackedInstances<TInstance>.Observe(read, tags));
    }

    /// <summary>Reads a static member; a throwing member is reported and loses this measurement only.</summary>
    public static IEnumerable<Measurement<T>> Observe<T>(GaugeRead<T> read)
        where T : struct
    {
        try
        {
            if (read(out T value))
            {
                return SingleMeasurement<T>.Of(value);
            }
        }
        catch (Exception exception)
        {
            ToolkitEventSource.Log.TelemetryFailed(exception);
        }

        return Array.Empty<Measurement<T>>();
    }

    private static ObservableInstrument<T> Create<T>(Meter meter, GaugeKind kind, string name, string? unit, string? description, Func<IEnumerable<Measurement<T>>> observe)
        where T : struct => kind switch
        {
            GaugeKind.Counter => meter.CreateObservableCounter(name, observe, unit, description),
            GaugeKind.UpDownCounter => meter.CreateObservableUpDownCounter(name, observe, unit, description),
            _ => meter.CreateObservableGauge(name, observe, unit, description),
        };
}
