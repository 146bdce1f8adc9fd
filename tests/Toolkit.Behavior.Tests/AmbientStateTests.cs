using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using Toolkit.TestAssets;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>
/// Telemetry never changes what the program sees: the same call, made once with no listener and once with every
/// listener on, gives the same result or exception and leaves the same ambient state (an <see cref="System.Threading.AsyncLocal{T}"/>,
/// the culture, <see cref="Activity.Current"/>) in the caller, both when the call returns its pending task and after it is awaited.
/// </summary>
public sealed class AmbientStateTests
{
    public static TheoryData<string, bool, bool> Cases()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (string call in new[] { "Task<T>", "ValueTask<T>", "Task", "event only", "inner activity" })
        {
            foreach (bool fails in new[] { false, true })
            {
                data.Add(call, fails, false);
                data.Add(call, fails, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_pending_call_leaves_the_same_ambient_state_with_and_without_listeners(string call, bool fails, bool inOuterActivity)
    {
        using var inner = new InnerListener();
        var without = await Observe(call, fails, inOuterActivity);

        Observed with;
        using (var spans = new ActivityCollector())
        using (var metrics = new MetricCollector())
        {
            with = await Observe(call, fails, inOuterActivity);

            // The instrumented path ran: a span, or for the event-only method the event's count (written on success only).
            if (call != "event only")
            {
                Assert.NotEmpty(spans.Stopped);
            }
            else if (!fails)
            {
                Assert.NotEmpty(metrics.All);
            }
        }

        Assert.Equal(without, with);

        // What the Core set is what the caller sees, not the state from before the call.
        if (call != "inner activity")
        {
            Assert.Equal("tenant-7", with.AfterCall.Tenant);
            Assert.Equal("tenant-7", with.AfterAwait.Tenant);
            Assert.Equal(inOuterActivity ? "outer" : null, with.AfterCall.Current);
        }
        else
        {
            Assert.Equal("inner", with.AfterCall.Current);
        }

        Assert.Equal(fails ? "System.InvalidOperationException: refused" : "42", with.Outcome);
    }

    /// <summary>Makes the call in a flow of its own, so what it sets cannot leak into the next run or the test.</summary>
    private static Task<Observed> Observe(string call, bool fails, bool inOuterActivity) => Task.Run(async () =>
    {
        using var outer = inOuterActivity ? new Activity("outer").Start() : null;
        var pending = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ambient = new Ambient();
        Task task = call switch
        {
            "Task<T>" => ambient.EnterAsync("tenant-7", pending.Task),
            "ValueTask<T>" => ambient.EnterValueAsync("tenant-7", pending.Task).AsTask(),
            "Task" => ambient.EnterPlainAsync("tenant-7", pending.Task),
            "event only" => ambient.AnnounceAsync("tenant-7", pending.Task),
            _ => ambient.StartInnerAsync(pending.Task),
        };

        var afterCall = Ambience.Now();
        Assert.False(task.IsCompleted);
        if (fails)
        {
            pending.SetException(new InvalidOperationException("refused"));
        }
        else
        {
            pending.SetResult(42);
        }

        string outcome;
        try
        {
            await task;
            outcome = task is Task<int> result ? result.Result.ToString(CultureInfo.InvariantCulture) : "42";
        }
        catch (InvalidOperationException e)
        {
            outcome = $"{e.GetType().FullName}: {e.Message}";
        }

        return new Observed(afterCall, outcome, Ambience.Now());
    });

    private sealed record Observed(Ambience AfterCall, string Outcome, Ambience AfterAwait);

    private sealed record Ambience(string? Tenant, string Culture, string? Current)
    {
        public static Ambience Now() => new(Ambient.Tenant.Value, CultureInfo.CurrentCulture.Name, Activity.Current?.OperationName);
    }

    /// <summary>Samples the Core's own activities in both runs, so they exist with and without the Toolkit listeners.</summary>
    private sealed class InnerListener : IDisposable
    {
        private readonly ActivityListener _listener = new()
        {
            ShouldListenTo = source => source == Ambient.Inner,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };

        public InnerListener() => ActivitySource.AddActivityListener(_listener);

        public void Dispose() => _listener.Dispose();
    }
}
