using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;

namespace Toolkit.Internal;

/// <summary>The instances of <typeparamref name="TInstance"/> whose instance gauges are published, copy-on-write.</summary>
internal static class TrackedInstances<TInstance>
    where TInstance : class
{
    private static readonly object s_gate = new();
    private static Registration[] s_tracked = [];

    /// <summary>Set by the generated code that creates the type's instance gauges.</summary>
    public static bool HasGauges { get; set; }

    public static IDisposable Add(TInstance instance)
    {
        var registration = new Registration(instance);
        lock (s_gate)
        {
            var tracked = new Registration[s_tracked.Length + 1];
            Array.Copy(s_tracked, tracked, s_tracked.Length);
            tracked[tracked.Length - 1] = registration;
            Volatile.Write(ref s_tracked, tracked);
        }

        return registration;
    }

    /// <summary>One measurement per tracked instance that has a value; an instance whose member throws is skipped and reported.</summary>
    public static IEnumerable<Measurement<T>> Observe<T>(GaugeRead<TInstance, T> read, Func<TInstance, KeyValuePair<string, object?>[]>? tags)
        where T : struct
    {
        var tracked = Volatile.Read(ref s_tracked);
        if (tracked.Length == 0)
        {
            return Array.Empty<Measurement<T>>();
        }

        var measurements = new List<Measurement<T>>(tracked.Length);
        foreach (var registration in tracked)
        {
            try
            {
                if (read(registration.Instance, out T value))
                {
                    measurements.Add(tags is null ? new Measurement<T>(value) : new Measurement<T>(value, tags(registration.Instance)));
                }
            }
            catch (Exception exception)
            {
                ToolkitEventSource.Log.TelemetryFailed(exception);
            }
        }

        return measurements;
    }

    private static void Remove(Registration registration)
    {
        lock (s_gate)
        {
            int index = Array.IndexOf(s_tracked, registration);
            if (index < 0)
            {
                return;
            }

            var tracked = new Registration[s_tracked.Length - 1];
            Array.Copy(s_tracked, 0, tracked, 0, index);
            Array.Copy(s_tracked, index + 1, tracked, index, tracked.Length - index);
            Volatile.Write(ref s_tracked, tracked);
        }
    }

    private sealed class Registration(TInstance instance) : IDisposable
    {
        public TInstance Instance { get; } = instance;

        public void Dispose() => Remove(this);
    }
}
