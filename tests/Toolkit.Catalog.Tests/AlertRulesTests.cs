using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Toolkit.Tests.Files;
using Toolkit.Tests.Prometheus;
using Xunit;

namespace Toolkit.Catalog.Tests;

/// <summary>Alerting rules from the objectives of Toolkit.TestAssets, checked by promtool.</summary>
public sealed class AlertRulesTests
{
    [Fact]
    public async Task Rules_pass_promtool()
    {
        var rules = AlertRulesWriter.Rules(TestAssembly.Manifest);
        using var directory = new TempDirectory("toolkit-catalog");
        string path = directory.PathOf("rules.yml");
        await File.WriteAllTextAsync(path, AlertRulesWriter.Write(TestAssembly.Manifest));

        await PromtoolAssert.RulesPassAsync(path, rules.Count);
    }

    [Fact]
    public void Gauge_thresholds_alert_per_tracked_instance_after_ten_minutes()
    {
        var rules = AlertRulesWriter.Rules(TestAssembly.Manifest);

        var low = Assert.Single(rules, r => r.Name == "TestStockUnitsLow");
        Assert.Equal(
            ("min by (otel_scope_name) (test_stock_units{otel_scope_name=\"Toolkit.TestAssets\"}) < 5", "10m", "ticket", "gauge-below", "Toolkit.TestAssets.Inventory.Units"),
            (low.Expression, low.For, low.Severity, low.Slo, low.Function));
        var high = Assert.Single(rules, r => r.Name == "TestQueueDepthHigh");
        Assert.Equal("max by (otel_scope_name, queue_name) (test_queue_depth{otel_scope_name=\"Toolkit.TestAssets\"}) > 1000", high.Expression);
        Assert.Contains("queue.name {{ $labels.queue_name }}", high.Description, System.StringComparison.Ordinal);
        Assert.DoesNotContain(rules, r => r.Name.StartsWith("TestStockValue", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Error_rate_objective_burns_over_the_workbook_windows()
    {
        var rules = AlertRulesWriter.Rules(TestAssembly.Manifest);

        var page = Assert.Single(rules, r => r.Name == "ShapesAddErrorBudgetBurn");
        Assert.Equal(("page", "error-rate", null), (page.Severity, page.Slo, page.For));
        Assert.Contains("rate(method_calls_total{otel_scope_name=\"Toolkit.TestAssets\", code_function_name=\"Toolkit.TestAssets.Shapes.Add\", error_type!=\"\"}[1h])", page.Expression, System.StringComparison.Ordinal);
        Assert.Contains("[5m]", page.Expression, System.StringComparison.Ordinal);
        Assert.Contains("> (14.4 * 0.01)", page.Expression, System.StringComparison.Ordinal);
        Assert.Contains("> (6 * 0.01)", page.Expression, System.StringComparison.Ordinal);
        var ticket = Assert.Single(rules, r => r.Name == "ShapesAddErrorBudgetBurnSlow");
        Assert.Equal("ticket", ticket.Severity);
        Assert.Contains("[3d]", ticket.Expression, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Burn_rates_follow_the_objective_window()
    {
        var rules = AlertRulesWriter.Rules(TestAssembly.Manifest).Where(r => r.Name.StartsWith("ShapesFail", System.StringComparison.Ordinal)).ToArray();

        // Over 7 days, 2% of the budget in an hour is 3.36x, 5% in six hours 1.4x, and 10% in three days under 1x: no ticket.
        var page = Assert.Single(rules);
        Assert.Contains("> (3.36 * 0.05)", page.Expression, System.StringComparison.Ordinal);
        Assert.Contains("> (1.4 * 0.05)", page.Expression, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Latency_at_a_bucket_boundary_burns_the_slow_call_budget()
    {
        var rule = Assert.Single(AlertRulesWriter.Rules(TestAssembly.Manifest), r => r.Name == "ShapesAddLatencyP95BudgetBurn");

        Assert.Equal("latency-p95", rule.Slo);
        Assert.Contains("method_duration_seconds_bucket{otel_scope_name=\"Toolkit.TestAssets\", code_function_name=\"Toolkit.TestAssets.Shapes.Add\", le=\"0.25\"}[1h]", rule.Expression, System.StringComparison.Ordinal);
        Assert.Contains("> (14.4 * 0.05)", rule.Expression, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Latency_between_bucket_boundaries_is_a_quantile_threshold()
    {
        var rule = Assert.Single(AlertRulesWriter.Rules(TestAssembly.Manifest), r => r.Name.StartsWith("ShapesCustom", System.StringComparison.Ordinal));

        Assert.Equal("ShapesCustomLatencyP99High", rule.Name);
        Assert.Equal(AlertRulesWriter.ThresholdFor, rule.For);
        Assert.Equal(
            "histogram_quantile(0.99, sum by (otel_scope_name, code_function_name, le) (rate(shapes_custom_duration_seconds_bucket{otel_scope_name=\"Toolkit.TestAssets\", code_function_name=\"Toolkit.TestAssets.Shapes.Custom\"}[5m]))) > 0.05",
            rule.Expression);
    }

    [Fact]
    public void Methods_without_objectives_get_no_rules()
    {
        var rules = AlertRulesWriter.Rules(TestAssembly.Manifest);

        Assert.DoesNotContain(rules, r => r.Expression.Contains("Shapes.Echo", System.StringComparison.Ordinal));
        Assert.Equal(
            ["Shapes.Add", "Shapes.Custom", "Shapes.DelayAsync", "Shapes.Fail"],
            TestAssembly.Manifest.Methods.Where(m => m.Slo is not null).Select(m => m.LocalName));
    }
}
