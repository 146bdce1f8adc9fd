using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Toolkit.Tests.Prometheus;
using Xunit;

namespace Toolkit.Catalog.Tests;

/// <summary>The Grafana dashboard of Toolkit.TestAssets: its panels, and every query checked by promtool.</summary>
public sealed class DashboardTests
{
    private static readonly JsonNode s_dashboard = JsonNode.Parse(DashboardWriter.Write(TestAssembly.Manifest))!;

    [Fact]
    public async Task Every_query_passes_promtool()
    {
        string[] expressions = Queries(s_dashboard);
        Assert.Equal(DashboardWriter.Expressions(TestAssembly.Manifest), expressions);

        await PromtoolAssert.QueriesPassAsync(expressions);
    }

    /// <summary>The PromQL of every target of every panel of a Grafana dashboard, in order.</summary>
    internal static string[] Queries(JsonNode dashboard) => dashboard["panels"]!.AsArray()
        .SelectMany(panel => panel!["targets"]?.AsArray() ?? [])
        .Select(target => (string)target!["expr"]!)
        .ToArray();

    [Fact]
    public void Panels_for_rate_errors_latency_in_flight_and_events()
    {
        var panels = s_dashboard["panels"]!.AsArray().Select(p => p!).ToArray();
        string[] titles = panels.Where(p => (string)p["type"]! == "timeseries").Select(p => (string)p["title"]!).ToArray();

        Assert.Equal("Toolkit.TestAssets telemetry", (string)s_dashboard["title"]!);
        Assert.Equal("toolkit-toolkit-testassets", (string)s_dashboard["uid"]!);
        Assert.Equal(
            [
                "Call rate", "Error ratio",
                "method.duration p50", "method.duration p95", "method.duration p99",
                "shapes.custom.duration p50", "shapes.custom.duration p95", "shapes.custom.duration p99",
                "method.active: calls in progress",
                "test.order.amount p50 and p95", "test.order.amount per second", "test.order.items p50 and p95", "test.order.items per second",
                "test.refund.amount p50 and p95", "test.refund.amount per second", "test.revenue per second",
                "test.queue.age", "test.queue.depth", "test.stock.broken", "test.stock.ratio", "test.stock.shipped per second", "test.stock.units", "test.stock.value",
                "Business events per second",
            ],
            titles);
        Assert.Equal(["Calls", "Latency", "In flight", "Business values", "Business events"], panels.Where(p => (string)p["type"]! == "row").Select(p => (string)p["title"]!));
    }

    [Fact]
    public void Business_values_chart_measures_per_method_and_gauges_per_tag()
    {
        var panels = s_dashboard["panels"]!.AsArray().Select(p => p!).ToArray();
        string Expression(string title, int target = 0) => (string)panels.Single(p => (string)p["title"]! == title)["targets"]![target]!["expr"]!;

        Assert.Equal(
            "histogram_quantile(0.95, sum by (code_function_name, le) (rate(test_order_amount_bucket{otel_scope_name=\"Toolkit.TestAssets\"}[$__rate_interval])))",
            Expression("test.order.amount p50 and p95", 1));
        Assert.Equal(
            "sum by (code_function_name) (rate(test_revenue_total{otel_scope_name=\"Toolkit.TestAssets\"}[$__rate_interval]))",
            Expression("test.revenue per second"));
        Assert.Equal("sum by (queue_name) (test_queue_depth{otel_scope_name=\"Toolkit.TestAssets\"})", Expression("test.queue.depth"));
        Assert.Equal("sum (test_stock_units{otel_scope_name=\"Toolkit.TestAssets\"})", Expression("test.stock.units"));
        Assert.Equal(
            "sum (rate(test_stock_shipped_total{otel_scope_name=\"Toolkit.TestAssets\"}[$__rate_interval]))",
            Expression("test.stock.shipped per second"));
    }

    [Fact]
    public void Queries_group_by_function_over_the_source_scope()
    {
        var panels = s_dashboard["panels"]!.AsArray().Select(p => p!).ToArray();
        var p95 = panels.Single(p => (string)p["title"]! == "method.duration p95");
        var target = p95["targets"]![0]!;

        Assert.Equal(
            "histogram_quantile(0.95, sum by (code_function_name, le) (rate(method_duration_seconds_bucket{otel_scope_name=\"Toolkit.TestAssets\"}[$__rate_interval])))",
            (string)target["expr"]!);
        Assert.Equal("{{code_function_name}}", (string)target["legendFormat"]!);
        Assert.Equal("${datasource}", (string)target["datasource"]!["uid"]!);

        // Methods timed but not counted are counted by their histogram, and only they: no call is counted twice.
        var rate = panels.Single(p => (string)p["title"]! == "Call rate")["targets"]!.AsArray().Select(t => (string)t!["expr"]!).ToArray();
        Assert.Contains(rate, e => e.StartsWith("sum by (code_function_name) (rate(method_calls_total{otel_scope_name=\"Toolkit.TestAssets\"}", System.StringComparison.Ordinal));
        string histogramCount = Assert.Single(rate, e => e.Contains("method_duration_seconds_count", System.StringComparison.Ordinal));
        Assert.Contains("Shapes\\\\.DelayAsync", histogramCount, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Shapes\\\\.Add", histogramCount, System.StringComparison.Ordinal);
    }
}
