using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Toolkit.Tests.Files;
using Toolkit.Tests.Processes;
using Xunit;

namespace Toolkit.Catalog.Tests;

/// <summary>The Markdown catalog, and the tool run as a build runs it.</summary>
public sealed class CatalogTests
{
    private static readonly string s_catalog = CatalogWriter.Write(TestAssembly.Manifest);

    private static readonly TimeSpan s_toolTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void Lists_spans_metrics_and_events_with_their_tags()
    {
        Assert.Contains("| `Shapes.Add` | Client | `Toolkit.TestAssets.Shapes.Add()` | `shop.region`, `customer.id` |", s_catalog, StringComparison.Ordinal);
        Assert.Contains("| `shapes.custom.duration` | histogram, buckets `[0.001, 0.01, 0.1]` | `s` | `shapes_custom_duration_seconds_bucket`, `_sum`, `_count` |", s_catalog, StringComparison.Ordinal);
        Assert.Contains("| `audit.login` | 1613282775 | Information | `Toolkit.TestAssets.Audit.Login()` | `userName` (hashed), `password` (redacted), `country` |", s_catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_measures_and_gauges()
    {
        Assert.Contains("| `test.order.amount` | histogram, buckets `[10, 100, 1000]` | `{USD}` | `test_order_amount_bucket`, `_sum`, `_count` | `code.function.name`, `shop.region` | `Toolkit.TestAssets.Till.Place()` |", s_catalog, StringComparison.Ordinal);
        Assert.Contains("| `test.revenue` | counter | `{USD}` | `test_revenue_total` | `code.function.name`, `shop.region` | `Toolkit.TestAssets.Till.ChargeAsync()` |", s_catalog, StringComparison.Ordinal);
        Assert.Contains("| `test.queue.depth` | observable up-down counter | `{message}` | `test_queue_depth` | `queue.name` | `Toolkit.TestAssets.Mailbox.Depth` of each tracked instance |", s_catalog, StringComparison.Ordinal);
        Assert.Contains("| `test.stock.shipped` | observable counter | — | `test_stock_shipped_total` | — | `Toolkit.TestAssets.Inventory.Shipped` |", s_catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_what_is_hashed_or_redacted_and_where()
    {
        Assert.Contains("| `Toolkit.TestAssets.Dispatch.Track()` | `customerId` | hashed | span attribute and metric tag `customer.id` |", s_catalog, StringComparison.Ordinal);
        Assert.Contains("| `Toolkit.TestAssets.Dispatch.Shipped()` | `order → order.CardNumber` | redacted | property `order.CardNumber` of `order.shipped` |", s_catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_objectives_with_their_alerts()
    {
        Assert.Contains("| `Toolkit.TestAssets.Shapes.Custom()` | p99 ≤ 50ms | 30 days | `ShapesCustomLatencyP99High` (page) |", s_catalog, StringComparison.Ordinal);
        Assert.Contains("| `Toolkit.TestAssets.Shapes.Fail()` | errors ≤ 5% | 7 days | `ShapesFailErrorBudgetBurn` (page) |", s_catalog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_writes_the_three_files_or_those_asked_for()
    {
        using var all = new TempDirectory("toolkit-catalog");
        using var rulesOnly = new TempDirectory("toolkit-catalog");

        Assert.Equal(0, (await RunToolAsync(TestAssembly.Path, "--out", all.FullName)).ExitCode);
        Assert.Equal(0, (await RunToolAsync(TestAssembly.Path, "--out", rulesOnly.FullName, "--rules")).ExitCode);

        Assert.Equal(
            ["Toolkit.TestAssets.dashboard.json", "Toolkit.TestAssets.rules.yml", "Toolkit.TestAssets.telemetry.md"],
            Directory.GetFiles(all.FullName).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        Assert.Equal(["Toolkit.TestAssets.rules.yml"], Directory.GetFiles(rulesOnly.FullName).Select(f => Path.GetFileName(f)));
        Assert.Equal(s_catalog.ReplaceLineEndings("\n"), File.ReadAllText(all.PathOf("Toolkit.TestAssets.telemetry.md")));
    }

    [Fact]
    public async Task The_tool_fails_clearly_on_an_assembly_without_a_manifest()
    {
        var (exitCode, output) = await RunToolAsync(typeof(ToolkitSources).Assembly.Location);

        Assert.Equal(1, exitCode);
        Assert.Contains("has no telemetry manifest", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunToolAsync(params string[] arguments)
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "Toolkit.Catalog.dll");
        var result = await Command.RunAsync(Environment.ProcessPath!, [tool, .. arguments], Environment.CurrentDirectory, s_toolTimeout);
        return (result.ExitCode, result.Output + result.Error);
    }
}
