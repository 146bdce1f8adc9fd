using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Toolkit.TestAssets;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>Business events through the OpenTelemetry logging provider: attributes, and the trace they belong to.</summary>
public sealed class OpenTelemetryLogsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Event_record_carries_the_span_it_was_written_in(bool yield)
    {
        new Checkout(new CapturingLogger<Checkout>()).PaymentDeclined("warm", "up");
        var spans = new List<Activity>();
        var logs = new List<LogRecord>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddToolkitSources()
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(spans)
            .Build();
        using (var factory = LoggerFactory.Create(builder => builder.AddOpenTelemetry(options =>
        {
            options.IncludeFormattedMessage = true;
            options.IncludeScopes = true;
            options.AddInMemoryExporter(logs);
        })))
        {
            var logger = factory.CreateLogger<Checkout>();
            using (logger.BeginScope(new Dictionary<string, object?> { ["request.id"] = "r-42" }))
            {
                await new Checkout(logger).PlaceAsync(Region.Eu, "customer-1", "4111111111111111", 7m, yield);
            }
        }

        tracing.ForceFlush();
        var span = Assert.Single(spans, s => s.OperationName == "Checkout.PlaceAsync");
        var record = Assert.Single(logs);
        Assert.Equal(span.TraceId, record.TraceId);
        Assert.Equal(span.SpanId, record.SpanId);
        Assert.Equal("order.placed", record.EventId.Name);
        Assert.Equal(LogLevel.Information, record.LogLevel);
        var attributes = record.Attributes!.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal(TelemetryRedaction.Hash("customer-1"), attributes["customerId"]);
        Assert.Equal(TelemetryRedaction.Placeholder, attributes["cardNumber"]);
        Assert.DoesNotContain("4111111111111111", record.FormattedMessage);
        Assert.DoesNotContain("customer-1", record.FormattedMessage);

        // The caller's scope travels with the record.
        var scopes = new List<KeyValuePair<string, object?>>();
        record.ForEachScope<object?>((scope, _) =>
        {
            foreach (var item in scope)
            {
                scopes.Add(item);
            }
        }, null);
        Assert.Contains(new KeyValuePair<string, object?>("request.id", "r-42"), scopes);
    }
}
