using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Toolkit;

namespace Shop.Inventory;

/// <summary>The warehouse's stock, held in memory, published per product group once loaded.</summary>
public sealed partial class InventoryService(ILogger<InventoryService> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _stock = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _tracking = [];
    private volatile bool _loaded;

    /// <summary>Whether the stock has been loaded and reservations can be taken.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>Units of <paramref name="sku"/> on hand, or <see langword="null"/> for an unknown SKU.</summary>
    public int? Available(string sku) => _stock.TryGetValue(sku, out int available) ? available : null;

    /// <summary>Units on hand across the SKUs of <paramref name="group"/>.</summary>
    public int UnitsIn(ProductGroup group)
    {
        int units = 0;
        foreach (var (sku, available) in _stock)
        {
            units += Catalog.Groups[sku] == group ? available : 0;
        }

        return units;
    }

    /// <summary>Stops publishing the stock levels.</summary>
    public void Dispose()
    {
        lock (_tracking)
        {
            _tracking.ForEach(tracking => tracking.Dispose());
            _tracking.Clear();
        }
    }

    [Traced]
    [Timed]
    public partial Task LoadAsync(CancellationToken cancellationToken);

    private async Task LoadAsyncCore(CancellationToken cancellationToken)
    {
        // Stands in for reading the warehouse system at start-up: the service is live before it is ready.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        foreach (var (sku, quantity) in Catalog.OpeningStock)
        {
            _stock[sku] = quantity;
        }

        // One gauge series per product group from now on: shop_inventory_stock{shop_product_group="Mice"}.
        lock (_tracking)
        {
            foreach (var group in Enum.GetValues<ProductGroup>())
            {
                _tracking.Add(ToolkitGauges.Track(new StockLevel(group, this)));
            }
        }

        _loaded = true;
    }

    [Traced]
    [Timed]
    [Counted]
    public partial void Reserve([Tag("shop.sku", SpanOnly = true)] string sku, int quantity);

    private void ReserveCore(string sku, int quantity)
    {
        while (true)
        {
            if (!_stock.TryGetValue(sku, out int available))
            {
                throw new InvalidOperationException($"No stock is held for '{sku}'.");
            }

            if (available < quantity)
            {
                OutOfStock(sku, quantity, available);
                throw new OutOfStockException($"{quantity} × {sku} asked for, {available} on hand.");
            }

            if (_stock.TryUpdate(sku, available - quantity, available))
            {
                return;
            }
        }
    }

    [Traced]
    [Counted]
    public partial void Release([Tag("shop.sku", SpanOnly = true)] string sku, int quantity);

    private void ReleaseCore(string sku, int quantity) => _stock.AddOrUpdate(sku, quantity, (_, available) => available + quantity);

    [Traced]
    [Counted]
    [BusinessEvent("inventory.restocked")]
    public partial void Restock([Tag("shop.sku", SpanOnly = true)] string sku, int quantity);

    private void RestockCore(string sku, int quantity) => _stock.AddOrUpdate(sku, quantity, (_, available) => available + quantity);

    [BusinessEvent("inventory.out_of_stock", Level = LogLevel.Warning)]
    public partial void OutOfStock(string sku, int requested, int available);
}
