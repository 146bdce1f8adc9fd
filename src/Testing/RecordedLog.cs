using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Toolkit.Testing.Internal;

namespace Toolkit.Testing;

/// <summary>One log record a <see cref="TelemetryRecorder"/> captured: everything a provider can read of it.</summary>
public sealed class RecordedLog
{
    private const string OriginalFormat = "{OriginalFormat}";

    internal RecordedLog(string category, LogLevel level, EventId eventId, IReadOnlyList<KeyValuePair<string, object?>> state, IReadOnlyList<object?> scopes, string message, Exception? exception)
    {
        Category = category;
        Level = level;
        EventId = eventId;
        State = state;
        Scopes = scopes;
        Message = message;
        Exception = exception;

        var properties = new Dictionary<string, object?>(state.Count, StringComparer.Ordinal);
        foreach (var (key, value) in state)
        {
            if (key == OriginalFormat)
            {
                MessageTemplate = value as string;
            }
            else
            {
                properties[key] = value;
            }
        }

        Properties = properties;

        // Read at log time, as exporters do, so a record leads to the span it was written in.
        var activity = Activity.Current;
        TraceId = activity?.TraceId;
        SpanId = activity?.SpanId;
    }

    /// <summary>The logger's category, usually the writing type's full name.</summary>
    public string Category { get; }

    /// <summary>The level.</summary>
    public LogLevel Level { get; }

    /// <summary>The event id and name; for a business event, its name.</summary>
    public EventId EventId { get; }

    /// <summary>The structured state as the logger received it, <c>{OriginalFormat}</c> included, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> State { get; }

    /// <summary>The named properties of the state, without <c>{OriginalFormat}</c>.</summary>
    public IReadOnlyDictionary<string, object?> Properties { get; }

    /// <summary>The states of the logger scopes open around the record, outermost first.</summary>
    public IReadOnlyList<object?> Scopes { get; }

    /// <summary>The message template (<c>{OriginalFormat}</c>), when the state carries one.</summary>
    public string? MessageTemplate { get; }

    /// <summary>The formatted message.</summary>
    public string Message { get; }

    /// <summary>The exception passed with the record.</summary>
    public Exception? Exception { get; }

    /// <summary>The trace id of <see cref="Activity.Current"/> when the record was written.</summary>
    public ActivityTraceId? TraceId { get; }

    /// <summary>The span id of <see cref="Activity.Current"/> when the record was written.</summary>
    public ActivitySpanId? SpanId { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Level} {EventId.Name ?? EventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)} [{Category}] {Values.Format(Properties)}: {Message}";
}
