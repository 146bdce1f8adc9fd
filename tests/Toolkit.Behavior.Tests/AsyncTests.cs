using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Toolkit.TestAssets;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>Task, ValueTask and IAsyncEnumerable shapes: measured to completion, never leaking the span.</summary>
public sealed class AsyncTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Task_of_T_is_traced_timed_and_counted_to_completion(bool yield)
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();

        int result = await new Shapes().ComputeAsync(21, yield);

        Assert.Equal(42, result);
        var span = spans.SingleStopped("Shapes.ComputeAsync");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(42, Assert.IsType<int>(span.GetTagItem("result.size")));
        Assert.Equal("Toolkit.TestAssets.Shapes.ComputeAsync", span.GetTagItem("code.function.name"));
        Assert.Null(span.GetTagItem("code.namespace"));

        var duration = Assert.Single(metrics.Of("method.duration", "Shapes.ComputeAsync"));
        Assert.Equal(42, duration.Tags["result.size"]);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        var calls = Assert.Single(metrics.Of("method.calls", "Shapes.ComputeAsync"));
        Assert.Equal(1, calls.Value);
        Assert.Equal(42, calls.Tags["result.size"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ValueTask_of_T_is_timed_and_counted_to_completion(bool yield)
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();

        int result = await new Shapes().ValueAsync(41, yield);

        Assert.Equal(42, result);
        var duration = Assert.Single(metrics.Of("method.duration", "Shapes.ValueAsync"));
        Assert.True(duration.Value >= 0);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        var calls = Assert.Single(metrics.Of("method.calls", "Shapes.ValueAsync"));
        Assert.Equal(1, calls.Value);
        Assert.Empty(spans.Stopped);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ValueTask_is_traced_and_in_flight_to_completion(bool yield)
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();
        var before = Activity.Current;

        await new Shapes().NothingAsync(yield);

        var span = spans.SingleStopped("Shapes.NothingAsync");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var active = metrics.Of("method.active", "Shapes.NothingAsync");
        Assert.Equal([1d, -1d], active.Select(m => m.Value));
        Assert.Equal(active[0].Tags, active[1].Tags);
        Assert.Same(before, Activity.Current);
    }

    [Fact]
    public async Task Duration_covers_the_awaited_work()
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();

        // Task.Delay is timed on the coarse tick clock (4 ms granularity here, up to 10 ms on some kernels), so a 50 ms
        // delay was seen to finish after 48.3 ms by the high-resolution clock. Awaiting 70 ms makes the 50 ms lower
        // bound below hold deterministically.
        await new Shapes().DelayAsync(70, CancellationToken.None);

        var duration = Assert.Single(metrics.Of("method.duration", "Shapes.DelayAsync"));
        Assert.True(duration.Value >= 0.05, $"histogram recorded {duration.Value} s");
        var span = spans.SingleStopped("Shapes.DelayAsync");
        Assert.Equal(span.Duration.TotalSeconds, duration.Value);
        Assert.Same(span, duration.CurrentSpan);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Faulted_task_keeps_the_exception_and_marks_the_span(bool yield)
    {
        using var spans = new ActivityCollector();

        var task = new Shapes().FailAsync(yield);
        var thrown = await Assert.ThrowsAsync<FormatException>(() => task);

        Assert.True(task.IsFaulted);
        Assert.Same(thrown, task.Exception!.InnerException);
        Assert.Equal("bad input", thrown.Message);
        Assert.Contains("FailAsyncCore", thrown.StackTrace, StringComparison.Ordinal);
        var span = spans.SingleStopped("Shapes.FailAsync");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.FormatException", span.GetTagItem("error.type"));
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value is string s && s.Contains("bad input", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelled_while_pending_is_not_an_error()
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();
        using var cts = new CancellationTokenSource();

        var task = new Shapes().CancelAsync(cts.Token);
        Assert.False(task.IsCompleted);
        var span = spans.SingleStarted("Shapes.CancelAsync");
        Assert.Empty(spans.Stopped);
        Assert.Empty(metrics.All);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);

        Assert.True(task.IsCanceled);
        Assert.Same(span, spans.SingleStopped("Shapes.CancelAsync"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("System.OperationCanceledException", span.GetTagItem("error.type"));
        var calls = Assert.Single(metrics.Of("method.calls", "Shapes.CancelAsync"));
        Assert.Equal("System.OperationCanceledException", calls.Tags["error.type"]);
    }

    [Fact]
    public async Task Cancelled_before_the_call_is_not_an_error()
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();

        var task = new Shapes().CancelAsync(new CancellationToken(canceled: true));
        Assert.True(task.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);

        var span = spans.SingleStopped("Shapes.CancelAsync");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("System.OperationCanceledException", span.GetTagItem("error.type"));
        var calls = Assert.Single(metrics.Of("method.calls", "Shapes.CancelAsync"));
        Assert.Equal("System.OperationCanceledException", calls.Tags["error.type"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Task_that_cancels_itself_without_a_token_is_recorded_as_cancelled_on_both_paths(bool yield)
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();

        var task = new Shapes().AbortAsync(yield);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);

        Assert.True(task.IsCanceled);
        var span = spans.SingleStopped("Shapes.AbortAsync");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("System.OperationCanceledException", span.GetTagItem("error.type"));
        var calls = Assert.Single(metrics.Of("method.calls", "Shapes.AbortAsync"));
        Assert.Equal("System.OperationCanceledException", calls.Tags["error.type"]);
    }

    [Fact]
    public async Task Cancelled_non_generic_task_records_cancellation_on_the_histogram()
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();
        using var cts = new CancellationTokenSource();

        var task = new Shapes().DelayAsync(Timeout.Infinite, cts.Token);
        Assert.False(task.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);

        Assert.True(task.IsCanceled);
        var span = spans.SingleStopped("Shapes.DelayAsync");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("System.OperationCanceledException", span.GetTagItem("error.type"));
        var duration = Assert.Single(metrics.Of("method.duration", "Shapes.DelayAsync"));
        Assert.Equal("System.OperationCanceledException", duration.Tags["error.type"]);
    }

    [Fact]
    public async Task Pending_span_is_not_current_in_the_caller()
    {
        using var spans = new ActivityCollector();
        using var cts = new CancellationTokenSource();
        var before = Activity.Current;

        // CancelAsync stays pending until cancelled, so the pending path is taken deterministically.
        var task = new Shapes().CancelAsync(cts.Token);

        Assert.False(task.IsCompleted);
        Assert.Same(before, Activity.Current);
        var span = spans.SingleStarted("Shapes.CancelAsync");
        Assert.NotSame(span, Activity.Current);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Same(before, Activity.Current);
    }

    [Fact]
    public async Task Pending_span_is_not_current_in_the_caller_inside_an_outer_activity()
    {
        using var spans = new ActivityCollector();
        using var cts = new CancellationTokenSource();
        using var outer = new Activity("outer").Start();

        var task = new Shapes().CancelAsync(cts.Token);

        Assert.False(task.IsCompleted);
        Assert.Same(outer, Activity.Current);
        var span = spans.SingleStarted("Shapes.CancelAsync");
        Assert.Same(outer, span.Parent);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Same(outer, Activity.Current);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pending_call_leaves_a_stopped_caller_activity_current_as_without_a_listener(bool listening)
    {
        using var spans = listening ? new ActivityCollector() : null;
        using var cts = new CancellationTokenSource();

        // Work that outlives its parent span (fire-and-forget): the parent was stopped by another flow, but is still
        // Activity.Current in this one. Without a listener nothing touches it; with one, the caller must get it back
        // too (the Activity.Current setter refuses a stopped activity), and never the pending span.
        using var root = new Activity("root").Start();
        var outer = new Activity("outer").Start();
        await Task.Run(outer.Stop);
        Assert.True(outer.IsStopped);
        Assert.Same(outer, Activity.Current);

        var task = new Shapes().CancelAsync(cts.Token);

        Assert.False(task.IsCompleted);
        Assert.Same(outer, Activity.Current);
        if (spans is not null)
        {
            Assert.Same(outer, spans.SingleStarted("Shapes.CancelAsync").Parent);

            // A later call in the same flow must not become a child of the pending span.
            new Shapes().Add(1, Region.Eu, "c-42");
            Assert.Same(outer, spans.SingleStopped("Shapes.Add").Parent);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Same(outer, Activity.Current);
    }

    [Fact]
    public async Task Sync_call_restores_a_stopped_current_activity()
    {
        using var spans = new ActivityCollector();
        var outer = new Activity("outer").Start();
        await Task.Run(outer.Stop);

        new Shapes().Add(1, Region.Eu, "c-42");
        Assert.Equal(4, await new Shapes().ComputeAsync(2, yield: false));

        Assert.Same(outer, Activity.Current);
        Assert.Same(outer, spans.SingleStopped("Shapes.Add").Parent);
        Assert.Same(outer, spans.SingleStopped("Shapes.ComputeAsync").Parent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Yielding_task_leaves_current_activity_alone_and_is_stopped_after_await(bool withOuter)
    {
        using var spans = new ActivityCollector();
        using var outer = withOuter ? new Activity("outer").Start() : null;
        var before = Activity.Current;

        var task = new Shapes().ComputeAsync(1, yield: true);
        Assert.Same(before, Activity.Current);
        int result = await task;

        Assert.Equal(2, result);
        Assert.Same(before, Activity.Current);
        var span = spans.SingleStopped("Shapes.ComputeAsync");
        Assert.Same(outer, span.Parent);
    }

    [Fact]
    public async Task Async_stream_has_one_span_for_the_whole_enumeration()
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();
        var before = Activity.Current;

        var stream = new Shapes().StreamAsync(3, Region.Us, CancellationToken.None);
        Assert.Empty(spans.Started);

        var enumerator = stream.GetAsyncEnumerator();
        var items = new List<int>();
        try
        {
            Assert.True(await enumerator.MoveNextAsync());
            items.Add(enumerator.Current);
            var span = spans.SingleStarted("Shapes.StreamAsync");
            Assert.Empty(spans.Stopped);
            Assert.Same(before, Activity.Current);

            while (await enumerator.MoveNextAsync())
            {
                items.Add(enumerator.Current);
                Assert.Empty(spans.Stopped);
            }

            Assert.Same(span, spans.SingleStopped("Shapes.StreamAsync"));
            Assert.Equal("Us", span.GetTagItem("stream.kind"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
        }
        finally
        {
            await enumerator.DisposeAsync();
        }

        Assert.Equal([0, 1, 2], items);
        Assert.Single(spans.Stopped);
        Assert.Same(before, Activity.Current);
        var calls = Assert.Single(metrics.Of("method.calls", "Shapes.StreamAsync"));
        Assert.Equal(1, calls.Value);
        Assert.Equal("Us", calls.Tags["stream.kind"]);
        Assert.False(calls.Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task Breaking_out_of_an_async_stream_stops_its_span()
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();

        var items = new List<int>();
        await foreach (int item in new Shapes().StreamAsync(10, Region.Eu, CancellationToken.None))
        {
            items.Add(item);
            Assert.Empty(spans.Stopped);
            if (items.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([0, 1], items);
        var span = spans.SingleStopped("Shapes.StreamAsync");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("error.type"));
        var calls = Assert.Single(metrics.Of("method.calls", "Shapes.StreamAsync"));
        Assert.Equal(1, calls.Value);
    }

    [Fact]
    public async Task Cancelling_an_async_stream_through_its_argument_is_not_an_error()
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();
        using var cts = new CancellationTokenSource();

        var items = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (int item in new Shapes().StreamAsync(10, Region.Eu, cts.Token))
            {
                items.Add(item);
                await cts.CancelAsync();
            }
        });

        Assert.Equal([0], items);
        var span = spans.SingleStopped("Shapes.StreamAsync");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("System.OperationCanceledException", span.GetTagItem("error.type"));
        var calls = Assert.Single(metrics.Of("method.calls", "Shapes.StreamAsync"));
        Assert.Equal("System.OperationCanceledException", calls.Tags["error.type"]);
    }

    [Fact]
    public async Task Cancelling_an_async_stream_through_WithCancellation_is_not_an_error()
    {
        using var spans = new ActivityCollector();
        using var cts = new CancellationTokenSource();

        var items = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (int item in new Shapes().StreamAsync(10, Region.Eu, CancellationToken.None).WithCancellation(cts.Token))
            {
                items.Add(item);
                await cts.CancelAsync();
            }
        });

        Assert.Equal([0], items);
        var span = spans.SingleStopped("Shapes.StreamAsync");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("System.OperationCanceledException", span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Each_enumeration_of_an_async_stream_is_its_own_span()
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();

        var stream = new Shapes().StreamAsync(2, Region.Eu, CancellationToken.None);
        await foreach (int _ in stream)
        {
        }

        await foreach (int _ in stream)
        {
        }

        Assert.Equal(2, spans.Stopped.Count(a => a.OperationName == "Shapes.StreamAsync"));
        Assert.Equal(2, metrics.Of("method.calls", "Shapes.StreamAsync").Count);
    }
}
