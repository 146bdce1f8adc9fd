using System;

namespace Toolkit;

/// <summary>
/// Records a numeric parameter, or the return value, of an instrumented method on a histogram (or, with
/// <see cref="Sum"/>, a counter) each time a call succeeds, with the method's metric tags: <c>code.function.name</c>
/// and its <see cref="TagAttribute"/> parameters that are not span-only.
/// </summary>
/// <remarks>
/// For business values such as order amounts (<c>[Measure("shop.order.amount", Unit = "{USD}")]</c>) or revenue
/// (<c>Sum = true</c>). <see cref="int"/>, <see cref="long"/>, <see cref="float"/>, <see cref="double"/> and
/// <see cref="decimal"/> values (and the smaller integers) are recorded as <see cref="double"/>; a <see langword="null"/>
/// nullable value is no measurement. A failed call records nothing. The method needs one of <c>[Traced]</c>,
/// <c>[Timed]</c>, <c>[Counted]</c>, <c>[InFlight]</c>, <c>[Logged]</c> or <c>[BusinessEvent]</c>, which make the
/// generator implement it. One value may carry several, e.g. a histogram of order amounts and a sum of revenue.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = true, Inherited = false)]
public sealed class MeasureAttribute : Attribute
{
    /// <summary>Records on the instrument of the given name.</summary>
    /// <param name="name">An OpenTelemetry instrument name: lowercase, dot-separated, no unit, e.g. <c>shop.order.amount</c>.</param>
    public MeasureAttribute(string name) => Name = name;

    /// <summary>The instrument name.</summary>
    public string Name { get; }

    /// <summary>The UCUM unit, e.g. <c>{USD}</c> or <c>By</c>.</summary>
    public string? Unit { get; set; }

    /// <summary>The instrument description.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Explicit histogram bucket boundaries, ascending. Without them the SDK's default boundaries apply
    /// (<c>[0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000]</c>).
    /// </summary>
    public double[]? Buckets { get; set; }

    /// <summary>When <see langword="true"/>, the values are added up on a <c>Counter&lt;double&gt;</c> instead of a histogram: revenue, credits consumed.</summary>
    public bool Sum { get; set; }
}
