using System.Collections.Generic;
using System.Diagnostics.Metrics;
using Toolkit.Testing.Internal;

namespace Toolkit.Testing;

/// <summary>One measurement a <see cref="TelemetryRecorder"/> captured.</summary>
public sealed class RecordedMeasurement
{
    internal RecordedMeasurement(Instrument instrument, double value, IReadOnlyDictionary<string, object?> tags)
    {
        Instrument = instrument;
        Value = value;
        Tags = tags;
    }

    /// <summary>The instrument, with its name, unit, meter and advice.</summary>
    public Instrument Instrument { get; }

    /// <summary>The value, whatever the instrument's numeric type.</summary>
    public double Value { get; }

    /// <summary>The tags, by name.</summary>
    public IReadOnlyDictionary<string, object?> Tags { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Instrument.Name} = {Values.Format(Value)} {Values.Format(Tags)}";
}
