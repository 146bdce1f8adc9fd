using System;
using System.Linq;
using System.Text.RegularExpressions;
using Toolkit.Catalog.Diff;
using Toolkit.Contract;
using Xunit;

namespace Toolkit.Catalog.Tests;

/// <summary><c>toolkit-telemetry diff</c> and <c>baseline</c> over the test assets: which changes break which artifacts.</summary>
public sealed class TelemetryDiffTests
{
    private static TelemetrySnapshot Assets => TelemetrySnapshot.Load(TestAssembly.Path);

    private static TelemetrySnapshot Edited(Func<string, string> edit)
    {
        var assets = Assets;
        return assets with { Signals = assets.Signals.Select(s => TelemetrySignal.Parse(edit(s.Line))!).ToArray() };
    }

    [Fact]
    public void A_unit_change_breaks_every_panel_and_alert_over_the_histogram()
    {
        var entries = TelemetryDiff.Compare(Assets, Edited(line => line.StartsWith("metric method.duration;", StringComparison.Ordinal) ? line.Replace("unit: s", "unit: ms", StringComparison.Ordinal) : line));

        var add = Assert.Single(entries, e => e.Change.Old?.Signal.Key == "metric method.duration; scope: Toolkit.TestAssets; function: Toolkit.TestAssets.Shapes.Add");
        Assert.Equal(SignalChangeKind.KindOrUnit, add.Change.Kind);
        Assert.Equal("unit s → ms", add.Change.Detail);
        Assert.Contains("panel Latency / method.duration p95", add.Breaks);
        Assert.Contains(add.Breaks, b => b.StartsWith("alert ShapesAddLatency", StringComparison.Ordinal));
        Assert.DoesNotContain(add.Breaks, b => b.StartsWith("alert ShapesCustom", StringComparison.Ordinal));
    }

    [Fact]
    public void An_added_metric_tag_breaks_but_no_generated_query_names_it()
    {
        var entries = TelemetryDiff.Compare(Assets, Edited(line => line.StartsWith("metric method.calls;", StringComparison.Ordinal) && line.Contains("Shapes.Add;", StringComparison.Ordinal) ? line + ", shop.tier" : line));

        var entry = Assert.Single(entries);
        Assert.Equal(SignalChangeKind.Keys, entry.Change.Kind);
        Assert.Equal("tags added: shop.tier", entry.Change.Detail);
        Assert.Empty(entry.Breaks);
    }

    [Fact]
    public void An_event_id_change_breaks_no_prometheus_artifact()
    {
        var entries = TelemetryDiff.Compare(Assets, Edited(line => line.StartsWith("event payment.declined;", StringComparison.Ordinal) ? Regex.Replace(line, "id: \\d+", "id: 7") : line));

        var entry = Assert.Single(entries);
        Assert.Equal(SignalChangeKind.EventId, entry.Change.Kind);
        Assert.Empty(entry.Breaks);
    }

    [Fact]
    public void Baseline_lines_are_sorted_and_read_back_the_same()
    {
        var signals = Assets.Signals;

        Assert.Equal(signals.Select(s => s.Line).Order(StringComparer.Ordinal), signals.Select(s => s.Line));
        Assert.All(signals, s => Assert.Equal(s.Line, TelemetrySignal.Parse(s.Line)!.Line));
        Assert.Contains(signals, s => s.Line == "span Shapes.Add; scope: Toolkit.TestAssets; function: Toolkit.TestAssets.Shapes.Add; kind: Client; attributes: customer.id, shop.region");
    }
}
