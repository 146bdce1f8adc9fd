using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Toolkit.Testing.Tests;

/// <summary>Failing assertions say what was expected and list what was captured.</summary>
public sealed class AssertionTests
{
    [Fact]
    public void Missing_span_lists_the_captured_spans()
    {
        using var telemetry = TelemetryRecorder.Start();
        new OrderService(telemetry.CreateLogger<OrderService>()).Refund("acme", 1);

        var failure = Assert.Throws<TelemetryAssertionException>(() => telemetry.AssertSpan("OrderService.Place"));

        Assert.Contains("Expected one span named \"OrderService.Place\", found 0.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("OrderService.Refund [Internal, Unset] {", failure.Message, StringComparison.Ordinal);
        Assert.Contains("shop.tenant=\"acme\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Span_assertions_report_the_value_found()
    {
        using var telemetry = TelemetryRecorder.Start();
        new OrderService(telemetry.CreateLogger<OrderService>()).Refund("acme", 1);
        var span = telemetry.AssertSpan("OrderService.Refund");

        var tag = Assert.Throws<TelemetryAssertionException>(() => span.AssertTag("shop.tenant", "globex"));
        var missing = Assert.Throws<TelemetryAssertionException>(() => span.AssertTag("shop.region", "eu"));
        var status = Assert.Throws<TelemetryAssertionException>(() => span.AssertStatus(ActivityStatusCode.Error));
        var spanEvent = Assert.Throws<TelemetryAssertionException>(() => span.AssertEvent("order.placed"));
        var present = Assert.Throws<TelemetryAssertionException>(() => span.AssertNoTag("shop.tenant"));

        Assert.StartsWith("Expected span \"OrderService.Refund\" attribute shop.tenant=\"globex\", found \"acme\".", tag.Message, StringComparison.Ordinal);
        Assert.StartsWith("Expected span \"OrderService.Refund\" to have attribute shop.region=\"eu\".", missing.Message, StringComparison.Ordinal);
        Assert.StartsWith("Expected span \"OrderService.Refund\" status Error, found Unset.", status.Message, StringComparison.Ordinal);
        Assert.StartsWith("Expected span \"OrderService.Refund\" to have one event \"order.placed\" with attributes {}, found 0.", spanEvent.Message, StringComparison.Ordinal);
        Assert.StartsWith("Expected span \"OrderService.Refund\" to have no attribute shop.tenant.", present.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Measurement_with_other_tags_lists_the_captured_measurements()
    {
        using var telemetry = TelemetryRecorder.Start();
        new OrderService(telemetry.CreateLogger<OrderService>()).Refund("acme", 1);

        var failure = Assert.Throws<TelemetryAssertionException>(() => telemetry.AssertMeasurement("method.calls", ("shop.tenant", "globex")));

        Assert.Contains("Expected one \"method.calls\" measurement with tags {shop.tenant=\"globex\"}, found 0.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("method.calls = 1 {code.function.name=\"Toolkit.Testing.Tests.OrderService.Refund\", shop.tenant=\"acme\"}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_matching_measurements_are_not_one()
    {
        using var telemetry = TelemetryRecorder.Start();
        var orders = new OrderService(telemetry.CreateLogger<OrderService>());
        orders.Refund("acme", 1);
        orders.Refund("acme", 2);

        Assert.Equal(2, telemetry.FindMeasurements("method.calls", ("shop.tenant", "acme")).Count);
        var failure = Assert.Throws<TelemetryAssertionException>(() => telemetry.AssertMeasurement("method.calls", ("shop.tenant", "acme")));
        Assert.Contains("found 2.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_with_other_properties_lists_the_captured_records()
    {
        using var telemetry = TelemetryRecorder.Start();
        await new OrderService(telemetry.CreateLogger<OrderService>()).PlaceAsync("acme", "c-1", "4111", 3m, Task.CompletedTask);

        var failure = Assert.Throws<TelemetryAssertionException>(() => telemetry.AssertEvent("order.placed", ("amount", 4m)));
        var unexpected = Assert.Throws<TelemetryAssertionException>(() => telemetry.AssertNoEvent("order.placed"));

        Assert.Contains("Expected one \"order.placed\" log record with properties {amount=4}, found 0.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Information order.placed [Toolkit.Testing.Tests.OrderService] {tenant=\"acme\"", failure.Message, StringComparison.Ordinal);
        Assert.StartsWith("Expected no \"order.placed\" log record.", unexpected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_match_by_value_or_by_invariant_text()
    {
        using var telemetry = TelemetryRecorder.Start();
        var logger = telemetry.CreateLogger("test");
        logger.Log(LogLevel.Information, new EventId(1, "typed"), "{Amount} {Kind} {Count} {Missing}", 12.5m, DayOfWeek.Monday, 3L, null);

        telemetry.AssertEvent("typed", ("Amount", 12.5), ("Kind", "Monday"), ("Count", 3), ("Missing", null));
        Assert.Throws<TelemetryAssertionException>(() => telemetry.AssertEvent("typed", ("Amount", 12.6)));
        Assert.Throws<TelemetryAssertionException>(() => telemetry.AssertEvent("typed", ("Missing", "")));
        Assert.Throws<TelemetryAssertionException>(() => telemetry.AssertEvent("typed", ("Absent", null)));
    }

    [Fact]
    public void AssertNoPii_says_where_each_raw_value_was_found()
    {
        using var telemetry = TelemetryRecorder.Start();
        var logger = telemetry.CreateLogger("test");
        using var source = new ActivitySource("Toolkit.Testing.Tests.Pii");
        using (var span = source.StartActivity("lookup"))
        {
            span?.SetTag("customer.id", "customer-8812");
            logger.LogWarning(new EventId(1, "lookup.failed"), new InvalidOperationException("card 4111111111111111 declined"), "Lookup failed for {Customer}", "customer-8812");
        }

        telemetry.AssertNoPii("customer-9999");
        var failure = Assert.Throws<TelemetryAssertionException>(() => telemetry.AssertNoPii("customer-8812", "4111111111111111"));

        Assert.Contains("\"customer-8812\" in span lookup attribute customer.id: \"customer-8812\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("\"customer-8812\" in log lookup.failed message: \"Lookup failed for customer-8812\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("\"customer-8812\" in log lookup.failed property Customer: \"customer-8812\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("\"4111111111111111\" in log lookup.failed exception InvalidOperationException: \"card 4111111111111111 declined\"", failure.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => telemetry.AssertNoPii(""));
    }
}
