using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Toolkit.Testing.Tests;

/// <summary>
/// Many flows call one shared instance of the same instrumented method at the same time, with calls held open until
/// every flow has started; each recorder sees exactly its own flow's telemetry. The classes of this assembly run in
/// parallel too, so the other tests add their own traffic.
/// </summary>
public sealed class ParallelIsolationTests
{
    private const int Flows = 50;
    private const int Bystanders = 10;

    [Fact]
    public async Task Concurrent_flows_each_see_only_their_own_span_measurements_and_event()
    {
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(TelemetryRecorder.LoggerProvider));
        var orders = new OrderService(loggers.CreateLogger<OrderService>());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int pending = Flows + Bystanders;
        var recorders = new TelemetryRecorder[Flows];
        string[] tenants = [.. Enumerable.Range(0, Flows).Select(i => $"tenant-{i:D2}"), .. Enumerable.Range(0, Bystanders).Select(i => $"bystander-{i:D2}")];

        void Started()
        {
            if (Interlocked.Decrement(ref pending) == 0)
            {
                allStarted.SetResult();
            }
        }

        var flows = Enumerable.Range(0, Flows).Select(i => Task.Run(async () =>
        {
            string tenant = tenants[i];
            using var telemetry = recorders[i] = TelemetryRecorder.Start();
            var call = orders.PlaceAsync(tenant, $"customer-{i:D2}", $"card-{i:D2}", i, gate.Task);
            Started();
            string order = await call;

            var span = Assert.Single(telemetry.Activities);
            telemetry.AssertSpan("OrderService.PlaceAsync").AssertTag("shop.tenant", tenant);
            Assert.Equal(["business.events", "method.calls", "method.duration"], telemetry.Measurements.Select(m => m.Instrument.Name).Order());
            telemetry.AssertMeasurement("method.calls", ("shop.tenant", tenant));
            telemetry.AssertMeasurement("method.duration", ("shop.tenant", tenant));
            telemetry.AssertMeasurement("business.events", ("event.name", "order.placed"));
            var record = Assert.Single(telemetry.Logs);
            telemetry.AssertEvent("order.placed", ("tenant", tenant), ("customerId", TelemetryRedaction.Hash($"customer-{i:D2}")), ("result", order));
            Assert.Equal(span.SpanId, record.SpanId);
            telemetry.AssertNoPii([$"customer-{i:D2}", $"card-{i:D2}", .. tenants.Where(t => t != tenant)]);
        })).ToArray();

        // Calls outside any recorder, interleaved with the others: nobody may see them.
        var bystanders = Enumerable.Range(Flows, Bystanders).Select(i => Task.Run(async () =>
        {
            var call = orders.PlaceAsync(tenants[i], "customer", "card", i, gate.Task);
            Started();
            await call;
        })).ToArray();

        await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Every flow's span is open at once: they truly overlap.
        Assert.All(recorders, r => Assert.False(Assert.Single(r.Activities).IsStopped));
        gate.SetResult();
        await Task.WhenAll([.. flows, .. bystanders]).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
