using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Toolkit.Testing.Internal;

namespace Toolkit.Testing;

/// <summary>Assertions on a captured span, chainable: <c>recorder.AssertSpan("X").AssertTag("a", 1).AssertStatus(...)</c>.</summary>
[StackTraceHidden]
public static class ActivityAssertions
{
    /// <summary>Asserts that the span has the attribute with the given value.</summary>
    /// <param name="span">The span.</param>
    /// <param name="key">The attribute name.</param>
    /// <param name="expected">The value, compared by value or invariant text (an enum matches its member name).</param>
    /// <returns>The span.</returns>
    /// <exception cref="TelemetryAssertionException">The attribute is missing or has another value.</exception>
    public static Activity AssertTag(this Activity span, string key, object? expected)
    {
        ArgumentNullException.ThrowIfNull(span);
        foreach (var tag in span.TagObjects)
        {
            if (tag.Key == key)
            {
                return Values.Match(tag.Value, expected)
                    ? span
                    : throw new TelemetryAssertionException($"Expected span \"{span.DisplayName}\" attribute {key}={Values.Format(expected)}, found {Values.Format(tag.Value)}.{Environment.NewLine}  {Describe(span)}");
            }
        }

        throw new TelemetryAssertionException($"Expected span \"{span.DisplayName}\" to have attribute {key}={Values.Format(expected)}.{Environment.NewLine}  {Describe(span)}");
    }

    /// <summary>Asserts that the span has no attribute with the given name.</summary>
    /// <param name="span">The span.</param>
    /// <param name="key">The attribute name.</param>
    /// <returns>The span.</returns>
    /// <exception cref="TelemetryAssertionException">The attribute is present.</exception>
    public static Activity AssertNoTag(this Activity span, string key)
    {
        ArgumentNullException.ThrowIfNull(span);
        return span.TagObjects.Any(t => t.Key == key)
            ? throw new TelemetryAssertionException($"Expected span \"{span.DisplayName}\" to have no attribute {key}.{Environment.NewLine}  {Describe(span)}")
            : span;
    }

    /// <summary>Asserts the span's status.</summary>
    /// <param name="span">The span.</param>
    /// <param name="status">The expected status; <see cref="ActivityStatusCode.Unset"/> for a successful call.</param>
    /// <returns>The span.</returns>
    /// <exception cref="TelemetryAssertionException">The status differs.</exception>
    public static Activity AssertStatus(this Activity span, ActivityStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(span);
        return span.Status == status
            ? span
            : throw new TelemetryAssertionException($"Expected span \"{span.DisplayName}\" status {status}, found {span.Status}.{Environment.NewLine}  {Describe(span)}");
    }

    /// <summary>Asserts that the span has exactly one event with the given name and attributes, and returns it.</summary>
    /// <param name="span">The span.</param>
    /// <param name="name">The event name, such as a business event's name.</param>
    /// <param name="tags">Attributes the event must carry (it may carry others), compared by value or invariant text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="TelemetryAssertionException">No event, or more than one, matches.</exception>
    public static ActivityEvent AssertEvent(this Activity span, string name, params (string Key, object? Value)[] tags)
    {
        ArgumentNullException.ThrowIfNull(span);
        var found = span.Events.Where(e => e.Name == name && Values.Contains(ToDictionary(e.Tags), tags)).ToArray();
        return found.Length == 1
            ? found[0]
            : throw new TelemetryAssertionException($"Expected span \"{span.DisplayName}\" to have one event \"{name}\" with attributes {Values.Format(tags)}, found {found.Length}.{Environment.NewLine}  {Describe(span)}");
    }

    /// <summary>Asserts that the span is a child of <paramref name="parent"/>.</summary>
    /// <param name="span">The span.</param>
    /// <param name="parent">The expected parent.</param>
    /// <returns>The span.</returns>
    /// <exception cref="TelemetryAssertionException">The span has another parent, or none.</exception>
    public static Activity AssertChildOf(this Activity span, Activity parent)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(parent);
        return span.TraceId == parent.TraceId && span.ParentSpanId == parent.SpanId
            ? span
            : throw new TelemetryAssertionException($"Expected span \"{span.DisplayName}\" to be a child of \"{parent.DisplayName}\" ({parent.TraceId}/{parent.SpanId}), found parent {span.TraceId}/{span.ParentSpanId}.");
    }

    internal static string Describe(Activity span)
    {
        string state = span.IsStopped ? "" : ", running";
        string events = span.Events.Any() ? " events: " + string.Join(", ", span.Events.Select(e => e.Name + " " + Values.Format(e.Tags))) : "";
        return $"{span.DisplayName} [{span.Kind}, {span.Status}{state}] {Values.Format(span.TagObjects)}{events}";
    }

    private static Dictionary<string, object?> ToDictionary(IEnumerable<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
