using Toolkit;

namespace Shop.Inventory;

/// <summary>The units on hand of one product group, published while the inventory tracks it.</summary>
public sealed class StockLevel(ProductGroup group, InventoryService inventory)
{
    [Tag("shop.product_group")]
    public ProductGroup Group { get; } = group;

    [Gauge("shop.inventory.stock", Unit = "{item}", Description = "Units on hand, per product group.", Kind = GaugeKind.UpDownCounter, AlertBelow = 10)]
    public int Units => inventory.UnitsIn(Group);
}
