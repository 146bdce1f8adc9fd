using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Toolkit.Testing.Tests;

/// <summary>A recorder started in the test class's constructor and disposed with the instance, one per test.</summary>
public sealed class ConstructorRecorderTests : IDisposable
{
    private readonly TelemetryRecorder _telemetry = TelemetryRecorder.Start();

    [Fact]
    public async Task Is_current_in_the_test_method_and_its_awaits()
    {
        Assert.Same(_telemetry, TelemetryRecorder.Current);
        await Task.Yield();

        new OrderService(NullLogger<OrderService>.Instance).Refund("constructor", 1);

        _telemetry.AssertSpan("OrderService.Refund").AssertTag("shop.tenant", "constructor");
    }

    public void Dispose() => _telemetry.Dispose();
}
