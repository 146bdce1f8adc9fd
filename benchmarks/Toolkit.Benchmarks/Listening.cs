using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Toolkit.Benchmarks;

/// <summary>Who is listening while a benchmark runs.</summary>
public enum Listeners
{
    /// <summary>No listener: the cost a method pays when telemetry is off.</summary>
    None,

    /// <summary>A raw <see cref="ActivityListener"/> sampling everything and a <see cref="MeterListener"/> on every instrument.</summary>
    Raw,

    /// <summary>The OpenTelemetry SDK with an always-on sampler and a metric reader, no network exporter.</summary>
    OpenTelemetry,
}

/// <summary>Starts the listeners of a <see cref="Listeners"/> state for the benchmark's sources.</summary>
internal static class Listening
{
    private static readonly string[] s_names = ["Bench.Generated", HandWritten.Name, Naive.Name];

    public static IDisposable Start(Listeners state) => state switch
    {
        Listeners.Raw => StartRaw(),
        Listeners.OpenTelemetry => StartOpenTelemetry(),
        _ => new Stack(),
    };

    private static Stack StartRaw()
    {
        var activities = new ActivityListener
        {
            ShouldListenTo = source => Array.IndexOf(s_names, source.Name) >= 0,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(activities);

        var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (Array.IndexOf(s_names, instrument.Meter.Name) >= 0)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        meters.Start();
        return new Stack(activities, meters);
    }

    private static Stack StartOpenTelemetry()
    {
        var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(s_names)
            .SetSampler(new AlwaysOnSampler())
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .AddMeter(s_names)
            .AddReader(new BaseExportingMetricReader(new NullExporter()))
            .Build();
        return new Stack(tracing, metrics);
    }

    private sealed class NullExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }

    private sealed class Stack(params IDisposable?[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item?.Dispose();
            }
        }
    }
}
