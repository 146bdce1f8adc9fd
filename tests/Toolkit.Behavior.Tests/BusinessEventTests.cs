using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Toolkit.TestAssets;
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
        var logger = new CapturingLogger<Checkout>();
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();

        string order = await new Checkout(logger).PlaceAsync(Region.Us, CustomerId, CardNumber, 12.5m, yield);

        var record = Assert.Single(logger.Records);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal("order.placed", record.EventId.Name);
        Assert.Equal(typeof(Checkout).FullName, record.Category);
        Assert.Equal(Region.Us, record.Properties["region"]);
        Assert.Equal(TelemetryRedaction.Hash(CustomerId), record.Properties["customerId"]);
        Assert.Equal(TelemetryRedaction.Placeholder, record.Properties["cardNumber"]);
        Assert.Equal(12.5m, record.Properties["amount"]);
        Assert.Equal(order, record.Properties["result"]);
        Assert.Equal(yield, record.Properties["yield"]);
        Assert.Equal("order.placed region={region} customerId={customerId} cardNumber={cardNumber} amount={amount} yield={yield} result={result}", record.Properties["{OriginalFormat}"]);
        Assert.Equal($"order.placed region=Us customerId={TelemetryRedaction.Hash(CustomerId)} cardNumber=[REDACTED] amount=12.5 yield={yield} result={order}", record.Message);
        Assert.DoesNotContain(record.AllText(), text => text.Contains(CustomerId, StringComparison.Ordinal) || text.Contains(CardNumber, StringComparison.Ordinal));

        // The same event on the method's span, without the redacted value, and counted.
        var span = spans.SingleStopped("Checkout.PlaceAsync");
        var spanEvent = Assert.Single(span.Events);
        Assert.Equal("order.placed", spanEvent.Name);
        Assert.Equal(TelemetryRedaction.Hash(CustomerId), spanEvent.Tags.Single(t => t.Key == "customerId").Value);
        Assert.DoesNotContain(spanEvent.Tags, t => t.Key == "cardNumber");
        Assert.Equal(record.TraceId, span.TraceId);
        Assert.Equal(record.SpanId, span.SpanId);
        var count = Assert.Single(metrics.All, m => m.Instrument.Name == "business.events");
        Assert.Equal("{event}", count.Instrument.Unit);
        Assert.Equal("order.placed", count.Tags["event.name"]);
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
        var logger = new CapturingLogger<Checkout>();

        int items = await new Checkout(logger).UpdateCartAsync(3, "session-secret", yield);

        var record = Assert.Single(logger.Records);
        Assert.Equal(new EventId(4242, "cart.updated"), record.EventId);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.Equal(3, record.Properties["items"]);
        Assert.Equal(items, record.Properties["result"]);
        Assert.DoesNotContain("sessionToken", record.Properties.Keys);
        Assert.DoesNotContain(record.AllText(), text => text.Contains("session-secret", StringComparison.Ordinal));
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
        var logger = new CapturingLogger<Dispatch>();
        var order = new ShippedOrder("o-1", 99.5m, "ann@example.com", "4111111111111111", "fragile", new Address("Main St 1", "Utrecht"));

        new Dispatch(logger).Shipped(order, TimeSpan.FromSeconds(3));

        var record = Assert.Single(logger.Records);
        Assert.Equal("o-1", record.Properties["order.Id"]);
        Assert.Equal(99.5m, record.Properties["order.Total"]);
        Assert.Equal(TelemetryRedaction.Hash("ann@example.com"), record.Properties["order.CustomerEmail"]);
        Assert.Equal(TelemetryRedaction.Placeholder, record.Properties["order.CardNumber"]);
        Assert.DoesNotContain(record.Properties.Keys, k => k.StartsWith("order.InternalNote", StringComparison.Ordinal) || k.StartsWith("order.Shipping", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(3), record.Properties["took"]);
        Assert.DoesNotContain(record.AllText(), t => t.Contains("ann@", StringComparison.Ordinal) || t.Contains("4111", StringComparison.Ordinal)
            || t.Contains("fragile", StringComparison.Ordinal) || t.Contains("Utrecht", StringComparison.Ordinal));
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
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();

        new Dispatch(new CapturingLogger<Dispatch>()).Track("customer-8812", "4111111111111111");

        var span = spans.SingleStopped("Dispatch.Track");
        Assert.Equal(TelemetryRedaction.Hash("customer-8812"), span.GetTagItem("customer.id"));
        Assert.Null(span.GetTagItem("card.number"));
        var calls = Assert.Single(metrics.Of("method.calls", "Dispatch.Track"));
        Assert.Equal(TelemetryRedaction.Hash("customer-8812"), calls.Tags["customer.id"]);
        Assert.DoesNotContain(span.TagObjects, t => t.Value is string text && (text.Contains("8812", StringComparison.Ordinal) || text.Contains("4111", StringComparison.Ordinal)));
    }
}
