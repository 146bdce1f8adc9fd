using System;

namespace Toolkit;

/// <summary>
/// Tracks calls of the annotated <c>partial</c> method in progress on an
/// <see cref="System.Diagnostics.Metrics.UpDownCounter{T}"/> (unit <c>{call}</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class InFlightAttribute : Attribute
{
    /// <summary>Tracks on the shared <c>method.active</c> up-down counter.</summary>
    public InFlightAttribute() { }

    /// <summary>Tracks on an up-down counter of the given name.</summary>
    /// <param name="name">An OpenTelemetry instrument name: lowercase, dot-separated, no unit.</param>
    public InFlightAttribute(string name) => Name = name;

    /// <summary>The up-down counter name, or <see langword="null"/> for <c>method.active</c>.</summary>
    public string? Name { get; }
}
