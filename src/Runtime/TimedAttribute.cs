using System;

namespace Toolkit;

/// <summary>
/// Records the duration of every call of the annotated <c>partial</c> method, in seconds, on a
/// <see cref="System.Diagnostics.Metrics.Histogram{T}"/>.
/// </summary>
/// <remarks>
/// By default all timed methods of a source share the <c>method.duration</c> histogram and are told apart by their
/// <c>code.function.name</c> tag. Failed calls carry an <c>error.type</c> tag.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TimedAttribute : Attribute
{
    /// <summary>Records on the shared <c>method.duration</c> histogram.</summary>
    public TimedAttribute() { }

    /// <summary>Records on a histogram of the given name.</summary>
    /// <param name="name">An OpenTelemetry instrument name: lowercase, dot-separated, no unit.</param>
    public TimedAttribute(string name) => Name = name;

    /// <summary>The histogram name, or <see langword="null"/> for <c>method.duration</c>.</summary>
    public string? Name { get; }

    /// <summary>
    /// Explicit bucket boundaries in seconds, ascending. Defaults to the OpenTelemetry HTTP duration advice
    /// <c>[0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10]</c>.
    /// </summary>
    public double[]? Buckets { get; set; }
}
