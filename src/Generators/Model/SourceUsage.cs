using Toolkit.Generators.Helpers;

namespace Toolkit.Generators.Model;

/// <summary>What the assembly's instrumented methods need from its telemetry holder: each instrument once.</summary>
internal sealed record SourceUsage(bool Traced, EquatableArray<InstrumentSpec> Instruments)
{
    public bool IsEmpty => !Traced && Instruments.IsEmpty;
}
