using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Shop.Inventory;
using Shop.Payments;
using Toolkit;

namespace Shop.Orders;

/// <summary>Places orders: reserves the stock, charges the card, gives the stock back when the charge fails.</summary>
public sealed partial class OrderService(InventoryService inventory, PaymentService payments, ILogger<OrderService> logger)
{
    [Traced]
    [Timed]
    [Counted]
    [InFlight]
    [BusinessEvent("order.placed")]
    // Every order that throws counts against the 0.5%: declines, sell-outs and processor timeouts, which fail about
    // a tenth of the simulated orders, so this objective's alerts fire; and 95% within 1 s, which only timeouts miss.
    [Slo(ErrorRate = 0.005, LatencyP95 = "1s")]
    [return: LogProperties]
    public partial Task<Order> PlaceOrderAsync(
        [Tag("shop.region")] Region region,
        [Hashed] string customerId,
        [Redacted] string cardNumber,
        string sku,
        int quantity,
        CancellationToken cancellationToken);

    private async Task<Order> PlaceOrderAsyncCore(
        Region region, string customerId, string cardNumber, string sku, int quantity, CancellationToken cancellationToken)
    {
        decimal total = Catalog.Prices[sku] * quantity;
        inventory.Reserve(sku, quantity);
        try
        {
            string authorization = await payments.ChargeAsync(customerId, cardNumber, total, cancellationToken).ConfigureAwait(false);
            return new Order($"ord_{Guid.NewGuid():N}", sku, quantity, total, authorization);
        }
        catch
        {
            inventory.Release(sku, quantity);
            throw;
        }
    }
}
