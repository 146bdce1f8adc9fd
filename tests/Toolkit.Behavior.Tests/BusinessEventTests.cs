using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Toolkit.TestAssets;
using Toolkit.Testing;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>Business events written through a real logger, span and counter: what is in them and what never is.</summary>
public sealed class BusinessEventTests
{
    private const string CustomerId = "customer-8812";
    private const string CardNumber = "4111111111111111";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Successful_call_writes_one_record_with_hashed_and_redacted_values(bool yield)
    {
        using var telemetry = TelemetryRecorder.Start();

        string order = await new Checkout(telemetry.CreateLogger<Checkout>()).PlaceAsync(Region.Us, CustomerId, CardNumber, 12.5m, yield);

        var record = telemetry.AssertEvent(
            "order.placed",
            ("region", Region.Us),
            ("customerId", TelemetryRedaction.Hash(CustomerId)),
            ("cardNumber", TelemetryRedaction.Placeholder),
            ("amount", 12.5m),
            ("result", order),
            ("yield", yield));
        Assert.Single(telemetry.Logs);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal(typeof(Checkout).FullName, record.Category);
        Assert.Equal("order.placed region={region} customerId={customerId} cardNumber={cardNumber} amount={amount} yield={yield} result={result}", record.MessageTemplate);
        Assert.Equal($"order.placed region=Us customerId={TelemetryRedaction.Hash(CustomerId)} cardNumber=[REDACTED] amount=12.5 yield={yield} result={order}", record.Message);

        // The same event on the method's span, without the redacted value, and counted.
        var span = telemetry.AssertSpan("Checkout.PlaceAsync");
        Assert.Equal("order.placed", Assert.Single(span.Events).Name);
        span.AssertEvent("order.placed", ("customerId", TelemetryRedaction.Hash(CustomerId)));
        Assert.DoesNotContain(span.Events.Single().Tags, t => t.Key == "cardNumber");
        Assert.Equal(record.TraceId, span.TraceId);
        Assert.Equal(record.SpanId, span.SpanId);
        Assert.Equal("{event}", telemetry.AssertMeasurement("business.events", ("event.name", "order.placed")).Instrument.Unit);
        telemetry.AssertNoPii(CustomerId, CardNumber);
    }

    [Fact]
    public async Task Hashes_are_stable_across_calls_and_differ_from_the_raw_value()
    {
        var logger = new CapturingLogger<Checkout>();
        var checkout = new Checkout(logger);

        await checkout.PlaceAsync(Region.Eu, CustomerId, CardNumber, 1m, yield: false);
        await checkout.PlaceAsync(Region.Eu, CustomerId, CardNumber, 2m, yield: true);
        await checkout.PlaceAsync(Region.Eu, "someone-else", CardNumber, 3m, yield: false);

        var hashes = logger.Records.Select(r => (string?)r.Properties["customerId"]).ToArray();
        Assert.Equal(hashes[0], hashes[1]);
        Assert.NotEqual(hashes[0], hashes[2]);
        Assert.Matches("^[0-9a-f]{8}$", hashes[0]);
    }

    [Fact]
    public void Event_method_uses_its_template_level_and_placeholder_names()
    {
        var logger = new CapturingLogger<Checkout>();

        new Checkout(logger).PaymentDeclined(CustomerId, "card expired");

        var record = Assert.Single(logger.Records);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal("payment.declined", record.EventId.Name);
        Assert.NotEqual(0, record.EventId.Id);
        Assert.Equal(TelemetryRedaction.Hash(CustomerId), record.Properties["CustomerId"]);
        Assert.Equal($"Payment declined for {TelemetryRedaction.Hash(CustomerId)}: card expired", record.Message);
        Assert.Equal("Payment declined for {CustomerId}: {reason}", record.Properties["{OriginalFormat}"]);
    }

    [Fact]
    public void Event_id_is_the_same_for_every_record_of_an_event()
    {
        var logger = new CapturingLogger<Checkout>();
        var checkout = new Checkout(logger);

        checkout.PaymentDeclined("a", "x");
        checkout.PaymentDeclined("b", "y");

        Assert.Single(logger.Records.Select(r => r.EventId.Id).Distinct());
    }

    [Fact]
    public void Null_values_are_written_as_null()
    {
        var logger = new CapturingLogger<Checkout>();

        new Checkout(logger).PaymentDeclined(null, "no customer");

        var record = Assert.Single(logger.Records);
        Assert.Null(record.Properties["CustomerId"]);
        Assert.Equal("Payment declined for : no customer", record.Message);
    }

    [Fact]
    public void Disabled_level_writes_nothing()
    {
        var logger = new CapturingLogger<Checkout> { MinimumLevel = LogLevel.Error };

        new Checkout(logger).PaymentDeclined(CustomerId, "card expired");

        Assert.Empty(logger.Records);
    }

    [Fact]
    public void Failed_call_writes_no_event_and_keeps_its_exception()
    {
        var logger = new CapturingLogger<Checkout>();

        var exception = Assert.Throws<InvalidOperationException>(() => new Checkout(logger).Reject("out of stock"));

        Assert.Equal("out of stock", exception.Message);
        Assert.Empty(logger.Records);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Explicit_event_id_level_and_not_logged_values(bool yield)
    {
        using var telemetry = TelemetryRecorder.Start();

        int items = await new Checkout(telemetry.CreateLogger<Checkout>()).UpdateCartAsync(3, "session-secret", yield);

        var record = telemetry.AssertEvent("cart.updated", ("items", 3), ("result", items));
        Assert.Equal(new EventId(4242, "cart.updated"), record.EventId);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.DoesNotContain("sessionToken", record.Properties.Keys);
        telemetry.AssertNoPii("session-secret");
    }

    [Fact]
    public void Throwing_ToString_does_not_fail_the_call_and_redacted_values_are_never_formatted()
    {
        var logger = new CapturingLogger<Checkout>();
        var checkout = new Checkout(logger);

        // A redacted value's ToString is never called: this one would throw.
        checkout.Weighed(new Parcel(throwing: false), new Parcel(throwing: true), 2.5);
        var record = Assert.Single(logger.Records);
        Assert.Equal(TelemetryRedaction.Placeholder, record.Properties["secret"]);
        Assert.Equal(TelemetryRedaction.Hash("parcel"), record.Properties["parcel"]);

        // A hashed value whose ToString throws loses the event, not the call.
        checkout.Weighed(new Parcel(throwing: true), new Parcel(throwing: false), 2.5);
        Assert.Single(logger.Records);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Throwing_log_provider_does_not_fail_the_call(bool yield)
    {
        var logger = new CapturingLogger<Checkout> { Throws = true };

        string order = await new Checkout(logger).PlaceAsync(Region.Eu, CustomerId, CardNumber, 5m, yield);

        Assert.Equal("order-5", order);
    }

    [Fact]
    public void Type_without_a_logger_uses_the_process_wide_factory_or_writes_nothing()
    {
        var previous = ToolkitLogging.LoggerFactory;
        try
        {
            ToolkitLogging.LoggerFactory = null;
            Audit.Login("alice", "hunter2", "NL");

            var factory = new CapturingLoggerFactory();
            ToolkitLogging.LoggerFactory = factory;
            Audit.Login("alice", "hunter2", "NL");

            var record = Assert.Single(factory.Records);
            Assert.Equal(typeof(Audit).FullName, record.Category);
            Assert.Equal($"User {TelemetryRedaction.Hash("alice")} signed in from NL", record.Message);
            Assert.Equal(TelemetryRedaction.Placeholder, record.Properties["password"]);
            Assert.DoesNotContain(record.AllText(), text => text.Contains("hunter2", StringComparison.Ordinal) || text.Contains("alice", StringComparison.Ordinal));
        }
        finally
        {
            ToolkitLogging.LoggerFactory = previous;
        }
    }

    [Fact]
    public async Task Logger_in_a_field_writes_after_the_task_completes()
    {
        var logger = new CapturingLogger();

        var task = new Shipping(logger).SendAsync("postnl", yield: true);
        await task;

        var record = Assert.Single(logger.Records);
        Assert.Equal("shipment.sent", record.EventId.Name);
        Assert.Equal("postnl", record.Properties["carrier"]);
    }
}

/// <summary>[LogProperties]: a complex value logged by its simple properties, chosen at compile time.</summary>
public sealed class LogPropertiesTests
{
    [Fact]
    public void Simple_properties_are_logged_with_their_own_protection()
    {
        using var telemetry = TelemetryRecorder.Start();
        var order = new ShippedOrder("o-1", 99.5m, "ann@example.com", "4111111111111111", "fragile", new Address("Main St 1", "Utrecht"));

        new Dispatch(telemetry.CreateLogger<Dispatch>()).Shipped(order, TimeSpan.FromSeconds(3));

        var record = telemetry.AssertEvent(
            "order.shipped",
            ("order.Id", "o-1"),
            ("order.Total", 99.5m),
            ("order.CustomerEmail", TelemetryRedaction.Hash("ann@example.com")),
            ("order.CardNumber", TelemetryRedaction.Placeholder),
            ("took", TimeSpan.FromSeconds(3)));
        Assert.DoesNotContain(record.Properties.Keys, k => k.StartsWith("order.InternalNote", StringComparison.Ordinal) || k.StartsWith("order.Shipping", StringComparison.Ordinal));
        telemetry.AssertNoPii("ann@", "4111", "fragile", "Utrecht");
    }

    [Fact]
    public void Null_value_logs_null_properties()
    {
        var logger = new CapturingLogger<Dispatch>();

        new Dispatch(logger).Shipped(null, TimeSpan.Zero);

        var record = Assert.Single(logger.Records);
        Assert.Null(record.Properties["order.Id"]);
        Assert.Null(record.Properties["order.Total"]);
    }
}

/// <summary>[Hashed] and [Redacted] hold on span attributes and metric tags too.</summary>
public sealed class ProtectedTagTests
{
    [Fact]
    public void Hashed_tags_carry_the_hash_and_redacted_tags_are_dropped()
    {
        using var telemetry = TelemetryRecorder.Start();

        new Dispatch(telemetry.CreateLogger<Dispatch>()).Track("customer-8812", "4111111111111111");

        telemetry.AssertSpan("Dispatch.Track")
            .AssertTag("customer.id", TelemetryRedaction.Hash("customer-8812"))
            .AssertNoTag("card.number");
        telemetry.AssertMeasurement("method.calls", ("code.function.name", "Toolkit.TestAssets.Dispatch.Track"), ("customer.id", TelemetryRedaction.Hash("customer-8812")));
        telemetry.AssertNoPii("customer-8812", "4111111111111111");
    }
}
