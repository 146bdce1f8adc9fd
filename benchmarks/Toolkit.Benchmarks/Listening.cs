using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Toolkit.Benchmarks;

/// <summary>Who is listening while a benchmark runs.</summary>
public enum Listeners
{
    /// <summary>No listener and a logger enabled for nothing: the cost a method pays when telemetry is off.</summary>
    None,

    /// <summary>
    /// A raw <see cref="ActivityListener"/> sampling everything, a <see cref="MeterListener"/> on every instrument and
    /// a logger enabled for <see cref="LogLevel.Information"/> whose provider drops the records.
    /// </summary>
    Raw,

    /// <summary>
    /// The OpenTelemetry SDK with an always-on sampler, a metric reader and a log processor, no network exporter.
    /// </summary>
    OpenTelemetry,
}

/// <summary>Starts the listeners of a <see cref="Listeners"/> state for the benchmark's sources.</summary>
internal static class Listening
{
    private static readonly string[] s_names = ["Bench.Generated", HandWritten.Name, Naive.Name, Woven.Name, Extensions.Name];

    public static Session Start(Listeners state) => state switch
    {
        Listeners.Raw => StartRaw(),
        Listeners.OpenTelemetry => StartOpenTelemetry(),
        _ => new Session(LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.None).AddProvider(new DroppingProvider()))),
    };

    private static Session StartRaw()
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

        var logging = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(new DroppingProvider()));
        return new Session(logging, activities, meters);
    }

    private static Session StartOpenTelemetry()
    {
        var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(s_names)
            .SetSampler(new AlwaysOnSampler())
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .AddMeter(s_names)
            .AddReader(new BaseExportingMetricReader(new NullExporter<Metric>()))
            .Build();
        var logging = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Information)
            .AddOpenTelemetry(options => options.AddProcessor(new SimpleLogRecordExportProcessor(new NullExporter<LogRecord>()))));
        return new Session(logging, tracing, metrics);
    }

    private sealed class NullExporter<T> : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch) => ExportResult.Success;
    }

    /// <summary>A provider whose loggers are enabled at every level the factory lets through and drop each record.</summary>
    internal sealed class DroppingProvider : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>The listeners of one state and the logger factory the variants take their loggers from.</summary>
internal sealed class Session(ILoggerFactory logging, params IDisposable?[] listeners) : IDisposable
{
    public ILoggerFactory Logging { get; } = logging;

    public void Dispose()
    {
        foreach (var listener in listeners)
        {
            listener?.Dispose();
        }

        Logging.Dispose();
    }
}
