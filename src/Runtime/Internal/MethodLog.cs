using System;
using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Toolkit.Internal;

/// <summary>The records <see cref="LoggedAttribute"/> writes, as cached <see cref="LoggerMessage"/> delegates.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MethodLog
{
    /// <summary>The event of a completed (or cancelled) call.</summary>
    public static readonly EventId CompletedEvent = new(1, "method.completed");

    /// <summary>The event of a failed call.</summary>
    public static readonly EventId FailedEvent = new(2, "method.failed");

    private static readonly Action<ILogger, string, double, string, Exception?> s_completed = LoggerMessage.Define<string, double, string>(
        LogLevel.Debug, CompletedEvent, "{code.function.name} completed in {duration_ms} ms: {outcome}", new LogDefineOptions { SkipEnabledCheck = true });

    private static readonly Action<ILogger, string, double, string, Exception?> s_failed = LoggerMessage.Define<string, double, string>(
        LogLevel.Error, FailedEvent, "{code.function.name} failed after {duration_ms} ms: {error.type}", new LogDefineOptions { SkipEnabledCheck = true });

    /// <summary>
    /// Writes the record of a finished call. Never throws: a failing provider must not replace the call's own
    /// result or exception.
    /// </summary>
    /// <param name="logger">The logger.</param>
    /// <param name="function">The <c>Type.Method</c> name.</param>
    /// <param name="startTimestamp">The <see cref="Stopwatch.GetTimestamp"/> taken when the call started.</param>
    /// <param name="errorType">The call's <c>error.type</c>, or <see langword="null"/> when it succeeded.</param>
    /// <param name="exception">The exception that ended the call, if it is known.</param>
    public static void Write(ILogger logger, string function, long startTimestamp, string? errorType, Exception? exception)
    {
        try
        {
            double milliseconds = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
            if (errorType is null || errorType == Instrumentation.CanceledErrorType)
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    s_completed(logger, function, milliseconds, errorType is null ? "success" : "canceled", null);
                }
            }
            else if (logger.IsEnabled(LogLevel.Error))
            {
                s_failed(logger, function, milliseconds, errorType, exception);
            }
        }
        catch (Exception e)
        {
            Instrumentation.TelemetryFailed(e);
        }
    }

    /// <summary>Keeps the exception for the failure record; used in an exception filter, so it returns <see langword="false"/>.</summary>
    /// <param name="exception">The exception leaving the method.</param>
    /// <param name="kept">Receives <paramref name="exception"/>.</param>
    /// <returns>Always <see langword="false"/>.</returns>
    public static bool Keep(Exception exception, out Exception kept)
    {
        kept = exception;
        return false;
    }
}
