using System;

namespace Toolkit;

/// <summary>
/// Emits a parameter, or the return value, as a span attribute and as a tag on the method's metrics; on a property of
/// a type with instance <see cref="GaugeAttribute"/> members, tags each tracked instance's measurements.
/// </summary>
/// <remarks>
/// Metric tags must be low-cardinality: set <see cref="SpanOnly"/> for ids and other unbounded values that are
/// useful on a span but would explode a metric's series count. Enum and <see cref="bool"/> values are emitted
/// without boxing.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class TagAttribute : Attribute
{
    /// <summary>Tags with the parameter's own name.</summary>
    public TagAttribute() { }

    /// <summary>Tags with the given attribute name, for example <c>shop.region</c>.</summary>
    /// <param name="name">The attribute name.</param>
    public TagAttribute(string name) => Name = name;

    /// <summary>The attribute name, or <see langword="null"/> for the parameter's name.</summary>
    public string? Name { get; }

    /// <summary>When <see langword="true"/>, the value goes on the span only, never on a metric.</summary>
    public bool SpanOnly { get; set; }
}
