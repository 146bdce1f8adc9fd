using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Toolkit.Behavior.Tests;

/// <summary>One record a <see cref="CapturingLogger"/> saw: everything a provider can read of it.</summary>
internal sealed record CapturedRecord(
    string Category,
    LogLevel Level,
    EventId EventId,
    IReadOnlyDictionary<string, object?> Properties,
    string Message,
    Exception? Exception,
    ActivityTraceId? TraceId,
    ActivitySpanId? SpanId)
{
    /// <summary>Every value the record would export, for asserting that a raw value appears nowhere.</summary>
    public IEnumerable<string> AllText() =>
        Properties.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").Append(Message);
}

/// <summary>A logger that keeps its records, with a minimum level and a switch to throw like a broken provider.</summary>
internal class CapturingLogger(string category = "test") : ILogger
{
    private readonly List<CapturedRecord> _records = [];

    public LogLevel MinimumLevel { get; set; } = LogLevel.Trace;

    public bool Throws { get; set; }

    public IReadOnlyList<CapturedRecord> Records
    {
        get
        {
            lock (_records)
            {
                return _records.ToArray();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (Throws)
        {
            throw new InvalidOperationException("the log provider failed");
        }

        var properties = (state as IReadOnlyList<KeyValuePair<string, object?>> ?? [])
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var current = Activity.Current;
        lock (_records)
        {
            _records.Add(new CapturedRecord(category, logLevel, eventId, properties, formatter(state, exception), exception, current?.TraceId, current?.SpanId));
        }
    }
}

internal sealed class CapturingLogger<T>() : CapturingLogger(typeof(T).FullName!), ILogger<T>;

/// <summary>A factory whose loggers all write into one <see cref="CapturingLogger"/>-style list.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly List<CapturingLogger> _loggers = [];

    public IReadOnlyList<CapturedRecord> Records => _loggers.SelectMany(l => l.Records).ToArray();

    public IReadOnlyList<string> Categories => _loggers.Select(l => l.Records.FirstOrDefault()?.Category ?? "").ToArray();

    public ILogger CreateLogger(string categoryName)
    {
        var logger = new CapturingLogger(categoryName);
        _loggers.Add(logger);
        return logger;
    }

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
