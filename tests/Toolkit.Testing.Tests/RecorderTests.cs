using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Toolkit.Testing.Tests;

/// <summary>What a recorder captures of an annotated call, across spans, metrics and logs.</summary>
public sealed class RecorderTests
{
    private const string CustomerId = "customer-8812";
    private const string CardNumber = "4111111111111111";

    [Fact]
    public async Task Captures_span_measurements_and_event_of_one_call()
    {
        using var telemetry = TelemetryRecorder.Start();
        var orders = new OrderService(telemetry.CreateLogger<OrderService>());

        string order = await orders.PlaceAsync("acme", CustomerId, CardNumber, 12.5m, Task.Delay(1));

        var span = telemetry.AssertSpan("OrderService.PlaceAsync")
            .AssertTag("shop.tenant", "acme")
            .AssertTag("code.function.name", "Toolkit.Testing.Tests.OrderService.PlaceAsync")
            .AssertStatus(ActivityStatusCode.Unset);
        span.AssertEvent("order.placed", ("customerId", TelemetryRedaction.Hash(CustomerId)), ("amount", 12.5m));
        Assert.True(span.IsStopped);

        var calls = telemetry.AssertMeasurement("method.calls", ("code.function.name", "Toolkit.Testing.Tests.OrderService.PlaceAsync"), ("shop.tenant", "acme"));
        Assert.Equal(1, calls.Value);
        Assert.Equal("{call}", calls.Instrument.Unit);
        Assert.True(telemetry.AssertMeasurement("method.duration", ("shop.tenant", "acme")).Value > 0);

        var record = telemetry.AssertEvent("order.placed", ("amount", 12.5), ("result", order), ("cardNumber", TelemetryRedaction.Placeholder));
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal(typeof(OrderService).FullName, record.Category);
        Assert.Equal(span.TraceId, record.TraceId);
        Assert.Equal(span.SpanId, record.SpanId);
        Assert.StartsWith("order.placed tenant=acme", record.Message, StringComparison.Ordinal);
        Assert.Equal("order.placed tenant={tenant} customerId={customerId} cardNumber={cardNumber} amount={amount} result={result}", record.MessageTemplate);
        telemetry.AssertNoPii(CustomerId, CardNumber);
    }

    [Fact]
    public void Failed_call_is_an_error_span_an_error_type_tag_and_no_event()
    {
        using var telemetry = TelemetryRecorder.Start();

        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderService(telemetry.CreateLogger<OrderService>()).Refund("acme", -1));

        telemetry.AssertSpan("OrderService.Refund")
            .AssertStatus(ActivityStatusCode.Error)
            .AssertTag("error.type", typeof(ArgumentOutOfRangeException).FullName);
        telemetry.AssertMeasurement("method.calls", ("error.type", typeof(ArgumentOutOfRangeException).FullName));
        telemetry.AssertNoEvent("order.placed");
        Assert.Empty(telemetry.Logs);
    }

    [Fact]
    public void Captures_nothing_before_it_starts_or_after_it_is_disposed()
    {
        var orders = new OrderService(NullLoggerOf<OrderService>());
        orders.Refund("before", 1);

        var telemetry = TelemetryRecorder.Start();
        orders.Refund("during", 1);
        telemetry.Dispose();
        orders.Refund("after", 1);

        var span = Assert.Single(telemetry.Activities);
        span.AssertTag("shop.tenant", "during");
        Assert.Single(telemetry.Measurements);
        Assert.Null(TelemetryRecorder.Current);
    }

    [Fact]
    public void Inner_recorder_captures_in_place_of_the_outer_one_until_disposed()
    {
        var orders = new OrderService(NullLoggerOf<OrderService>());
        using var outer = TelemetryRecorder.Start();
        orders.Refund("outer-1", 1);

        using (var inner = TelemetryRecorder.Start())
        {
            Assert.Same(inner, TelemetryRecorder.Current);
            orders.Refund("inner", 1);
            inner.AssertSpan("OrderService.Refund").AssertTag("shop.tenant", "inner");
        }

        Assert.Same(outer, TelemetryRecorder.Current);
        orders.Refund("outer-2", 1);
        Assert.Equal(["outer-1", "outer-2"], outer.FindSpans("OrderService.Refund").Select(s => s.GetTagItem("shop.tenant")));
    }

    [Fact]
    public void Events_of_types_without_a_logger_reach_the_recorder_through_the_toolkit_factory()
    {
        using var telemetry = TelemetryRecorder.Start();

        Notifications.Notified("acme", "ann@example.com");

        var record = telemetry.AssertEvent("customer.notified", ("tenant", "acme"), ("email", TelemetryRedaction.Hash("ann@example.com")));
        Assert.Equal(typeof(Notifications).FullName, record.Category);
        telemetry.AssertNoPii("ann@example.com");
    }

    [Fact]
    public async Task Shared_provider_writes_to_the_recorder_of_the_calling_flow()
    {
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(TelemetryRecorder.LoggerProvider));
        var shared = new OrderService(factory.CreateLogger<OrderService>());

        Assert.False(factory.CreateLogger("outside").IsEnabled(LogLevel.Critical));
        using var telemetry = TelemetryRecorder.Start();
        await shared.PlaceAsync("acme", CustomerId, CardNumber, 1m, Task.CompletedTask);

        Assert.Equal(typeof(OrderService).FullName, telemetry.AssertEvent("order.placed").Category);
    }

    [Fact]
    public void Minimum_level_filters_records_and_reports_the_level_disabled()
    {
        using var telemetry = TelemetryRecorder.Start();
        telemetry.MinimumLogLevel = LogLevel.Warning;
        var logger = telemetry.CreateLogger("test");

        logger.LogInformation("skipped");
        logger.LogWarning(new EventId(7, "kept"), "kept {Value}", 42);

        Assert.False(logger.IsEnabled(LogLevel.Information));
        var record = Assert.Single(telemetry.Logs);
        Assert.Equal(42, record.Properties["Value"]);
        Assert.Equal("kept 42", record.Message);
        Assert.Equal(new EventId(7, "kept"), record.EventId);
    }

    [Fact]
    public void Records_carry_the_scopes_open_around_them()
    {
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(TelemetryRecorder.LoggerProvider));
        using var telemetry = TelemetryRecorder.Start();
        var logger = factory.CreateLogger("test");

        using (logger.BeginScope("request {RequestId}", "r-1"))
        using (logger.BeginScope("customer-8812"))
        {
            logger.LogInformation("inside");
        }

        logger.LogInformation("outside");

        Assert.Equal(2, telemetry.Logs[0].Scopes.Count);
        Assert.Equal("request r-1", telemetry.Logs[0].Scopes[0]?.ToString());
        Assert.Empty(telemetry.Logs[1].Scopes);
        var failure = Assert.Throws<TelemetryAssertionException>(() => telemetry.AssertNoPii("customer-8812", "r-1"));
        Assert.Contains("\"customer-8812\" in log test scope: \"customer-8812\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("\"r-1\" in log test scope RequestId: \"r-1\"", failure.Message, StringComparison.Ordinal);
    }

    private static ILogger<T> NullLoggerOf<T>() => Microsoft.Extensions.Logging.Abstractions.NullLogger<T>.Instance;
}
