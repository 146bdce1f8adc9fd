using System;

namespace Toolkit;

/// <summary>
/// States the service-level objectives of a <c>[Timed]</c> or <c>[Counted]</c> method. The generator records them in
/// the assembly's telemetry manifest, from which <c>toolkit-telemetry</c> writes Prometheus alerting rules.
/// </summary>
/// <remarks>
/// Durations are written as a number and a unit, <c>"300ms"</c>, <c>"1.5s"</c> or <c>"2m"</c>. A latency objective
/// needs <c>[Timed]</c>; an error-rate objective needs <c>[Timed]</c> or <c>[Counted]</c>, whose failed calls carry
/// <c>error.type</c>. An objective the method cannot be measured against is reported as TK1010.
/// </remarks>
/// <example>
/// <code>
/// [Timed, Counted]
/// [Slo(LatencyP95 = "300ms", ErrorRate = 0.01)]
/// public partial Task&lt;Receipt&gt; PlaceOrderAsync(Order order);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SloAttribute : Attribute
{
    /// <summary>The duration under which half of the calls complete, e.g. <c>"100ms"</c>.</summary>
    public string? LatencyP50 { get; set; }

    /// <summary>The duration under which 95% of the calls complete, e.g. <c>"300ms"</c>.</summary>
    public string? LatencyP95 { get; set; }

    /// <summary>The duration under which 99% of the calls complete, e.g. <c>"1s"</c>.</summary>
    public string? LatencyP99 { get; set; }

    /// <summary>The largest acceptable fraction of failed calls, between 0 and 1 exclusive, e.g. <c>0.01</c>; 0 for none.</summary>
    public double ErrorRate { get; set; }

    /// <summary>The period over which the objectives hold and their error budget is spent, in days. Defaults to 30.</summary>
    public int WindowDays { get; set; } = 30;
}
