namespace Shop;

/// <summary>What kind of product a SKU is: few values, so a fine metric tag where a SKU would not be.</summary>
public enum ProductGroup
{
    Keyboards,
    Mice,
    Headsets,
    Monitors,
    Cables,
    LimitedEditions,
}
