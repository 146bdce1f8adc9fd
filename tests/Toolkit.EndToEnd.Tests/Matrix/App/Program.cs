using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.InteropServices;
using Matrix;
using Microsoft.Extensions.Logging;
using Toolkit;

// The first line says where it ran; every other line is the telemetry, sorted, the same wherever it runs.
Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}; library: {typeof(Orders).Assembly.GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false).Cast<System.Runtime.Versioning.TargetFrameworkAttribute>().Single().FrameworkName}");

TelemetryRedaction.SetHashKey("a key shared by every run of this app"u8);
var lines = new List<string>();

using var activities = new ActivityListener
{
    ShouldListenTo = source => source.Name == "Matrix.Orders",
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    ActivityStopped = activity =>
    {
        string tags = string.Join(" ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
        string events = string.Join(" ", activity.Events.Select(e => e.Name));
        lock (lines)
        {
            lines.Add($"span {activity.OperationName} kind={activity.Kind} status={activity.Status} parent={activity.Parent?.OperationName ?? "-"} {tags} events=[{events}]");
        }
    },
};
ActivitySource.AddActivityListener(activities);

using var meters = new MeterListener
{
    InstrumentPublished = (instrument, listener) =>
    {
        if (instrument.Meter.Name == "Matrix.Orders")
        {
            listener.EnableMeasurementEvents(instrument);
        }
    },
};
meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measure(instrument, value >= 0 ? "duration" : "negative", tags));
meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measure(instrument, value.ToString(CultureInfo.InvariantCulture), tags));
meters.Start();

void Measure(Instrument instrument, string value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
{
    var text = new List<string>();
    foreach (var tag in tags)
    {
        text.Add($"{tag.Key}={tag.Value}");
    }

    text.Sort(StringComparer.Ordinal);
    lock (lines)
    {
        lines.Add($"measurement {instrument.Name} unit={instrument.Unit} value={value} {string.Join(" ", text)}");
    }
}

var logger = new RecordingLogger(lines);
var orders = new Orders(logger);
ToolkitLogging.LoggerFactory = new RecordingLoggerFactory(logger);

orders.Place(Region.Eu, "order-1", 3);
try
{
    orders.Reject("no stock");
}
catch (InvalidOperationException e)
{
    lines.Add($"exception {e.Message}");
}

lines.Add($"result {await orders.CheckoutAsync(Region.Us, CancellationToken.None)}");
lines.Add($"result {await orders.CountAsync(41)}");
await foreach (int item in orders.StreamAsync(2, CancellationToken.None))
{
    lines.Add($"item {item}");
}

lines.Add($"result {(await orders.ShipAsync(7, "ada@example.com", 12.5m, "4111-1111", "fragile")).ToString(CultureInfo.InvariantCulture)}");
orders.ViewCart(new Cart(2, 30m));
orders.StockLow("sku-9");

foreach (string line in lines.Order(StringComparer.Ordinal))
{
    Console.WriteLine(line);
}

/// <summary>Keeps what a log provider would write: level, event, message and the structured values.</summary>
internal sealed class RecordingLogger(List<string> lines) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        string values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(" ", pairs.Select(p => $"{p.Key}={Format(p.Value)}").Order(StringComparer.Ordinal))
            : "";
        string duration = values.Contains("duration_ms=", StringComparison.Ordinal) ? " (duration varies)" : "";
        lock (lines)
        {
            lines.Add($"log {logLevel} {eventId.Id}:{eventId.Name} \"{(duration.Length > 0 ? "" : formatter(state, exception))}\" {(duration.Length > 0 ? "" : values)}{duration} exception={exception?.GetType().Name ?? "-"}");
        }
    }

    private static string? Format(object? value) => value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
}

internal sealed class RecordingLoggerFactory(ILogger logger) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
