using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Toolkit.TestAssets;
using Xunit;

namespace Toolkit.Catalog.Tests;

/// <summary>
/// The Prometheus names the rules and dashboards use are the ones the OpenTelemetry Prometheus exporter really
/// exposes: recorded through the generated code, scraped from the exporter's endpoint.
/// </summary>
public sealed class ExporterNamesTests
{
    [Fact]
    public async Task Names_labels_and_bucket_bounds_match_the_exporter()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var manifest = TestAssembly.Manifest;
        await using var host = await MetricsHost.StartAsync(manifest.Source.Source);

        var shapes = new Shapes();
        shapes.Add(1, Region.Eu, "customer");
        Assert.Throws<InvalidOperationException>(() => shapes.Fail("boom"));
        shapes.Custom(1);
        new Checkout(NullLogger<Checkout>.Instance).PaymentDeclined("customer", "card expired");
        string[] lines = (await host.ScrapeAsync(timeout.Token)).Split('\n');

        string scope = $"{PrometheusNames.ScopeLabel}=\"{manifest.Source.Source}\"";
        void AssertSeries(string name, params string[] labels) =>
            Assert.True(
                lines.Any(line => line.StartsWith(name + "{", StringComparison.Ordinal) && line.Contains(scope, StringComparison.Ordinal)
                    && labels.All(label => line.Contains(label, StringComparison.Ordinal))),
                $"No series {name} with {scope} {string.Join(" ", labels)} in:\n{string.Join("\n", lines)}");

        var add = TestAssembly.Method("Shapes.Add");
        string function = $"{PrometheusNames.FunctionLabel}=\"{add.Function}\"";
        string region = $"{PrometheusNames.Label("shop.region")}=\"Eu\"";
        AssertSeries(PrometheusNames.Counter(add.Calls!), function, region);
        AssertSeries(PrometheusNames.Bucket(add.Duration!), function, region, $"le=\"{PrometheusNames.BucketBound(0.25)}\"");
        AssertSeries(PrometheusNames.Bucket(add.Duration!), function, $"le=\"{PrometheusNames.BucketBound(0.005)}\"");
        AssertSeries(PrometheusNames.Bucket(add.Duration!), function, $"le=\"{PrometheusNames.BucketBound(1)}\"");
        AssertSeries(PrometheusNames.Count(add.Duration!), function);
        AssertSeries(PrometheusNames.Sum(add.Duration!), function);
        AssertSeries(PrometheusNames.Gauge(add.Active!), function);

        var fail = TestAssembly.Method("Shapes.Fail");
        AssertSeries(PrometheusNames.Counter(fail.Calls!), $"{PrometheusNames.FunctionLabel}=\"{fail.Function}\"", $"{PrometheusNames.ErrorLabel}=\"System.InvalidOperationException\"");

        var custom = TestAssembly.Method("Shapes.Custom");
        Assert.Equal("shapes_custom_calls_total", PrometheusNames.Counter(custom.Calls!));
        AssertSeries(PrometheusNames.Counter(custom.Calls!));
        AssertSeries(PrometheusNames.Bucket(custom.Duration!), $"le=\"{PrometheusNames.BucketBound(0.001)}\"");

        var events = manifest.Source.Instruments.Single(i => i.Name == "business.events");
        AssertSeries(PrometheusNames.Counter(events), $"{PrometheusNames.EventLabel}=\"payment.declined\"");
    }
}
