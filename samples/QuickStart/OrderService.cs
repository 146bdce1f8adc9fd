using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Toolkit;

namespace QuickStart;

public enum Region
{
    Europe,
    Americas,
}

public sealed record Receipt(string OrderId, decimal Total);

/// <summary>Ordinary business code: the attributes are the only telemetry in it.</summary>
public sealed partial class OrderService(ILogger<OrderService> logger)
{
    [Traced(Kind = ActivityKind.Client)]
    [Timed]
    [Counted]
    [InFlight]
    [BusinessEvent("order.placed")]
    [Slo(LatencyP95 = "250ms", ErrorRate = 0.01)]
    [return: NotLogged] // a Receipt is a record: its text would print every field
    public partial Task<Receipt> PlaceOrderAsync(
        [Tag("shop.region")] Region region,
        [Tag("shop.order.id", SpanOnly = true)] string orderId,
        [Hashed] string customerId,
        [Redacted] string cardNumber,
        decimal amount,
        CancellationToken cancellationToken);

    private static async Task<Receipt> PlaceOrderAsyncCore(
        Region region, string orderId, string customerId, string cardNumber, decimal amount, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An order needs a positive amount.");
        }

        decimal total = region == Region.Europe ? amount * 1.2m : amount;
        return new Receipt(orderId, total);
    }

    [BusinessEvent("payment.declined", Level = LogLevel.Warning, Message = "Payment declined for {customerId}: {reason}")]
    public partial void PaymentDeclined([Hashed] string customerId, string reason);

    [Traced]
    [Counted]
    [Slo(ErrorRate = 0.001)]
    public partial bool Reserve([Tag("shop.sku", SpanOnly = true)] string sku, int quantity);

    private static bool ReserveCore(string sku, int quantity) => quantity <= 10;
}
