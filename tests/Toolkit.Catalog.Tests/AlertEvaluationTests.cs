using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Toolkit.TestAssets;
using Toolkit.Tests.Files;
using Toolkit.Tests.Prometheus;
using Xunit;

namespace Toolkit.Catalog.Tests;

/// <summary>
/// The generated rules loaded into a real Prometheus that scrapes a process under load: the objectives that the
/// traffic breaks alert, the ones it keeps stay quiet, and every rule evaluates without error.
/// </summary>
public sealed class AlertEvaluationTests
{
    [Fact]
    public async Task Broken_objectives_fire_and_kept_ones_do_not()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var manifest = TestAssembly.Manifest;
        using var directory = new TempDirectory("toolkit-catalog");
        string rules = directory.PathOf("rules.yml");
        await File.WriteAllTextAsync(rules, AlertRulesWriter.Write(manifest));
        await using var host = await MetricsHost.StartAsync(manifest.Source.Source);

        // Fail always fails (objective: 5% errors); DelayAsync takes 30 ms (objective: p95 within 10 ms);
        // Add succeeds at once (objectives: 1% errors, p95 within 250 ms).
        using var stop = new CancellationTokenSource();
        var traffic = Task.Run(async () =>
        {
            var shapes = new Shapes();
            while (!stop.IsCancellationRequested)
            {
                shapes.Add(1, Region.Eu, "customer");
                Assert.Throws<InvalidOperationException>(() => shapes.Fail("boom"));
                await shapes.DelayAsync(30, CancellationToken.None);
            }
        });

        try
        {
            await using var prometheus = await PrometheusServer.StartAsync(new() { Targets = [host.Target], RuleFiles = [rules] }, timeout.Token);
            string[] mustFire = ["ShapesFailErrorBudgetBurn", "ShapesDelayAsyncLatencyP95BudgetBurn", "ShapesDelayAsyncLatencyP95BudgetBurnSlow"];
            string[] mustNotFire = ["ShapesAddErrorBudgetBurn", "ShapesAddErrorBudgetBurnSlow", "ShapesAddLatencyP95BudgetBurn", "ShapesAddLatencyP95BudgetBurnSlow", "ShapesCustomLatencyP99High"];

            IReadOnlyList<Alert> alerts = [];
            while (!mustFire.All(name => alerts.Any(a => a.Name == name && a.State == "firing")))
            {
                Assert.False(timeout.IsCancellationRequested, $"Alerts firing after 3 minutes: {string.Join(", ", alerts)}\n{prometheus.Log}");
                await Task.Delay(1000, timeout.Token);
                alerts = await prometheus.Api.AlertsAsync(timeout.Token);
            }

            // The quiet rules had data to judge: the method they watch was scraped, with its buckets.
            Assert.NotEmpty(await prometheus.Api.QueryAsync("method_calls_total{code_function_name=\"Toolkit.TestAssets.Shapes.Add\"}", timeout.Token));
            Assert.NotEmpty(await prometheus.Api.QueryAsync("method_duration_seconds_bucket{code_function_name=\"Toolkit.TestAssets.Shapes.Add\", le=\"0.25\"}", timeout.Token));

            // A few more evaluations over the same traffic, then neither pending nor firing for the kept objectives.
            await Task.Delay(3000, timeout.Token);
            alerts = await prometheus.Api.AlertsAsync(timeout.Token);
            Assert.DoesNotContain(alerts, a => mustNotFire.Contains(a.Name));
            Assert.All(mustFire, name => Assert.Contains(alerts, a => a.Name == name && a.State == "firing"));

            var loaded = await prometheus.Api.RulesAsync(timeout.Token);
            Assert.Equal(AlertRulesWriter.Rules(manifest).Select(r => r.Name).Order(StringComparer.Ordinal), loaded.Select(r => r.Name).Order(StringComparer.Ordinal));
            Assert.All(loaded, rule => Assert.True(rule.Health == "ok", $"{rule.Name}: {rule.Health} {rule.LastError}"));
        }
        finally
        {
            await stop.CancelAsync();
            await traffic;
        }
    }
}
