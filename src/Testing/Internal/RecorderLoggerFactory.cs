using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Toolkit.Testing.Internal;

/// <summary>
/// Loggers bound to one recorder, or (<see cref="Routing"/>) to whichever recorder is current in the calling flow.
/// </summary>
internal sealed class RecorderLoggerFactory(TelemetryRecorder? recorder) : ILoggerFactory, ILoggerProvider
{
    public static readonly RecorderLoggerFactory Routing = new(null);

    // Scopes flow with the execution context, like the recorders; one provider serves every logger.
    private static readonly LoggerExternalScopeProvider s_scopes = new();

    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        return new RecorderLogger(categoryName, recorder);
    }

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("A recorder's logger factory writes only to the recorder.");

    // Shared and stateless: a host disposing its providers must not break other tests.
    public void Dispose()
    {
    }

    private sealed class RecorderLogger(string category, TelemetryRecorder? recorder) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => s_scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => Target(logLevel) is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (Target(logLevel) is not { } target)
            {
                return;
            }

            // Copied now: the state may be a struct over values the caller goes on to change.
            var properties = state is IReadOnlyList<KeyValuePair<string, object?>> list ? [.. list] : Array.Empty<KeyValuePair<string, object?>>();
            var scopes = new List<object?>();
            s_scopes.ForEachScope(static (scope, list) => list.Add(scope), scopes);
            target.Add(new RecordedLog(category, logLevel, eventId, properties, scopes, formatter(state, exception), exception));
        }

        private TelemetryRecorder? Target(LogLevel logLevel)
        {
            var target = recorder is null ? TelemetryRecorder.ForCurrentFlow() : recorder.IsActive ? recorder : null;
            return target is not null && logLevel != LogLevel.None && logLevel >= target.MinimumLogLevel ? target : null;
        }
    }
}
