using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Toolkit.TestAssets;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary><c>[Measure]</c> values recorded on success, with the method's metric tags, through a real listener and the SDK.</summary>
public sealed class MeasureTests
{
    [Fact]
    public void A_parameter_is_recorded_with_the_method_s_metric_tags_on_success()
    {
        using var metrics = new MetricCollector();
        var till = new Till();

        Assert.Equal(25m, till.Place(Region.Us, 12.5m, items: 3, fail: false));
        Assert.Equal(2m, till.Place(Region.Eu, 1m, items: null, fail: false));

        var amounts = metrics.Of("test.order.amount", "Till.Place");
        Assert.Equal([12.5, 1.0], amounts.Select(m => m.Value));
        Assert.Equal(["Us", "Eu"], amounts.Select(m => m.Tags["shop.region"]));
        Assert.All(amounts, m => Assert.Equal(["code.function.name", "shop.region"], m.Tags.Keys.Order()));

        // The null item count is no measurement.
        Assert.Equal(3.0, Assert.Single(metrics.Of("test.order.items", "Till.Place")).Value);
    }

    [Fact]
    public void A_failed_call_records_no_value()
    {
        using var metrics = new MetricCollector();
        var till = new Till();

        var exception = Assert.Throws<InvalidOperationException>(() => till.Place(Region.Us, 12.5m, 3, fail: true));

        Assert.Equal("declined", exception.Message);
        Assert.Empty(metrics.Of("test.order.amount", "Till.Place"));
        Assert.Equal("System.InvalidOperationException", Assert.Single(metrics.Of("method.calls", "Till.Place")).Tags["error.type"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_returned_value_is_summed_when_the_task_succeeds(bool yield)
    {
        using var metrics = new MetricCollector();
        var till = new Till();

        Assert.Equal(40m, await till.ChargeAsync(Region.Apac, "ch-1", 40m, fail: false, yield));
        await Assert.ThrowsAsync<InvalidOperationException>(() => till.ChargeAsync(Region.Apac, "ch-2", 99m, fail: true, yield));

        var revenue = Assert.Single(metrics.Of("test.revenue", "Till.ChargeAsync"));
        Assert.Equal(40.0, revenue.Value);
        Assert.Equal("Apac", revenue.Tags["shop.region"]);
        Assert.False(revenue.Tags.ContainsKey("charge.id")); // span-only tags stay off metrics
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_ValueTask_method_records_on_completion(bool yield)
    {
        using var metrics = new MetricCollector();

        await new Till().RefundAsync(7.25, yield);

        Assert.Equal(7.25, Assert.Single(metrics.Of("test.refund.amount", "Till.RefundAsync")).Value);
    }

    [Fact]
    public async Task With_nothing_listening_the_results_are_the_same()
    {
        var till = new Till();

        Assert.Equal(25m, till.Place(Region.Us, 12.5m, 3, fail: false));
        Assert.Equal(40m, await till.ChargeAsync(Region.Apac, "ch-1", 40m, fail: false, yield: true));
        Assert.Equal("declined", Assert.Throws<InvalidOperationException>(() => till.Place(Region.Us, 1m, null, fail: true)).Message);
    }

    [Fact]
    public async Task Values_are_exported_through_the_OpenTelemetry_SDK_with_their_bucket_advice()
    {
        var exported = new List<Metric>();
        var till = new Till();
        var points = new List<(string Metric, MetricType Type, double Sum, long Count, double[] Bounds)>();
        using (var meterProvider = Sdk.CreateMeterProviderBuilder().AddToolkitMeters().AddInMemoryExporter(exported).Build())
        {
            till.Place(Region.Eu, 50m, null, fail: false);
            till.Place(Region.Eu, 500m, null, fail: false);
            await till.ChargeAsync(Region.Eu, "ch", 10.5m, fail: false, yield: true);
            await till.ChargeAsync(Region.Eu, "ch", 4.5m, fail: false, yield: false);
            Assert.True(meterProvider.ForceFlush());

            foreach (var metric in exported.Where(m => m.Name is "test.order.amount" or "test.revenue"))
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var bounds = new List<double>();
                    if (metric.MetricType == MetricType.Histogram)
                    {
                        foreach (var bucket in point.GetHistogramBuckets())
                        {
                            bounds.Add(bucket.ExplicitBound);
                        }
                    }

                    points.Add(metric.MetricType == MetricType.Histogram
                        ? (metric.Name, metric.MetricType, point.GetHistogramSum(), point.GetHistogramCount(), bounds.ToArray())
                        : (metric.Name, metric.MetricType, point.GetSumDouble(), 0, []));
                }
            }
        }

        var amount = Assert.Single(points, p => p.Metric == "test.order.amount");
        Assert.Equal(550.0, amount.Sum);
        Assert.Equal(2, amount.Count);
        Assert.Equal([10, 100, 1000, double.PositiveInfinity], amount.Bounds);
        var revenue = Assert.Single(points, p => p.Metric == "test.revenue");
        Assert.Equal(MetricType.DoubleSum, revenue.Type);
        Assert.Equal(15.0, revenue.Sum);
    }
}
