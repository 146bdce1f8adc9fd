using System;

namespace Toolkit.TestAssets;

/// <summary>Static gauges of every observed type; tests set the values and read them back through listeners.</summary>
public static class Inventory
{
    [Gauge("test.stock.units", Unit = "{item}", Description = "Units in stock.", AlertBelow = 5)]
    public static int Units { get; set; }

    [Gauge("test.stock.value", Unit = "{USD}")]
    public static decimal Value { get; set; }

    [Gauge("test.stock.ratio")]
    public static double? FillRatio { get; set; }

    [Gauge("test.stock.shipped", Kind = GaugeKind.Counter)]
    internal static long Shipped() => ShippedSoFar;

    [Gauge("test.stock.broken")]
    public static int Broken => ThrowIfBroken ? throw new InvalidOperationException("the reader is broken") : 7;

    public static long ShippedSoFar { get; set; }

    public static bool ThrowIfBroken { get; set; }
}

/// <summary>Instance gauges, one measurement per tracked mailbox, tagged with its name.</summary>
public sealed class Mailbox(string name)
{
    [Tag("queue.name")]
    public string Name { get; } = name;

    [Gauge("test.queue.depth", Unit = "{message}", Kind = GaugeKind.UpDownCounter, AlertAbove = 1000)]
    public int Depth { get; set; }

    [Gauge("test.queue.age")]
    public double OldestAge => Depth < 0 ? throw new InvalidOperationException("negative depth") : Depth * 1.5;
}
