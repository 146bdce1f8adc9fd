using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Toolkit.TestAssets;
using Toolkit.Testing;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>[Timed], [Counted] and [InFlight] methods observed through a real <see cref="MeterListener"/>.</summary>
public sealed class MetricsTests
{
    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    [Fact]
    public void Duration_histogram_has_name_unit_meter_and_bucket_advice()
    {
        using var metrics = new MetricCollector();

        new Shapes().Add(1, Region.Eu, "c-42");

        var measurement = Assert.Single(metrics.Of("method.duration", "Shapes.Add"));
        var histogram = Assert.IsType<Histogram<double>>(measurement.Instrument);
        Assert.Equal("s", histogram.Unit);
        Assert.Equal(TestSource.Name, histogram.Meter.Name);
        Assert.Equal(TestSource.Version, histogram.Meter.Version);
        Assert.Equal(TestSource.SchemaUrl, histogram.Meter.TelemetrySchemaUrl);
        Assert.Equal(DefaultBuckets, histogram.Advice?.HistogramBucketBoundaries);
        Assert.True(measurement.Value >= 0);
    }

    [Fact]
    public void Traced_and_timed_call_records_its_span_duration_while_the_span_is_current()
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();

        new Shapes().Add(1, Region.Eu, "c-42");

        // One clock for both: the histogram takes the span's duration instead of reading a stopwatch of its own.
        var span = spans.SingleStopped("Shapes.Add");
        var measurement = Assert.Single(metrics.Of("method.duration", "Shapes.Add"));
        Assert.Equal(span.Duration.TotalSeconds, measurement.Value);
        Assert.True(measurement.Value > 0);

        // Recorded before the span stops, so an exemplar links the measurement to its span.
        Assert.Same(span, measurement.CurrentSpan);
    }

    [Fact]
    public void Timed_call_whose_span_is_not_sampled_is_measured_by_its_own_clock()
    {
        using var spans = new ActivityCollector(ActivitySamplingResult.None);
        using var metrics = new MetricCollector();

        new Shapes().Add(1, Region.Eu, "c-42");

        Assert.Empty(spans.Started);
        var measurement = Assert.Single(metrics.Of("method.duration", "Shapes.Add"));
        Assert.True(measurement.Value > 0);
        Assert.Null(measurement.CurrentSpan);
    }

    [Fact]
    public void Metric_tags_are_function_and_non_span_only_tag_parameters()
    {
        using var metrics = new MetricCollector();

        new Shapes().Add(1, Region.Eu, "c-42");

        var measurement = Assert.Single(metrics.Of("method.duration", "Shapes.Add"));
        Assert.Equal("Toolkit.TestAssets.Shapes.Add", measurement.Tags["code.function.name"]);
        Assert.Equal("Eu", Assert.IsType<string>(measurement.Tags["shop.region"]));
        Assert.False(measurement.Tags.ContainsKey("customer.id"));
        Assert.False(measurement.Tags.ContainsKey("error.type"));
        Assert.Equal(["code.function.name", "shop.region"], measurement.Tags.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Counter_adds_one_per_call()
    {
        using var metrics = new MetricCollector();
        var shapes = new Shapes();

        shapes.Add(1, Region.Eu, "c-1");
        shapes.Add(2, Region.Eu, "c-2");
        shapes.Add(3, Region.Us, "c-3");

        var calls = metrics.Of("method.calls", "Shapes.Add");
        Assert.Equal(3, calls.Count);
        Assert.All(calls, m => Assert.Equal(1, m.Value));
        Assert.All(calls, m => Assert.IsType<Counter<long>>(m.Instrument));
        Assert.All(calls, m => Assert.Equal("{call}", m.Instrument.Unit));
        Assert.All(calls, m => Assert.False(m.Tags.ContainsKey("customer.id")));
        Assert.Equal(["Eu", "Eu", "Us"], calls.Select(m => (string)m.Tags["shop.region"]!));
    }

    [Fact]
    public void Error_type_tag_is_added_only_on_failure()
    {
        using var telemetry = TelemetryRecorder.Start();
        var shapes = new Shapes();

        shapes.Add(1, Region.Eu, "c-1");
        Assert.Throws<InvalidOperationException>(() => shapes.Fail("nope"));

        Assert.All(telemetry.Measurements.Where(m => m.Tags.GetValueOrDefault("code.function.name") is "Toolkit.TestAssets.Shapes.Add"), m => Assert.False(m.Tags.ContainsKey("error.type")));
        telemetry.AssertMeasurement("method.duration", ("code.function.name", "Toolkit.TestAssets.Shapes.Fail"), ("error.type", "System.InvalidOperationException"));
        var calls = telemetry.AssertMeasurement("method.calls", ("code.function.name", "Toolkit.TestAssets.Shapes.Fail"), ("error.type", "System.InvalidOperationException"));
        Assert.Equal(1, calls.Value);
        telemetry.AssertNoPii("nope");
    }

    [Fact]
    public void In_flight_goes_up_then_down_with_the_same_tags()
    {
        using var metrics = new MetricCollector();

        new Shapes().Add(1, Region.Apac, "c-42");

        var active = metrics.Of("method.active", "Shapes.Add");
        Assert.Equal(2, active.Count);
        Assert.IsType<UpDownCounter<long>>(active[0].Instrument);
        Assert.Equal("{call}", active[0].Instrument.Unit);
        Assert.Equal(+1, active[0].Value);
        Assert.Equal(-1, active[1].Value);
        Assert.Equal(active[0].Tags, active[1].Tags);
        Assert.Equal("Apac", active[0].Tags["shop.region"]);
        Assert.False(active[0].Tags.ContainsKey("customer.id"));
        Assert.False(active[1].Tags.ContainsKey("error.type"));
    }

    [Fact]
    public void Custom_instrument_names_and_buckets()
    {
        using var metrics = new MetricCollector();

        Assert.Equal(5, new Shapes().Custom(5));

        var duration = Assert.Single(metrics.Of("shapes.custom.duration", "Shapes.Custom"));
        var histogram = Assert.IsType<Histogram<double>>(duration.Instrument);
        Assert.Equal("s", histogram.Unit);
        Assert.Equal([0.001, 0.01, 0.1], histogram.Advice?.HistogramBucketBoundaries);
        var calls = Assert.Single(metrics.Of("shapes.custom.calls", "Shapes.Custom"));
        Assert.IsType<Counter<long>>(calls.Instrument);
        Assert.Equal("{call}", calls.Instrument.Unit);
        Assert.Equal(1, calls.Value);
        Assert.Empty(metrics.Of("method.duration", "Shapes.Custom"));
        Assert.Empty(metrics.Of("method.calls", "Shapes.Custom"));
    }

    [Fact]
    public void Bool_tag_is_a_bool_on_metrics()
    {
        using var metrics = new MetricCollector();

        Accessors.Total(new Order(1, 10m), discounted: false);

        var calls = Assert.Single(metrics.Of("method.calls", "Order.Total"));
        Assert.False(Assert.IsType<bool>(calls.Tags["order.discounted"]));
    }

    [Fact]
    public void Metrics_work_without_any_span_listener()
    {
        using var metrics = new MetricCollector();

        Assert.Equal(10m, new Money(5m).Doubled());
        Assert.True(Shapes.TryParse("7", out int parsed));
        Assert.Equal(7, parsed);

        Assert.Single(metrics.Of("method.duration", "Money.Doubled"));
        Assert.Single(metrics.Of("method.duration", "Shapes.TryParse"));
    }

    [Fact]
    public void Only_methods_with_the_attribute_record()
    {
        using var metrics = new MetricCollector();

        new Shapes().Fire(true, null);
        new Point { X = 1, Y = 1 }.Sum();

        Assert.Empty(metrics.All);
    }
}
