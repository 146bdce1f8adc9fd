using System;
using System.Threading.Tasks;

namespace Toolkit.TestAssets;

/// <summary>[Measure] on parameters and return values, sync and async, with and without other metrics.</summary>
public sealed partial class Till
{
    [Counted]
    public partial decimal Place(
        [Tag("shop.region")] Region region,
        [Measure("test.order.amount", Unit = "{USD}", Description = "Order amounts.", Buckets = new double[] { 10, 100, 1000 })] decimal amount,
        [Measure("test.order.items")] int? items,
        bool fail);

    private decimal PlaceCore(Region region, decimal amount, int? items, bool fail) =>
        fail ? throw new InvalidOperationException("declined") : amount * 2;

    [Traced]
    [return: Measure("test.revenue", Unit = "{USD}", Sum = true)]
    public partial Task<decimal> ChargeAsync([Tag("shop.region")] Region region, [Tag("charge.id", SpanOnly = true)] string id, decimal amount, bool fail, bool yield);

    private async Task<decimal> ChargeAsyncCore(Region region, string id, decimal amount, bool fail, bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }

        return fail ? throw new InvalidOperationException("declined") : amount;
    }

    [Traced]
    public partial ValueTask RefundAsync([Measure("test.refund.amount")] double amount, bool yield);

    private async ValueTask RefundAsyncCore(double amount, bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }
    }
}
