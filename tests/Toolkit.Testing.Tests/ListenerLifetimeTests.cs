using System.Diagnostics;
using System.Diagnostics.Metrics;
using Xunit;

namespace Toolkit.Testing.Tests;

[CollectionDefinition(nameof(ListenerLifetimeTests), DisableParallelization = true)]
public sealed class ListenerLifetimeCollection;

/// <summary>
/// The shared listeners live only while a recorder does, so code run without one keeps its "nothing listening" path.
/// Runs alone: recorders of parallel tests would keep the listeners alive.
/// </summary>
[Collection(nameof(ListenerLifetimeTests))]
public sealed class ListenerLifetimeTests
{
    [Fact]
    public void Sources_and_instruments_have_listeners_only_while_a_recorder_lives()
    {
        using var source = new ActivitySource("Toolkit.Testing.Tests.Lifetime");
        using var meter = new Meter("Toolkit.Testing.Tests.Lifetime");
        var counter = meter.CreateCounter<long>("lifetime.calls");
        Assert.False(source.HasListeners());
        Assert.False(counter.Enabled);

        var outer = TelemetryRecorder.Start();
        var inner = TelemetryRecorder.Start();
        Assert.True(source.HasListeners());
        Assert.True(counter.Enabled);

        outer.Dispose();
        Assert.True(source.HasListeners());
        counter.Add(1);
        Assert.Single(inner.Measurements);

        inner.Dispose();
        Assert.False(source.HasListeners());
        Assert.False(counter.Enabled);
    }
}
