using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Toolkit.TestAssets;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>
/// Real-library method shapes (<see cref="RealShapes"/>) run the same with and without listeners: same result, same
/// exception, same ambient values, same <see cref="Activity.Current"/> afterwards; with listeners they are also recorded.
/// </summary>
public sealed class RealShapeTests
{
    [Fact]
    public void Override_with_an_inherited_constraint_binds_the_core()
    {
        Picker picker = new RealShapes();

        var outcome = SameBothWays(() => picker.Max("apple", "pear"), spans => spans.SingleStopped("RealShapes.Max"));

        Assert.Equal("pear", outcome.Result);
    }

    [Fact]
    public void Allows_ref_struct_takes_a_span()
    {
        var outcome = SameBothWays(
            () => RealShapes.Measure<ReadOnlySpan<char>>("abcd".AsSpan(), span => span.Length),
            spans => spans.SingleStopped("RealShapes.Measure"));

        Assert.Equal(4, outcome.Result);
    }

    [Fact]
    public void Pointer_parameters_reach_the_core()
    {
        var outcome = SameBothWays(
            () => RealShapes.SumOf([1, 2, 3]),
            spans => spans.SingleStopped("RealShapes.Sum"));

        Assert.Equal(6, outcome.Result);
    }

    [Fact]
    public void Pointer_parameters_reach_the_core_of_a_pending_task()
    {
        var outcome = SameBothWays(
            () => RealShapes.SumLaterOf([1, 2, 3]).GetAwaiter().GetResult(),
            spans => Assert.Equal(3, spans.SingleStopped("RealShapes.SumLaterAsync").GetTagItem("count")));

        Assert.Equal(6, outcome.Result);
    }

    [Fact]
    public void Does_not_return_throws_the_core_exception_and_records_the_failure()
    {
        var outcome = SameBothWays(
            () =>
            {
                RealShapes.Fail("stop");
                return null;
            },
            spans => Assert.Equal(ActivityStatusCode.Error, spans.SingleStopped("RealShapes.Fail").Status));

        Assert.IsType<InvalidOperationException>(outcome.Exception);
        Assert.Equal("stop", outcome.Exception!.Message);
    }

    [Fact]
    public void Flow_attributes_hold_through_the_wrapper()
    {
        var notNull = SameBothWays(() => RealShapes.NotNull<string>("x"), spans => spans.SingleStopped("RealShapes.NotNull"));
        Assert.Equal("x", notNull.Result);

        var missing = SameBothWays(() => RealShapes.NotNull<string>(null), spans => spans.SingleStopped("RealShapes.NotNull"));
        Assert.IsType<ArgumentNullException>(missing.Exception);

        var found = SameBothWays(
            () => RealShapes.TryGet(3, out string? value) ? value.Length : -1,
            spans => Assert.Equal(true, spans.SingleStopped("RealShapes.TryGet").GetTagItem("found")));
        Assert.Equal(2, found.Result);

        var notFound = SameBothWays(
            () => RealShapes.TryGet(0, out string? value) ? value.Length : -1,
            spans => Assert.Equal(false, spans.SingleStopped("RealShapes.TryGet").GetTagItem("found")));
        Assert.Equal(-1, notFound.Result);

        var loaded = SameBothWays(
            () =>
            {
                var shapes = new RealShapes();
                shapes.Load();
                return shapes.Loaded;
            },
            spans => spans.SingleStopped("RealShapes.Load"));
        Assert.Equal("loaded", loaded.Result);
    }

    [Fact]
    public void Dynamic_argument_reaches_the_core()
    {
        var outcome = SameBothWays(
            () => RealShapes.Describe("text", 2),
            spans => Assert.Equal(2, spans.SingleStopped("RealShapes.Describe").GetTagItem("depth")));

        Assert.Equal("2:text", outcome.Result);
    }

    [Fact]
    public void Oblivious_return_passes_through()
    {
        var outcome = SameBothWays(() => RealShapes.Legacy("f").Single(), spans => spans.SingleStopped("RealShapes.Legacy"));

        Assert.Equal("f", outcome.Result);
    }

    [Fact]
    public void Null_task_from_the_core_is_returned_as_null_with_or_without_listeners()
    {
        var task = SameBothWays(
            () =>
            {
                var returned = RealShapes.NullTask();
                return (returned is null, RealShapes.Ambient.Value);
            },
            spans => Assert.Equal(ActivityStatusCode.Unset, spans.SingleStopped("RealShapes.NullTask").Status));
        Assert.Equal((true, "set by the core"), task.Result);

        var ofT = SameBothWays(() => RealShapes.NullResultAsync() is null, spans => spans.SingleStopped("RealShapes.NullResultAsync"));
        Assert.Equal(true, ofT.Result);
    }

    [Fact]
    public async Task Awaiting_a_null_task_fails_in_the_caller_the_same_way()
    {
        var without = await Assert.ThrowsAsync<NullReferenceException>(async () => await RealShapes.NullTask());

        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();
        var with = await Assert.ThrowsAsync<NullReferenceException>(async () => await RealShapes.NullTask());

        Assert.Equal(without.GetType(), with.GetType());
        spans.SingleStopped("RealShapes.NullTask");
    }

    /// <summary>
    /// Runs <paramref name="call"/> with nothing listening, then with a span and metric listener, on a fresh ambient
    /// state each time; asserts both outcomes are equal and the caller's current span is unchanged by either; returns the outcome.
    /// </summary>
    private static Outcome SameBothWays(Func<object?> call, Action<ActivityCollector> recorded)
    {
        var without = Run(call);

        Outcome with;
        using (var spans = new ActivityCollector())
        using (var metrics = new MetricCollector())
        {
            with = Run(call);
            recorded(spans);
        }

        Assert.Equal(without.Result, with.Result);
        Assert.Equal(without.Exception?.GetType(), with.Exception?.GetType());
        Assert.Equal(without.Exception?.Message, with.Exception?.Message);
        Assert.Equal(without.Ambient, with.Ambient);
        Assert.True(without.CurrentUnchanged, "Activity.Current changed without listeners");
        Assert.True(with.CurrentUnchanged, "Activity.Current changed with listeners");
        return with;
    }

    private static Outcome Run(Func<object?> call)
    {
        // A parent span the caller owns, so that a leaked or lost current span shows.
        using var parent = new Activity("caller").Start();
        RealShapes.Ambient.Value = null;
        object? result = null;
        Exception? exception = null;
        try
        {
            result = call();
        }
        catch (Exception e)
        {
            exception = e;
        }

        return new Outcome(result, exception, RealShapes.Ambient.Value, ReferenceEquals(Activity.Current, parent));
    }

    private sealed record Outcome(object? Result, Exception? Exception, string? Ambient, bool CurrentUnchanged);
}
