using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Toolkit.TestAssets;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>The generated instrumentation end to end through the OpenTelemetry SDK and its in-memory exporters.</summary>
public sealed class OpenTelemetrySdkTests
{
    /// <summary>One exported metric point, copied out of the SDK's reused buffers.</summary>
    private sealed record ExportedPoint(
        string Metric,
        string Unit,
        MetricType Type,
        IReadOnlyDictionary<string, object?> Tags,
        long Sum,
        long Count,
        double HistogramSum,
        IReadOnlyList<double> Bounds)
    {
        public string? Function => Tags.TryGetValue("code.function.name", out var value) ? value as string : null;
    }

    [Fact]
    public void Module_initializer_registers_the_source()
    {
        _ = new Shapes();

        Assert.Contains(TestSource.Name, ToolkitSources.Names);
        Assert.Single(ToolkitSources.Names, name => name == TestSource.Name);
    }

    [Fact]
    public async Task Spans_are_exported_through_AddToolkitSources()
    {
        var shapes = new Shapes();
        var exported = new List<Activity>();

        using (var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddToolkitSources()
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(exported)
            .Build())
        {
            shapes.Add(1, Region.Eu, "c-42");
            shapes.Fire(true, null);
            Assert.Throws<InvalidOperationException>(() => shapes.Fail("sdk"));
            Assert.Equal(4, await shapes.ComputeAsync(2, yield: true));

            Assert.True(tracerProvider.ForceFlush());
        }

        Assert.Equal(["Shapes.Add", "shapes.fire", "Shapes.Fail", "Shapes.ComputeAsync"], exported.Select(a => a.DisplayName));
        Assert.All(exported, a => Assert.Equal(TestSource.Name, a.Source.Name));
        Assert.All(exported, a => Assert.Equal(TestSource.Version, a.Source.Version));

        var add = exported[0];
        Assert.Equal(ActivityKind.Client, add.Kind);
        Assert.Equal("Eu", add.GetTagItem("shop.region"));
        Assert.Equal("c-42", add.GetTagItem("customer.id"));
        Assert.Equal("Toolkit.TestAssets.Shapes.Add", add.GetTagItem("code.function.name"));
        Assert.Null(add.GetTagItem("code.namespace"));
        Assert.Equal(ActivityStatusCode.Unset, add.Status);

        Assert.Equal(true, exported[1].GetTagItem("flag"));

        var fail = exported[2];
        Assert.Equal(ActivityStatusCode.Error, fail.Status);
        Assert.Equal("System.InvalidOperationException", fail.GetTagItem("error.type"));
        Assert.Empty(fail.Events);

        Assert.Equal(4, exported[3].GetTagItem("result.size"));
    }

    [Fact]
    public void Nothing_is_exported_for_sources_that_were_not_added()
    {
        _ = new Shapes();
        var exported = new List<Activity>();

        using (var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource("Some.Other.Source")
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(exported)
            .Build())
        {
            new Shapes().Add(1, Region.Eu, "c-42");
            Assert.True(tracerProvider.ForceFlush());
        }

        Assert.Empty(exported);
    }

    [Fact]
    public async Task Metrics_are_exported_through_AddToolkitMeters()
    {
        var shapes = new Shapes();
        var exported = new List<Metric>();
        IReadOnlyList<ExportedPoint> points;

        using (var meterProvider = Sdk.CreateMeterProviderBuilder()
            .AddToolkitMeters()
            .AddInMemoryExporter(exported)
            .Build())
        {
            shapes.Add(1, Region.Eu, "c-1");
            shapes.Add(2, Region.Eu, "c-2");
            shapes.Add(3, Region.Us, "c-3");
            Assert.Throws<InvalidOperationException>(() => shapes.Fail("sdk"));
            Assert.Equal(2, await shapes.ValueAsync(1, yield: true));
            Assert.Equal(7, shapes.Custom(7));

            Assert.True(meterProvider.ForceFlush());
            points = Snapshot(exported);
        }

        // The test assets' [Gauge] and [Measure] instruments (test.*) have tests of their own.
        var metricNames = points.Select(p => p.Metric).Where(m => !m.StartsWith("test.", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["method.active", "method.calls", "method.duration", "shapes.custom.calls", "shapes.custom.duration"], metricNames);

        // Duration: one series per tag set, with the advised buckets and seconds as the unit.
        var addDurations = points.Where(p => p.Metric == "method.duration" && p.Function == "Toolkit.TestAssets.Shapes.Add").ToArray();
        Assert.Equal(2, addDurations.Length);
        Assert.All(addDurations, p => Assert.Equal("s", p.Unit));
        Assert.All(addDurations, p => Assert.Equal(MetricType.Histogram, p.Type));
        Assert.All(addDurations, p => Assert.False(p.Tags.ContainsKey("customer.id")));
        Assert.Equal(2, Assert.Single(addDurations, p => Equals(p.Tags["shop.region"], "Eu")).Count);
        Assert.Equal(1, Assert.Single(addDurations, p => Equals(p.Tags["shop.region"], "Us")).Count);
        Assert.Equal(
            [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, double.PositiveInfinity],
            addDurations[0].Bounds);

        // Calls: a monotonic sum per tag set.
        var addCalls = points.Where(p => p.Metric == "method.calls" && p.Function == "Toolkit.TestAssets.Shapes.Add").ToArray();
        Assert.All(addCalls, p => Assert.Equal("{call}", p.Unit));
        Assert.All(addCalls, p => Assert.Equal(MetricType.LongSum, p.Type));
        Assert.Equal(3, addCalls.Sum(p => p.Sum));

        // In flight: back to zero once every call has returned.
        var active = Assert.Single(points, p => p.Metric == "method.active" && p.Function == "Toolkit.TestAssets.Shapes.Add" && Equals(p.Tags.GetValueOrDefault("shop.region"), "Eu"));
        Assert.Equal(MetricType.LongSumNonMonotonic, active.Type);
        Assert.Equal(0, active.Sum);

        // Failure: error.type on the failed series only.
        var failCalls = Assert.Single(points, p => p.Metric == "method.calls" && p.Function == "Toolkit.TestAssets.Shapes.Fail");
        Assert.Equal("System.InvalidOperationException", failCalls.Tags["error.type"]);
        Assert.Equal(1, failCalls.Sum);
        Assert.DoesNotContain(points, p => p.Function != "Toolkit.TestAssets.Shapes.Fail" && p.Tags.ContainsKey("error.type"));

        var valueDuration = Assert.Single(points, p => p.Metric == "method.duration" && p.Function == "Toolkit.TestAssets.Shapes.ValueAsync");
        Assert.Equal(1, valueDuration.Count);

        var customDuration = Assert.Single(points, p => p.Metric == "shapes.custom.duration");
        Assert.Equal([0.001, 0.01, 0.1, double.PositiveInfinity], customDuration.Bounds);
        Assert.Equal(1, Assert.Single(points, p => p.Metric == "shapes.custom.calls").Sum);
    }

    private static IReadOnlyList<ExportedPoint> Snapshot(IEnumerable<Metric> metrics)
    {
        var points = new List<ExportedPoint>();
        foreach (var metric in metrics)
        {
            Assert.Equal(TestSource.Name, metric.MeterName);
            Assert.Equal(TestSource.Version, metric.MeterVersion);
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                long sum = 0;
                long count = 0;
                double histogramSum = 0;
                var bounds = new List<double>();
                switch (metric.MetricType)
                {
                    case MetricType.Histogram:
                        count = point.GetHistogramCount();
                        histogramSum = point.GetHistogramSum();
                        foreach (var bucket in point.GetHistogramBuckets())
                        {
                            bounds.Add(bucket.ExplicitBound);
                        }

                        break;
                    case MetricType.LongSum:
                    case MetricType.LongSumNonMonotonic:
                        sum = point.GetSumLong();
                        break;
                }

                points.Add(new ExportedPoint(metric.Name, metric.Unit, metric.MetricType, tags, sum, count, histogramSum, bounds));
            }
        }

        return points;
    }
}
