using System;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;

namespace Toolkit.Benchmarks;

/// <summary>The values ten gauges read: a mix of the observed types.</summary>
public static class Readings
{
    [Gauge("bench.gauge.queue")] public static int Queue { get; set; } = 1;

    [Gauge("bench.gauge.sessions")] public static int Sessions { get; set; } = 2;

    [Gauge("bench.gauge.connections")] public static long Connections { get; set; } = 3;

    [Gauge("bench.gauge.cache", Unit = "By")] public static long CacheBytes { get; set; } = 4;

    [Gauge("bench.gauge.ratio")] public static double HitRatio { get; set; } = 0.5;

    [Gauge("bench.gauge.load")] public static double Load { get; set; } = 0.25;

    [Gauge("bench.gauge.balance", Unit = "{USD}")] public static decimal Balance { get; set; } = 7.5m;

    [Gauge("bench.gauge.threads")] public static short Threads { get; set; } = 8;

    [Gauge("bench.gauge.lag", Unit = "s")] public static double? Lag { get; set; } = 0.1;

    [Gauge("bench.gauge.workers", Kind = GaugeKind.UpDownCounter)] public static int Workers() => Threads * 2;
}

/// <summary>
/// One collection of ten gauges: the generated instruments against the same ten written by hand the usual way
/// (<c>CreateObservableGauge(name, () => value)</c>, whose runtime callback allocates an array and its enumerator
/// per gauge per collection). Filter: <c>*GaugeBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class GaugeBenchmarks
{
    private const string HandWrittenMeter = "Bench.HandWritten.Gauges";

    private Meter? _meter;
    private MeterListener? _handWritten;
    private MeterListener? _generated;
    private double _sum;

    [GlobalSetup]
    public void Setup()
    {
        _meter = new Meter(HandWrittenMeter);
        _meter.CreateObservableGauge("bench.gauge.queue", () => Readings.Queue);
        _meter.CreateObservableGauge("bench.gauge.sessions", () => Readings.Sessions);
        _meter.CreateObservableGauge("bench.gauge.connections", () => Readings.Connections);
        _meter.CreateObservableGauge("bench.gauge.cache", () => Readings.CacheBytes, "By");
        _meter.CreateObservableGauge("bench.gauge.ratio", () => Readings.HitRatio);
        _meter.CreateObservableGauge("bench.gauge.load", () => Readings.Load);
        _meter.CreateObservableGauge("bench.gauge.balance", () => (double)Readings.Balance, "{USD}");
        _meter.CreateObservableGauge("bench.gauge.threads", () => (long)Readings.Threads);
        _meter.CreateObservableGauge("bench.gauge.lag", () => Readings.Lag is { } lag ? [new Measurement<double>(lag)] : Array.Empty<Measurement<double>>(), "s");
        _meter.CreateObservableUpDownCounter("bench.gauge.workers", () => Readings.Workers());

        _handWritten = Listen(instrument => instrument.Meter.Name == HandWrittenMeter);
        _generated = Listen(instrument => instrument.Meter.Name == "Bench.Generated" && instrument.IsObservable);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handWritten?.Dispose();
        _generated?.Dispose();
        _meter?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public double HandWritten()
    {
        _handWritten!.RecordObservableInstruments();
        return _sum;
    }

    [Benchmark]
    public double Generated()
    {
        _generated!.RecordObservableInstruments();
        return _sum;
    }

    private MeterListener Listen(Func<Instrument, bool> enable)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (enable(instrument))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => _sum += value);
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => _sum += value);
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => _sum += value);
        listener.Start();
        return listener;
    }
}
