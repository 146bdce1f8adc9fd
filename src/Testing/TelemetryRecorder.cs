using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using Microsoft.Extensions.Logging;
using Toolkit.Testing.Internal;

namespace Toolkit.Testing;

/// <summary>
/// Captures the spans, metric measurements and log records that one test's own flow of execution produces, so tests
/// running in parallel each see only their own telemetry.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Start"/> makes the recorder current for the calling flow through an <see cref="AsyncLocal{T}"/>; it
/// flows into every <see langword="await"/>, <see cref="System.Threading.Tasks.Task.Run(Action)"/>, timer and thread
/// started from there. One process-wide <see cref="ActivityListener"/> and <see cref="MeterListener"/>, alive while
/// any recorder is, run their callbacks on the thread doing the work and hand what they see to the recorder current
/// there: spans are sampled only inside a recorder, measurements outside any recorder are dropped.
/// </para>
/// <para>
/// Work that does not flow the execution context (<see cref="ThreadPool.UnsafeQueueUserWorkItem(WaitCallback, object)"/>,
/// callbacks registered with flow suppressed) is attributed only through its span: a span started there with an explicit
/// parent belongs to the recorder whose root span began that trace, and so do measurements and records made while it is
/// <see cref="Activity.Current"/>. Anything else there is not captured.
/// </para>
/// </remarks>
public sealed partial class TelemetryRecorder : IDisposable
{
    private static readonly AsyncLocal<TelemetryRecorder?> s_current = new();

    // Traces whose root span began inside a recorder: the way back to it from threads the context did not flow to.
    private static readonly ConcurrentDictionary<ActivityTraceId, TelemetryRecorder> s_traces = new();

    private readonly Lock _gate = new();
    private readonly List<Activity> _activities = [];
    private readonly List<RecordedMeasurement> _measurements = [];
    private readonly List<RecordedLog> _logs = [];
    private readonly List<ActivityTraceId> _rootTraces = [];
    private readonly TelemetryRecorder? _previous;
    private readonly RecorderLoggerFactory _loggerFactory;
    private int _disposed;

    private TelemetryRecorder(TelemetryRecorder? previous)
    {
        _previous = previous;
        _loggerFactory = new RecorderLoggerFactory(this);
    }

    /// <summary>The recorder that captures the calling flow's telemetry, or <see langword="null"/> when none does.</summary>
    public static TelemetryRecorder? Current => ForCurrentFlow();

    /// <summary>
    /// A logger provider whose loggers write to the recorder current in the calling flow, and write nothing outside one.
    /// Add it to a host or logger factory that tests share.
    /// </summary>
    public static ILoggerProvider LoggerProvider => RecorderLoggerFactory.Routing;

    /// <summary>
    /// A logger factory whose loggers write to this recorder, whichever flow they are called from. Hand it, or a
    /// logger from <see cref="CreateLogger{T}"/>, to the code under test.
    /// </summary>
    public ILoggerFactory LoggerFactory => _loggerFactory;

    /// <summary>The lowest level of log record captured; <see cref="LogLevel.Trace"/> unless set.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Trace;

    /// <summary>The captured spans in the order they started, finished or still running.</summary>
    public IReadOnlyList<Activity> Activities
    {
        get
        {
            lock (_gate)
            {
                return _activities.ToArray();
            }
        }
    }

    /// <summary>The captured metric measurements in the order they were recorded.</summary>
    public IReadOnlyList<RecordedMeasurement> Measurements
    {
        get
        {
            lock (_gate)
            {
                return _measurements.ToArray();
            }
        }
    }

    /// <summary>The captured log records in the order they were written.</summary>
    public IReadOnlyList<RecordedLog> Logs
    {
        get
        {
            lock (_gate)
            {
                return _logs.ToArray();
            }
        }
    }

    internal bool IsActive => Volatile.Read(ref _disposed) == 0;

    /// <summary>
    /// Starts capturing the calling flow's telemetry until the recorder is disposed. A recorder started inside
    /// another one captures in its place until it is disposed.
    /// </summary>
    /// <remarks>
    /// When <see cref="ToolkitLogging.LoggerFactory"/> is not set, it is set to a factory that writes to the current
    /// recorder, so business events of types without a logger of their own are captured too. Outside any recorder its
    /// loggers are disabled.
    /// </remarks>
    /// <returns>The recorder; dispose it at the end of the test.</returns>
    public static TelemetryRecorder Start()
    {
        var recorder = new TelemetryRecorder(s_current.Value);
        SharedListeners.Acquire();
        if (ToolkitLogging.LoggerFactory is null)
        {
            ToolkitLogging.LoggerFactory = RecorderLoggerFactory.Routing;
        }

        s_current.Value = recorder;
        return recorder;
    }

    /// <summary>A logger that writes to this recorder.</summary>
    /// <typeparam name="T">The type whose name is the category.</typeparam>
    /// <returns>The logger.</returns>
    public ILogger<T> CreateLogger<T>() => new Logger<T>(_loggerFactory);

    /// <summary>A logger that writes to this recorder.</summary>
    /// <param name="categoryName">The category.</param>
    /// <returns>The logger.</returns>
    public ILogger CreateLogger(string categoryName) => _loggerFactory.CreateLogger(categoryName);

    /// <summary>
    /// Reads every observable instrument in the process now, on this flow, and captures what they report.
    /// </summary>
    /// <remarks>
    /// Observable instruments are read when a listener asks, not when the code under test runs, so their values are
    /// whatever the process-wide callback returns: they are not scoped to this test.
    /// </remarks>
    public void RecordObservableInstruments()
    {
        ObjectDisposedException.ThrowIf(!IsActive, this);
        var previous = s_current.Value;
        s_current.Value = this;
        try
        {
            SharedListeners.RecordObservableInstruments();
        }
        finally
        {
            s_current.Value = previous;
        }
    }

    /// <summary>Stops capturing. What was captured stays readable.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (ReferenceEquals(s_current.Value, this))
        {
            s_current.Value = _previous;
        }

        lock (_gate)
        {
            foreach (var trace in _rootTraces)
            {
                s_traces.TryRemove(new KeyValuePair<ActivityTraceId, TelemetryRecorder>(trace, this));
            }
        }

        SharedListeners.Release();
    }

    internal static TelemetryRecorder? ForCurrentFlow() => Resolve(Activity.Current?.TraceId);

    internal static ActivitySamplingResult Sample(ref ActivityCreationOptions<ActivityContext> options) =>
        Resolve(options.Parent == default ? null : options.Parent.TraceId) is null
            ? ActivitySamplingResult.None
            : ActivitySamplingResult.AllDataAndRecorded;

    internal static void OnActivityStarted(Activity activity)
    {
        // Sampled by another listener (an OpenTelemetry SDK in the same process, say) outside any recorder.
        var recorder = Resolve(activity.ParentSpanId == default ? null : activity.TraceId);
        if (recorder is null)
        {
            return;
        }

        lock (recorder._gate)
        {
            recorder._activities.Add(activity);
            if (activity.ParentSpanId == default && recorder.IsActive && s_traces.TryAdd(activity.TraceId, recorder))
            {
                recorder._rootTraces.Add(activity.TraceId);
            }
        }
    }

    internal static void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var recorder = ForCurrentFlow();
        if (recorder is null)
        {
            return;
        }

        var copy = new Dictionary<string, object?>(tags.Length, StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        var measurement = new RecordedMeasurement(instrument, value, copy);
        lock (recorder._gate)
        {
            recorder._measurements.Add(measurement);
        }
    }

    internal void Add(RecordedLog record)
    {
        lock (_gate)
        {
            _logs.Add(record);
        }
    }

    private static TelemetryRecorder? Resolve(ActivityTraceId? trace)
    {
        var recorder = s_current.Value;
        if (recorder is null && trace is { } id)
        {
            s_traces.TryGetValue(id, out recorder);
        }

        return recorder is { IsActive: true } ? recorder : null;
    }
}
