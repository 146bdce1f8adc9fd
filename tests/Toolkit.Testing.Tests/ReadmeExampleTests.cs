using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Toolkit.Testing.Tests;

public enum Region
{
    Eu,
    Us,
}

/// <summary>The README's <c>Checkout</c>, as the README shows it.</summary>
public sealed partial class Checkout(ILogger<Checkout> logger)
{
    [Traced]
    [BusinessEvent("order.placed")]
    public partial Task<string> PlaceAsync(Region region, [Hashed] string customerId, [Redacted] string cardNumber, decimal amount);

    private static async Task<string> PlaceAsyncCore(Region region, string customerId, string cardNumber, decimal amount)
    {
        await Task.Yield();
        return "order-1";
    }
}

/// <summary>The test the README and docs/testing.md show, kept here so it keeps compiling and passing.</summary>
public sealed class CheckoutTests
{
    [Fact]
    public async Task Placing_an_order_is_traced_counted_and_logged_without_personal_data()
    {
        using var telemetry = TelemetryRecorder.Start();               // captures this test's flow only
        var checkout = new Checkout(telemetry.CreateLogger<Checkout>());

        await checkout.PlaceAsync(Region.Eu, "customer-8812", "4111111111111111", 12.5m);

        telemetry.AssertSpan("Checkout.PlaceAsync")
            .AssertStatus(ActivityStatusCode.Unset)
            .AssertEvent("order.placed", ("region", "Eu"));
        telemetry.AssertMeasurement("business.events", ("event.name", "order.placed"));
        telemetry.AssertEvent("order.placed", ("customerId", TelemetryRedaction.Hash("customer-8812")), ("amount", 12.5m));
        telemetry.AssertNoPii("customer-8812", "4111111111111111");
    }
}
