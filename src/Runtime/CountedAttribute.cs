using System;

namespace Toolkit;

/// <summary>
/// Counts every call of the annotated <c>partial</c> method on a <see cref="System.Diagnostics.Metrics.Counter{T}"/>
/// (unit <c>{call}</c>), tagged like <see cref="TimedAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CountedAttribute : Attribute
{
    /// <summary>Counts on the shared <c>method.calls</c> counter.</summary>
    public CountedAttribute() { }

    /// <summary>Counts on a counter of the given name.</summary>
    /// <param name="name">An OpenTelemetry instrument name: lowercase, dot-separated, no unit.</param>
    public CountedAttribute(string name) => Name = name;

    /// <summary>The counter name, or <see langword="null"/> for <c>method.calls</c>.</summary>
    public string? Name { get; }
}
