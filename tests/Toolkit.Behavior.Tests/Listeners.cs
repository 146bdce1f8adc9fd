using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>The source and meter that generated code in Toolkit.TestAssets uses.</summary>
internal static class TestSource
{
    public const string Name = "Toolkit.TestAssets";

    public const string Version = "1.2.3";

    /// <summary>The semantic conventions the generated names follow, set where DiagnosticSource takes a schema URL (.NET 10).</summary>
    public const string SchemaUrl = "https://opentelemetry.io/schemas/1.33.0";
}

/// <summary>Records every span of <see cref="TestSource.Name"/>, and of no other source, while it lives.</summary>
internal sealed class ActivityCollector : IDisposable
{
    private readonly object _gate = new();
    private readonly List<Activity> _started = [];
    private readonly List<Activity> _stopped = [];
    private readonly ActivityListener _listener;

    public ActivityCollector(ActivitySamplingResult sampling = ActivitySamplingResult.AllDataAndRecorded)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TestSource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => sampling,
            ActivityStarted = activity =>
            {
                lock (_gate)
                {
                    _started.Add(activity);
                }
            },
            ActivityStopped = activity =>
            {
                lock (_gate)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Started
    {
        get
        {
            lock (_gate)
            {
                return _started.ToArray();
            }
        }
    }

    public IReadOnlyList<Activity> Stopped
    {
        get
        {
            lock (_gate)
            {
                return _stopped.ToArray();
            }
        }
    }

    /// <summary>The one stopped span with the given operation name.</summary>
    public Activity SingleStopped(string name) => Assert.Single(Stopped, activity => activity.OperationName == name);

    /// <summary>The one started span with the given operation name, stopped or not.</summary>
    public Activity SingleStarted(string name) => Assert.Single(Started, activity => activity.OperationName == name);

    public void Dispose() => _listener.Dispose();
}

/// <summary>One measurement seen by a <see cref="MetricCollector"/>, with the span current when it was recorded.</summary>
internal sealed record RecordedMeasurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags, Activity? CurrentSpan)
{
    public string? Function => Tags.TryGetValue("code.function.name", out var value) ? value as string : null;
}

/// <summary>Records every measurement of the <see cref="TestSource.Name"/> meter, and of no other meter, while it lives.</summary>
internal sealed class MetricCollector : IDisposable
{
    private readonly object _gate = new();
    private readonly List<RecordedMeasurement> _measurements = [];
    private readonly MeterListener _listener;

    public MetricCollector()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TestSource.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<RecordedMeasurement> All
    {
        get
        {
            lock (_gate)
            {
                return _measurements.ToArray();
            }
        }
    }

    /// <summary>The measurements of one instrument for one generated method of the test assets, in recording order.</summary>
    /// <param name="function"><c>Type.Method</c> in <c>Toolkit.TestAssets</c>; the tag holds the fully-qualified name.</param>
    public IReadOnlyList<RecordedMeasurement> Of(string instrument, string function) =>
        All.Where(m => m.Instrument.Name == instrument && m.Function == "Toolkit.TestAssets." + function).ToArray();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(tags.Length, StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_gate)
        {
            _measurements.Add(new RecordedMeasurement(instrument, value, copy, Activity.Current));
        }
    }
}
