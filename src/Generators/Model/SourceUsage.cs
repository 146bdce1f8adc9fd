using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Model;

/// <summary>What the assembly's instrumented methods need from its telemetry holder: each instrument once.</summary>
/// <param name="Gauges">Whether <c>[Gauge]</c> members need the holder's <c>Meter</c>.</param>
internal sealed record SourceUsage(bool Traced, EquatableArray<InstrumentSpec> Instruments, bool Gauges = false)
{
    public bool HasMeter => !Instruments.IsEmpty || Gauges;

    public bool IsEmpty => !Traced && !HasMeter;
}
