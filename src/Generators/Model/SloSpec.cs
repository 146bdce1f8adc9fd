using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Model;

/// <summary>A method's <c>[Slo]</c>: what the manifest tells alerting about it.</summary>
/// <param name="ErrorRate">The acceptable fraction of failed calls, or <see langword="null"/> for no error objective.</param>
internal sealed record SloSpec(EquatableArray<LatencyObjective> Latency, double? ErrorRate, int WindowDays);

/// <summary>A fraction of calls that must complete within a duration.</summary>
/// <param name="Percentile">0.5, 0.95 or 0.99.</param>
/// <param name="Seconds">The duration in seconds, parsed from <paramref name="Text"/>.</param>
/// <param name="Text">The duration as written, e.g. <c>300ms</c>.</param>
internal sealed record LatencyObjective(double Percentile, double Seconds, string Text);
