using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Toolkit.TestAssets;
using Xunit;
using Xunit.Abstractions;

namespace Toolkit.Behavior.Tests;

/// <summary>
/// The fast path (nothing listens) and the metrics-only path of a sync method allocate nothing on the calling thread.
/// </summary>
/// <remarks>
/// An <c>async</c> Core compiled without optimization (a Debug build of Toolkit.TestAssets) allocates its state
/// machine on every call, because Roslyn emits it as a class for Edit and Continue. That allocation is the Core's,
/// not the generated wrapper's, so async shapes are measured against a direct call of their private Core and must
/// add nothing to it; when Toolkit.TestAssets is optimized they must also allocate nothing at all.
/// </remarks>
public sealed class AllocationTests
{
    private const int Calls = 10_000;
    private const int WarmUpCalls = 1_000;

    private readonly ITestOutputHelper _output;

    public AllocationTests(ITestOutputHelper output) => _output = output;

    private static bool TestAssetsOptimized =>
        typeof(Shapes).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

    [Fact]
    public void Sync_method_with_no_listener_allocates_nothing()
    {
        AssertNothingListens();
        var shapes = new Shapes();

        long bytes = AllocatedBy(shapes, static s => s.Add(1, Region.Eu, "c-42"));

        _output.WriteLine($"Add x{Calls}, no listener: {bytes} bytes");
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Sync_completed_ValueTask_with_no_listener_adds_no_allocation()
    {
        AssertNothingListens();
        var shapes = new Shapes();

        long core = AllocatedBy(shapes, static s => Consume(Accessors.ValueAsyncCore(s, 1, false)));
        long bytes = AllocatedBy(shapes, static s => Consume(s.ValueAsync(1, yield: false)));

        _output.WriteLine($"ValueAsync(1, yield: false) x{Calls}, no listener: {bytes} bytes; its Core alone: {core} bytes; Toolkit.TestAssets optimized: {TestAssetsOptimized}");
        Assert.Equal(core, bytes);
        if (TestAssetsOptimized)
        {
            Assert.Equal(0, bytes);
        }
    }

    [Fact]
    public void Sync_completed_Task_with_no_listener_adds_no_allocation()
    {
        AssertNothingListens();
        var shapes = new Shapes();

        long core = AllocatedBy(shapes, static s => Consume(Accessors.ComputeAsyncCore(s, 1, false)));
        long bytes = AllocatedBy(shapes, static s => Consume(s.ComputeAsync(1, yield: false)));

        _output.WriteLine($"ComputeAsync(1, yield: false) x{Calls}, no listener: {bytes} bytes; its Core alone: {core} bytes; Toolkit.TestAssets optimized: {TestAssetsOptimized}");
        Assert.Equal(core, bytes);
        if (TestAssetsOptimized)
        {
            Assert.Equal(0, bytes);
        }
    }

    [Fact]
    public void Sync_method_with_only_a_meter_listener_allocates_nothing()
    {
        AssertNothingListens();
        long measurements = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = static (instrument, l) =>
            {
                if (instrument.Meter.Name == TestSource.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => measurements++);
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => measurements++);
        listener.Start();
        var shapes = new Shapes();

        long bytes = AllocatedBy(shapes, static s => s.Add(1, Region.Eu, "c-42"));

        _output.WriteLine($"Add x{Calls}, MeterListener only: {bytes} bytes, {measurements} measurements");
        // [Timed] + [Counted] + [InFlight] twice: four measurements per call, warm-up included.
        Assert.Equal(4L * (Calls + WarmUpCalls), measurements);
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Business_event_at_a_disabled_level_allocates_nothing()
    {
        AssertNothingListens();
        var logger = new CapturingLogger<Checkout> { MinimumLevel = LogLevel.Error };
        var checkout = new Checkout(logger);

        long bytes = AllocatedBy(new Shapes(), s => checkout.PaymentDeclined("customer-8812", "card expired"));

        _output.WriteLine($"PaymentDeclined x{Calls}, Warning disabled: {bytes} bytes");
        Assert.Equal(0, bytes);
        Assert.Empty(logger.Records);
    }

    private static void Consume(ValueTask<int> task)
    {
        if (!task.IsCompletedSuccessfully || task.Result != 2)
        {
            throw new InvalidOperationException("Expected a ValueTask completed with 2.");
        }
    }

    private static void Consume(Task<int> task)
    {
        if (!task.IsCompletedSuccessfully || task.Result != 2)
        {
            throw new InvalidOperationException("Expected a Task completed with 2.");
        }
    }

    /// <summary>Bytes allocated on this thread by <see cref="Calls"/> calls, after a warm-up that pays for JIT and static init.</summary>
    private static long AllocatedBy(Shapes shapes, Action<Shapes> call)
    {
        for (int i = 0; i < WarmUpCalls; i++)
        {
            call(shapes);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            call(shapes);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Fails if any activity or meter listener would see Toolkit.TestAssets' source: the test needs the fast path.</summary>
    private static void AssertNothingListens()
    {
        using var probeSource = new ActivitySource(TestSource.Name);
        Assert.False(probeSource.HasListeners(), "an ActivityListener listens to " + TestSource.Name);

        using var probeMeter = new Meter(TestSource.Name);
        var probe = probeMeter.CreateCounter<long>("probe");
        Assert.False(probe.Enabled, "a MeterListener listens to " + TestSource.Name);
    }
}
