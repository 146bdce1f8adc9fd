using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Toolkit.TestAssets;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary><c>[Gauge]</c> members read by a real <see cref="MeterListener"/> and by the OpenTelemetry SDK.</summary>
public sealed class GaugeTests : IDisposable
{
    private readonly GaugeListener _listener = new();

    public GaugeTests()
    {
        Inventory.Units = 0;
        Inventory.Value = 0;
        Inventory.FillRatio = null;
        Inventory.ShippedSoFar = 0;
        Inventory.ThrowIfBroken = false;
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void Each_collection_reads_the_current_values()
    {
        Inventory.Units = 5;
        Inventory.Value = 12.25m;
        Inventory.ShippedSoFar = 40;
        var first = _listener.Collect();

        Inventory.Units = 9;
        Inventory.ShippedSoFar = 41;
        var second = _listener.Collect();

        Assert.Equal(5, Single(first, "test.stock.units").Value);
        Assert.Equal(12.25, Single(first, "test.stock.value").Value);
        Assert.Equal(40, Single(first, "test.stock.shipped").Value);
        Assert.Equal(9, Single(second, "test.stock.units").Value);
        Assert.Equal(41, Single(second, "test.stock.shipped").Value);

        var units = Single(first, "test.stock.units").Instrument;
        Assert.IsType<ObservableGauge<long>>(units);
        Assert.Equal("{item}", units.Unit);
        Assert.Equal("Units in stock.", units.Description);
        Assert.Equal(TestSource.Version, units.Meter.Version);
        Assert.IsType<ObservableCounter<long>>(Single(first, "test.stock.shipped").Instrument);
        Assert.IsType<ObservableGauge<double>>(Single(first, "test.stock.value").Instrument);
    }

    [Fact]
    public void A_null_nullable_is_no_measurement()
    {
        Assert.DoesNotContain(_listener.Collect(), m => m.Instrument.Name == "test.stock.ratio");

        Inventory.FillRatio = 0.75;
        Assert.Equal(0.75, Single(_listener.Collect(), "test.stock.ratio").Value);
    }

    [Fact]
    public void A_throwing_getter_loses_only_its_own_measurement()
    {
        Inventory.Units = 3;
        Inventory.ThrowIfBroken = true;

        var collected = _listener.Collect();

        Assert.DoesNotContain(collected, m => m.Instrument.Name == "test.stock.broken");
        Assert.Equal(3, Single(collected, "test.stock.units").Value);

        Inventory.ThrowIfBroken = false;
        Assert.Equal(7, Single(_listener.Collect(), "test.stock.broken").Value);
    }

    [Fact]
    public void A_throwing_getter_is_reported_on_the_Toolkit_Telemetry_event_source()
    {
        using var events = new FailureListener();
        Inventory.ThrowIfBroken = true;

        _listener.Collect();

        Assert.Contains(events.Failures, f => f == ("System.InvalidOperationException", "the reader is broken"));
    }

    [Fact]
    public void Tracked_instances_appear_tagged_and_go_away_when_disposed()
    {
        Assert.DoesNotContain(_listener.Collect(), m => m.Instrument.Name == "test.queue.depth");

        var orders = new Mailbox("orders") { Depth = 4 };
        var refunds = new Mailbox("refunds") { Depth = 1 };
        var ordersTracking = ToolkitGauges.Track(orders);
        using (ToolkitGauges.Track(refunds))
        {
            var both = _listener.Collect().Where(m => m.Instrument.Name == "test.queue.depth").ToArray();
            Assert.Equal([("orders", 4.0), ("refunds", 1.0)], both.Select(m => ((string)m.Tags["queue.name"]!, m.Value)).OrderBy(p => p.Item1));
            Assert.IsType<ObservableUpDownCounter<long>>(both[0].Instrument);

            ordersTracking.Dispose();
            ordersTracking.Dispose(); // twice is harmless
            var one = _listener.Collect().Where(m => m.Instrument.Name == "test.queue.depth").ToArray();
            Assert.Equal("refunds", Assert.Single(one).Tags["queue.name"]);
        }

        Assert.DoesNotContain(_listener.Collect(), m => m.Instrument.Name.StartsWith("test.queue.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_throwing_instance_loses_only_its_own_measurement()
    {
        var healthy = new Mailbox("healthy") { Depth = 2 };
        var broken = new Mailbox("broken") { Depth = -1 };
        using var first = ToolkitGauges.Track(healthy);
        using var second = ToolkitGauges.Track(broken);

        var ages = _listener.Collect().Where(m => m.Instrument.Name == "test.queue.age").ToArray();

        Assert.Equal("healthy", Assert.Single(ages).Tags["queue.name"]);
        Assert.Equal(3.0, ages[0].Value);
        Assert.Equal(2, _listener.Collect().Count(m => m.Instrument.Name == "test.queue.depth"));
    }

    [Fact]
    public async Task A_singleton_is_tracked_while_the_host_runs()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(new Mailbox("hosted") { Depth = 12 });
        builder.Services.AddGaugeTracking<Mailbox>();
        builder.Services.AddGaugeTracking<Mailbox>();
        using var host = builder.Build();

        Assert.DoesNotContain(_listener.Collect(), m => m.Instrument.Name == "test.queue.depth");
        await host.StartAsync();
        var depth = Assert.Single(_listener.Collect(), m => m.Instrument.Name == "test.queue.depth");
        await host.StopAsync();

        Assert.Equal(12, depth.Value);
        Assert.Equal("hosted", depth.Tags["queue.name"]);
        Assert.DoesNotContain(_listener.Collect(), m => m.Instrument.Name == "test.queue.depth");
    }

    [Fact]
    public void Tracking_a_type_without_instance_gauges_throws()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ToolkitGauges.Track(new Shapes()));
        Assert.Contains("Toolkit.TestAssets.Shapes declares no [Gauge] instance members", exception.Message);
        Assert.Throws<ArgumentNullException>(() => ToolkitGauges.Track<Mailbox>(null!));
    }

    [Fact]
    public void A_collection_of_static_gauges_allocates_nothing()
    {
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TestSource.Name && instrument.Name.StartsWith("test.stock.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        double sum = 0;
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => sum += value);
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => sum += value);
        listener.Start();
        Inventory.Units = 1;
        Inventory.FillRatio = 0.5;
        for (int i = 0; i < 100; i++)
        {
            listener.RecordObservableInstruments();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            listener.RecordObservableInstruments();
        }

        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sum > 0);
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Gauges_are_exported_through_the_OpenTelemetry_SDK()
    {
        var exported = new List<Metric>();
        Inventory.Units = 11;
        Inventory.Value = 99.5m;
        var mailbox = new Mailbox("sdk") { Depth = 6 };
        var points = new List<(string Metric, MetricType Type, double Value, string? Queue)>();
        using (ToolkitGauges.Track(mailbox))
        using (var meterProvider = Sdk.CreateMeterProviderBuilder().AddToolkitMeters().AddInMemoryExporter(exported).Build())
        {
            Assert.True(meterProvider.ForceFlush());
            foreach (var metric in exported)
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    string? queue = null;
                    foreach (var tag in point.Tags)
                    {
                        queue = tag.Key == "queue.name" ? tag.Value as string : queue;
                    }

                    double value = metric.MetricType switch
                    {
                        MetricType.LongGauge => point.GetGaugeLastValueLong(),
                        MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
                        _ => double.NaN,
                    };
                    points.Add((metric.Name, metric.MetricType, value, queue));
                }
            }
        }

        Assert.Contains(("test.stock.units", MetricType.LongGauge, 11.0, (string?)null), points);
        Assert.Contains(("test.stock.value", MetricType.DoubleGauge, 99.5, (string?)null), points);
        Assert.Contains(("test.queue.depth", MetricType.LongSumNonMonotonic, 6.0, "sdk"), points);
        Assert.Contains(points, p => p.Metric == "test.stock.shipped" && p.Type == MetricType.LongSum);
    }

    /// <summary>The <c>Toolkit-Telemetry</c> event source's reports of failed telemetry, while it lives.</summary>
    private sealed class FailureListener : System.Diagnostics.Tracing.EventListener
    {
        private readonly List<(string Type, string Message)> _failures = [];

        public IReadOnlyList<(string Type, string Message)> Failures
        {
            get
            {
                lock (_failures)
                {
                    return [.. _failures];
                }
            }
        }

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
        {
            if (eventSource.Name == "Toolkit-Telemetry")
            {
                EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Warning);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
        {
            if (eventData.Payload is [string type, string message])
            {
                lock (_failures)
                {
                    _failures.Add((type, message));
                }
            }
        }
    }

    private static GaugeMeasurement Single(IEnumerable<GaugeMeasurement> measurements, string instrument) =>
        Assert.Single(measurements, m => m.Instrument.Name == instrument);

    private sealed record GaugeMeasurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    /// <summary>A listener on the test source's observable instruments; <see cref="Collect"/> is one collection.</summary>
    private sealed class GaugeListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private List<GaugeMeasurement> _collected = [];

        public GaugeListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TestSource.Name && instrument.IsObservable)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        public IReadOnlyList<GaugeMeasurement> Collect()
        {
            _collected = [];
            _listener.RecordObservableInstruments();
            return _collected;
        }

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            _collected.Add(new GaugeMeasurement(instrument, value, copy));
        }
    }
}
