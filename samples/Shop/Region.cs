namespace Shop;

/// <summary>Where an order ships to: few values, so a fine metric tag.</summary>
public enum Region
{
    Europe,
    NorthAmerica,
    SouthAmerica,
    AsiaPacific,
}
