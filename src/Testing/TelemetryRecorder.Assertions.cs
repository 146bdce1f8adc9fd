using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Toolkit.Testing.Internal;

namespace Toolkit.Testing;

// Assertions over what the recorder captured. Each failure message lists what was captured.
public sealed partial class TelemetryRecorder
{
    /// <summary>The captured spans with the given name (display or operation name).</summary>
    /// <param name="name">The span name, such as <c>OrderService.PlaceOrderAsync</c>.</param>
    /// <returns>The spans, in the order they started.</returns>
    public IReadOnlyList<Activity> FindSpans(string name) =>
        Activities.Where(a => a.DisplayName == name || a.OperationName == name).ToArray();

    /// <summary>Asserts that exactly one span with the given name was captured and returns it.</summary>
    /// <param name="name">The span name, such as <c>OrderService.PlaceOrderAsync</c>.</param>
    /// <returns>The span.</returns>
    /// <exception cref="TelemetryAssertionException">No span, or more than one, has that name.</exception>
    [StackTraceHidden]
    public Activity AssertSpan(string name)
    {
        var spans = FindSpans(name);
        return spans.Count == 1
            ? spans[0]
            : throw Failure($"Expected one span named \"{name}\", found {spans.Count}.", "Captured spans:", Activities, ActivityAssertions.Describe);
    }

    /// <summary>Asserts that no span with the given name was captured.</summary>
    /// <param name="name">The span name.</param>
    /// <exception cref="TelemetryAssertionException">A span has that name.</exception>
    [StackTraceHidden]
    public void AssertNoSpan(string name)
    {
        if (FindSpans(name).Count > 0)
        {
            throw Failure($"Expected no span named \"{name}\".", "Captured spans:", Activities, ActivityAssertions.Describe);
        }
    }

    /// <summary>The captured measurements of an instrument whose tags include the given ones.</summary>
    /// <param name="instrument">The instrument name, such as <c>method.calls</c>.</param>
    /// <param name="tags">Tags each measurement must carry (it may carry others), compared by value or invariant text.</param>
    /// <returns>The measurements, in the order they were recorded.</returns>
    public IReadOnlyList<RecordedMeasurement> FindMeasurements(string instrument, params (string Key, object? Value)[] tags) =>
        Measurements.Where(m => m.Instrument.Name == instrument && Values.Contains(m.Tags, tags)).ToArray();

    /// <summary>
    /// Asserts that exactly one measurement of the instrument carries the given tags and returns it.
    /// </summary>
    /// <param name="instrument">The instrument name, such as <c>method.calls</c>.</param>
    /// <param name="tags">Tags the measurement must carry (it may carry others), compared by value or invariant text.</param>
    /// <returns>The measurement.</returns>
    /// <exception cref="TelemetryAssertionException">No measurement, or more than one, matches.</exception>
    [StackTraceHidden]
    public RecordedMeasurement AssertMeasurement(string instrument, params (string Key, object? Value)[] tags)
    {
        var found = FindMeasurements(instrument, tags);
        return found.Count == 1
            ? found[0]
            : throw Failure($"Expected one \"{instrument}\" measurement with tags {Values.Format(tags)}, found {found.Count}.", "Captured measurements:", Measurements, m => m.ToString());
    }

    /// <summary>Asserts that exactly one log record of the named event carries the given properties and returns it.</summary>
    /// <param name="eventName">The event name (<see cref="Microsoft.Extensions.Logging.EventId.Name"/>), such as <c>order.placed</c>.</param>
    /// <param name="properties">Properties the record must carry (it may carry others), compared by value or invariant text.</param>
    /// <returns>The record.</returns>
    /// <exception cref="TelemetryAssertionException">No record, or more than one, matches.</exception>
    [StackTraceHidden]
    public RecordedLog AssertEvent(string eventName, params (string Key, object? Value)[] properties)
    {
        var found = Logs.Where(l => l.EventId.Name == eventName && Values.Contains(l.Properties, properties)).ToArray();
        return found.Length == 1
            ? found[0]
            : throw Failure($"Expected one \"{eventName}\" log record with properties {Values.Format(properties)}, found {found.Length}.", "Captured log records:", Logs, l => l.ToString());
    }

    /// <summary>Asserts that no log record of the named event was captured.</summary>
    /// <param name="eventName">The event name.</param>
    /// <exception cref="TelemetryAssertionException">A record of that event was captured.</exception>
    [StackTraceHidden]
    public void AssertNoEvent(string eventName)
    {
        if (Logs.Any(l => l.EventId.Name == eventName))
        {
            throw Failure($"Expected no \"{eventName}\" log record.", "Captured log records:", Logs, l => l.ToString());
        }
    }

    /// <summary>
    /// Asserts that none of the given raw values (a customer id, a card number the test passed in) appears in any
    /// captured span name, attribute, status, event, link or baggage item, metric tag, log message, property,
    /// scope or exception message.
    /// </summary>
    /// <param name="rawValues">The values that must not leave the process; compared ordinally as substrings.</param>
    /// <exception cref="TelemetryAssertionException">A value appears somewhere; the message says where.</exception>
    [StackTraceHidden]
    public void AssertNoPii(params string[] rawValues)
    {
        ArgumentNullException.ThrowIfNull(rawValues);
        foreach (var raw in rawValues)
        {
            ArgumentException.ThrowIfNullOrEmpty(raw, nameof(rawValues));
        }

        var leaks = (
            from place in CapturedText()
            from raw in rawValues
            where place.Text.Contains(raw, StringComparison.Ordinal)
            select $"\"{raw}\" in {place.Where}: {Values.Format(place.Text)}").ToArray();
        if (leaks.Length > 0)
        {
            throw Failure("Expected no raw value in the captured telemetry.", "Found:", leaks, leak => leak);
        }
    }

    private IEnumerable<(string Where, string Text)> CapturedText()
    {
        foreach (var span in Activities)
        {
            string where = "span " + span.DisplayName;
            yield return (where + " name", span.DisplayName);
            yield return (where + " name", span.OperationName);
            yield return (where + " status description", span.StatusDescription ?? "");
            foreach (var tag in span.TagObjects)
            {
                yield return ($"{where} attribute {tag.Key}", Values.Text(tag.Value));
            }

            foreach (var item in span.Baggage)
            {
                yield return ($"{where} baggage {item.Key}", item.Value ?? "");
            }

            foreach (var spanEvent in span.Events)
            {
                yield return ($"{where} event", spanEvent.Name);
                foreach (var tag in spanEvent.Tags)
                {
                    yield return ($"{where} event {spanEvent.Name} attribute {tag.Key}", Values.Text(tag.Value));
                }
            }

            foreach (var link in span.Links)
            {
                foreach (var tag in link.Tags ?? [])
                {
                    yield return ($"{where} link attribute {tag.Key}", Values.Text(tag.Value));
                }
            }
        }

        foreach (var measurement in Measurements)
        {
            foreach (var tag in measurement.Tags)
            {
                yield return ($"measurement {measurement.Instrument.Name} tag {tag.Key}", Values.Text(tag.Value));
            }
        }

        foreach (var log in Logs)
        {
            string where = $"log {log.EventId.Name ?? log.Category}";
            yield return (where + " message", log.Message);
            foreach (var property in log.Properties)
            {
                yield return ($"{where} property {property.Key}", Values.Text(property.Value));
            }

            foreach (var scope in log.Scopes)
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var pair in pairs)
                    {
                        yield return ($"{where} scope {pair.Key}", Values.Text(pair.Value));
                    }
                }
                else
                {
                    yield return ($"{where} scope", Values.Text(scope));
                }
            }

            for (var exception = log.Exception; exception is not null; exception = exception.InnerException)
            {
                yield return ($"{where} exception {exception.GetType().Name}", exception.Message);
            }
        }
    }

    private static TelemetryAssertionException Failure<T>(string expectation, string heading, IReadOnlyCollection<T> captured, Func<T, string> describe) =>
        new(expectation + Environment.NewLine + heading + Environment.NewLine + Values.List(captured, describe));
}
