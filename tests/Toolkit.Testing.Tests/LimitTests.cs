using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Toolkit.Testing.Tests;

/// <summary>Where flow-scoped capture ends: work that does not flow the execution context, observable instruments.</summary>
public sealed class LimitTests
{
    public enum Launch
    {
        UnsafeQueueUserWorkItem,
        TimerWithFlowSuppressed,
        TaskRunWithFlowSuppressed,
        UnsafeThread,
    }

    [Theory]
    [InlineData(Launch.UnsafeQueueUserWorkItem)]
    [InlineData(Launch.TimerWithFlowSuppressed)]
    [InlineData(Launch.TaskRunWithFlowSuppressed)]
    [InlineData(Launch.UnsafeThread)]
    public async Task Work_that_does_not_flow_the_context_is_not_captured(Launch launch)
    {
        var orders = new OrderService(NullLogger<OrderService>.Instance);
        using var telemetry = TelemetryRecorder.Start();

        var recorderThere = await RunDetached(launch, () =>
        {
            orders.Refund("detached", 1);
            return TelemetryRecorder.Current;
        });

        Assert.Null(recorderThere);
        Assert.Empty(telemetry.Activities);
        Assert.Empty(telemetry.Measurements);
    }

    [Theory]
    [InlineData(Launch.UnsafeQueueUserWorkItem)]
    [InlineData(Launch.UnsafeThread)]
    public async Task Span_started_there_under_a_recorded_trace_is_attributed_through_its_root(Launch launch)
    {
        var orders = new OrderService(NullLogger<OrderService>.Instance);
        using var source = new ActivitySource("Toolkit.Testing.Tests.Limits");
        using var telemetry = TelemetryRecorder.Start();
        using var root = source.StartActivity("root")!;

        // A consumer that receives the trace context explicitly, as one reading a message would.
        var context = root.Context;
        var recorderThere = await RunDetached(launch, () =>
        {
            using var consumer = source.StartActivity("consume", ActivityKind.Consumer, context);
            orders.Refund("detached", 1);
            return TelemetryRecorder.Current;
        });

        Assert.Same(telemetry, recorderThere);
        var consume = telemetry.AssertSpan("consume").AssertChildOf(root);
        telemetry.AssertSpan("OrderService.Refund").AssertChildOf(consume);
        telemetry.AssertMeasurement("method.calls", ("shop.tenant", "detached"));
    }

    [Fact]
    public async Task Code_outside_any_recorder_is_not_sampled_while_a_recorder_is_active()
    {
        using var source = new ActivitySource("Toolkit.Testing.Tests.Limits");
        using var telemetry = TelemetryRecorder.Start();

        var elsewhere = await RunDetached(Launch.TaskRunWithFlowSuppressed, () => source.StartActivity("elsewhere"));
        using var here = source.StartActivity("here");

        Assert.True(source.HasListeners());
        Assert.Null(elsewhere);
        Assert.NotNull(here);
        Assert.True(here.IsAllDataRequested);
    }

    [Fact]
    public void Observable_instruments_are_read_only_when_the_recorder_asks()
    {
        using var meter = new Meter("Toolkit.Testing.Tests.Observable." + Guid.NewGuid().ToString("N"));
        int reads = 0;
        meter.CreateObservableGauge("queue.length", () => new Measurement<int>(Interlocked.Increment(ref reads) * 10, new KeyValuePair<string, object?>("queue", "orders")));
        using var telemetry = TelemetryRecorder.Start();

        Assert.Empty(telemetry.FindMeasurements("queue.length"));
        telemetry.RecordObservableInstruments();

        var gauge = telemetry.AssertMeasurement("queue.length", ("queue", "orders"));
        Assert.Equal(meter.Name, gauge.Instrument.Meter.Name);
        Assert.True(gauge.Value >= 10);
    }

    private static Task<T> RunDetached<T>(Launch launch, Func<T> work)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Run()
        {
            try
            {
                result.SetResult(work());
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        }

        switch (launch)
        {
            case Launch.UnsafeQueueUserWorkItem:
                ThreadPool.UnsafeQueueUserWorkItem(_ => Run(), null);
                break;
            case Launch.TimerWithFlowSuppressed:
                Timer? timer = null;
                using (ExecutionContext.SuppressFlow())
                {
                    timer = new Timer(_ => Run(), null, 1, Timeout.Infinite);
                }

                result.Task.ContinueWith(_ => timer.Dispose(), TaskScheduler.Default);
                break;
            case Launch.TaskRunWithFlowSuppressed:
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(Run);
                }

                break;
            case Launch.UnsafeThread:
                new Thread(Run).UnsafeStart();
                break;
        }

        return result.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
