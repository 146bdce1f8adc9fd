using System.Collections.Frozen;
using System.Collections.Generic;

namespace Shop;

/// <summary>What the shop sells, at what price, and how much of it the warehouse starts the day with.</summary>
public static class Catalog
{
    /// <summary>Unit prices by SKU.</summary>
    public static FrozenDictionary<string, decimal> Prices { get; } = new Dictionary<string, decimal>
    {
        ["KB-101"] = 89.00m,
        ["MS-220"] = 39.50m,
        ["HD-330"] = 129.00m,
        ["MN-440"] = 249.00m,
        ["CB-550"] = 12.99m,
        ["LE-999"] = 499.00m,
    }.ToFrozenDictionary();

    /// <summary>The product group of each SKU.</summary>
    public static FrozenDictionary<string, ProductGroup> Groups { get; } = new Dictionary<string, ProductGroup>
    {
        ["KB-101"] = ProductGroup.Keyboards,
        ["MS-220"] = ProductGroup.Mice,
        ["HD-330"] = ProductGroup.Headsets,
        ["MN-440"] = ProductGroup.Monitors,
        ["CB-550"] = ProductGroup.Cables,
        ["LE-999"] = ProductGroup.LimitedEditions,
    }.ToFrozenDictionary();

    /// <summary>Opening stock by SKU; the limited edition runs out often, as limited editions do.</summary>
    public static FrozenDictionary<string, int> OpeningStock { get; } = new Dictionary<string, int>
    {
        ["KB-101"] = 400,
        ["MS-220"] = 600,
        ["HD-330"] = 300,
        ["MN-440"] = 150,
        ["CB-550"] = 1000,
        ["LE-999"] = 5,
    }.ToFrozenDictionary();
}
