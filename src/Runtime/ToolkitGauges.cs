using System;
using Toolkit.Internal;

namespace Toolkit;

/// <summary>Registers instances whose <see cref="GaugeAttribute"/> members are published.</summary>
public static class ToolkitGauges
{
    /// <summary>
    /// Publishes the instance gauges of <typeparamref name="T"/> for <paramref name="instance"/> until the returned
    /// handle is disposed. Each tracked instance is one measurement per collection, tagged with its
    /// <see cref="TagAttribute"/> properties; tracking the same instance twice measures it once per handle.
    /// </summary>
    /// <typeparam name="T">The type that declares the <see cref="GaugeAttribute"/> instance members.</typeparam>
    /// <param name="instance">The instance to read.</param>
    /// <returns>A handle that stops the tracking; disposing it twice is harmless.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> declares no instance gauges.</exception>
    public static IDisposable Track<T>(T instance)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!TrackedInstances<T>.HasGauges)
        {
            throw new InvalidOperationException(
                $"{typeof(T).FullName} declares no [Gauge] instance members; pass the instance as the type that declares them.");
        }

        return TrackedInstances<T>.Add(instance);
    }
}
