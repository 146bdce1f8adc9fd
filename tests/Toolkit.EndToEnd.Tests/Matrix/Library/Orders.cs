using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Toolkit;

[assembly: TelemetrySource("Matrix.Orders", Version = "1.0.0")]

namespace Matrix
{
    public enum Region
    {
        Eu,
        Us,
    }

    /// <summary>Every attribute of the package, in C# 9, on each method shape.</summary>
    public sealed partial class Orders
    {
        private readonly ILogger _logger;

        public Orders(ILogger logger) => _logger = logger;

        [Traced(Kind = ActivityKind.Client)]
        [Timed]
        [Counted]
        [InFlight]
        [Slo(LatencyP95 = "250ms", ErrorRate = 0.01)]
        [return: Tag("order.lines")]
        public partial int Place([Tag("shop.region")] Region region, [Tag("order.id", SpanOnly = true)] string orderId, int lines);

        private static int PlaceCore(Region region, string orderId, int lines) => lines;

        [Traced]
        [Counted]
        public partial int Reject(string reason);

        private static int RejectCore(string reason) => throw new InvalidOperationException(reason);

        [Traced]
        [Timed("checkout.duration", Buckets = new[] { 0.1, 1.0 })]
        [Logged]
        public partial Task<int> CheckoutAsync([Tag("shop.region")] Region region, CancellationToken cancellationToken);

        private static async Task<int> CheckoutAsyncCore(Region region, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return region == Region.Eu ? 1 : 2;
        }

        [Timed]
        public partial ValueTask<int> CountAsync(int x);

        private static ValueTask<int> CountAsyncCore(int x) => new ValueTask<int>(x + 1);

        [Traced]
        [Counted]
        public partial IAsyncEnumerable<int> StreamAsync(int count, CancellationToken cancellationToken);

        private static async IAsyncEnumerable<int> StreamAsyncCore(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (int i = 0; i < count; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }

        [Timed]
        [BusinessEvent("order.shipped", Message = "Shipped {OrderId} to {Email} for {Amount:F2} with {Card}: {Result}")]
        public partial Task<decimal> ShipAsync(int orderId, [Hashed] string email, decimal amount, [Redacted] string card, [NotLogged] string? note);

        private static Task<decimal> ShipAsyncCore(int orderId, string email, decimal amount, string card, string? note) => Task.FromResult(amount);

        [BusinessEvent("cart.viewed", Level = LogLevel.Debug)]
        public partial void ViewCart([LogProperties] Cart cart);

        private static void ViewCartCore(Cart cart)
        {
        }

        [BusinessEvent("stock.low", Message = "Stock low for {Sku}")]
        public partial void StockLow(string sku);
    }

    public sealed class Cart
    {
        public Cart(int items, decimal total)
        {
            Items = items;
            Total = total;
        }

        public int Items { get; }

        public decimal Total { get; }
    }
}
