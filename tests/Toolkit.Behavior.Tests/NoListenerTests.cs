using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Toolkit.TestAssets;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>
/// With no listener for the source and meter, generated methods take their fast path: they behave exactly like the
/// Core. (That the fast path adds no allocation is checked in <see cref="AllocationTests"/>.)
/// </summary>
public sealed class NoListenerTests
{
    [Fact]
    public void Sync_methods_behave_like_their_core()
    {
        var shapes = new Shapes();
        var before = Activity.Current;

        Assert.Equal(2, shapes.Add(1, Region.Eu, "c-42"));
        shapes.Fire(true, null);
        Assert.True(shapes.LastFire);
        Assert.Equal(5, shapes.Custom(5));
        Assert.Equal("x", shapes.Echo("x"));
        Assert.Equal(4, shapes.Overload("four"));
        Assert.Equal(6, 3.Twice());
        Assert.Same(before, Activity.Current);
    }

    [Fact]
    public void Sync_failure_propagates_the_core_exception()
    {
        var thrown = Assert.Throws<InvalidOperationException>(() => new Shapes().Fail("plain"));

        Assert.Equal("plain", thrown.Message);
        Assert.Contains("FailCore", thrown.StackTrace, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Async_methods_behave_like_their_core(bool yield)
    {
        var shapes = new Shapes();

        Assert.Equal(2, await shapes.ComputeAsync(1, yield));
        Assert.Equal(2, await shapes.ValueAsync(1, yield));
        await shapes.NothingAsync(yield);
        var thrown = await Assert.ThrowsAsync<FormatException>(() => shapes.FailAsync(yield));
        Assert.Contains("FailAsyncCore", thrown.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Sync_completed_task_is_returned_completed()
    {
        var shapes = new Shapes();

        Task<int> task = shapes.ComputeAsync(1, yield: false);
        ValueTask<int> valueTask = shapes.ValueAsync(1, yield: false);

        Assert.True(task.IsCompletedSuccessfully);
        Assert.True(valueTask.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Cancellation_and_streams_behave_like_their_core()
    {
        var shapes = new Shapes();
        using var cts = new CancellationTokenSource();

        var pending = shapes.CancelAsync(cts.Token);
        Assert.False(pending.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.True(pending.IsCanceled);

        var items = new List<int>();
        await foreach (int item in shapes.StreamAsync(3, Region.Eu, CancellationToken.None))
        {
            items.Add(item);
        }

        Assert.Equal([0, 1, 2], items);
    }
}
