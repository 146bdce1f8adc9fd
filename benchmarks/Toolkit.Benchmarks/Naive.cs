using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Toolkit.Benchmarks;

/// <summary>
/// The same telemetry as it is often written: no guards, a Stopwatch object, tag arrays, async/await everywhere,
/// <c>LogInformation</c> with a message template.
/// </summary>
public sealed class Naive(ILogger logger)
{
    public const string Name = "Bench.Naive";

    private static readonly ActivitySource s_source = new(Name);
    private static readonly Meter s_meter = new(Name);
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>("method.duration", "s");
    private static readonly Counter<long> s_calls = s_meter.CreateCounter<long>("method.calls", "{call}");
    private static readonly Counter<long> s_events = s_meter.CreateCounter<long>("business.events", "{event}");

    private static readonly EventId s_workDone = new(Events.WorkDoneId, Events.Name);

    private readonly ILogger _logger = logger;

    public int Sync(int x) =>
        Measure("Naive.Sync", () => Work.Run(x), [], [new("x", x)], result => _logger.LogInformation(s_workDone, "work.done x={x} result={result}", x, result));

    public async Task<int> TaskAsync(int x)
    {
        using var activity = s_source.StartActivity("Naive.TaskAsync");
        activity?.SetTag("code.function.name", "Naive.TaskAsync");
        var stopwatch = Stopwatch.StartNew();
        try
        {
            int result = await Work.RunTask(x).ConfigureAwait(false);
            _logger.LogInformation(s_workDone, "work.done x={x} result={result}", x, result);
            WorkDone(activity, [new("x", x)], result);
            return result;
        }
        finally
        {
            var tags = new KeyValuePair<string, object?>[] { new("code.function.name", "Naive.TaskAsync") };
            s_duration.Record(stopwatch.Elapsed.TotalSeconds, tags);
            s_calls.Add(1, tags);
        }
    }

    public async ValueTask<int> ValueTaskAsync(int x)
    {
        using var activity = s_source.StartActivity("Naive.ValueTaskAsync");
        activity?.SetTag("code.function.name", "Naive.ValueTaskAsync");
        var stopwatch = Stopwatch.StartNew();
        try
        {
            int result = await Work.RunValueTask(x).ConfigureAwait(false);
            _logger.LogInformation(s_workDone, "work.done x={x} result={result}", x, result);
            WorkDone(activity, [new("x", x)], result);
            return result;
        }
        finally
        {
            var tags = new KeyValuePair<string, object?>[] { new("code.function.name", "Naive.ValueTaskAsync") };
            s_duration.Record(stopwatch.Elapsed.TotalSeconds, tags);
            s_calls.Add(1, tags);
        }
    }

    public int Tagged(int x, Region region, bool express, string channel) =>
        Measure(
            "Naive.Tagged",
            () => Work.RunTagged(x, region, express, channel),
            [new("shop.region", region.ToString()), new("shop.express", express), new("shop.channel", channel)],
            [new("x", x), new("region", region), new("express", express), new("channel", channel)],
            result => _logger.LogInformation(s_workDone, "work.done x={x} region={region} express={express} channel={channel} result={result}", x, region, express, channel, result));

    /// <summary>The business event alone.</summary>
    public void Done(int x)
    {
        _logger.LogInformation(s_workDone, "work.done x={x}", x);
        Activity.Current?.AddEvent(new ActivityEvent(Events.Name, tags: new ActivityTagsCollection { { "x", x } }));
        s_events.Add(1, new KeyValuePair<string, object?>("event.name", Events.Name));
    }

    private static int Measure(string name, Func<int> body, KeyValuePair<string, object?>[] extra, KeyValuePair<string, object?>[] properties, Action<int> log)
    {
        using var activity = s_source.StartActivity(name);
        activity?.SetTag("code.function.name", name);
        foreach (var tag in extra)
        {
            activity?.SetTag(tag.Key, tag.Value);
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            int result = body();
            log(result);
            WorkDone(activity, properties, result);
            return result;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
        finally
        {
            var tags = new List<KeyValuePair<string, object?>>(extra) { new("code.function.name", name) }.ToArray();
            s_duration.Record(stopwatch.Elapsed.TotalSeconds, tags);
            s_calls.Add(1, tags);
        }
    }

    private static void WorkDone(Activity? activity, KeyValuePair<string, object?>[] properties, int result)
    {
        activity?.AddEvent(new ActivityEvent(Events.Name, tags: new ActivityTagsCollection(properties) { { "result", result } }));
        s_events.Add(1, new KeyValuePair<string, object?>("event.name", Events.Name));
    }
}
