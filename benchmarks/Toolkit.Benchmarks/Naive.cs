using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;

namespace Toolkit.Benchmarks;

/// <summary>
/// The same telemetry as it is often written: no guards, a Stopwatch object, tag arrays, async/await everywhere.
/// </summary>
public sealed class Naive
{
    public const string Name = "Bench.Naive";

    private static readonly ActivitySource s_source = new(Name);
    private static readonly Meter s_meter = new(Name);
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>("method.duration", "s");
    private static readonly Counter<long> s_calls = s_meter.CreateCounter<long>("method.calls", "{call}");

    public int Sync(int x) => Measure("Naive.Sync", () => Work.Run(x), []);

    public async Task<int> TaskAsync(int x)
    {
        using var activity = s_source.StartActivity("Naive.TaskAsync");
        activity?.SetTag("code.function.name", "Naive.TaskAsync");
        activity?.SetTag("code.namespace", "Toolkit.Benchmarks");
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return await Work.RunTask(x).ConfigureAwait(false);
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
        activity?.SetTag("code.namespace", "Toolkit.Benchmarks");
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return await Work.RunValueTask(x).ConfigureAwait(false);
        }
        finally
        {
            var tags = new KeyValuePair<string, object?>[] { new("code.function.name", "Naive.ValueTaskAsync") };
            s_duration.Record(stopwatch.Elapsed.TotalSeconds, tags);
            s_calls.Add(1, tags);
        }
    }

    public int Tagged(int x, Region region, bool express, string channel) =>
        Measure("Naive.Tagged", () => Work.RunTagged(x, region, express, channel), [new("shop.region", region.ToString()), new("shop.express", express), new("shop.channel", channel)]);

    private static int Measure(string name, Func<int> body, KeyValuePair<string, object?>[] extra)
    {
        using var activity = s_source.StartActivity(name);
        activity?.SetTag("code.function.name", name);
        activity?.SetTag("code.namespace", "Toolkit.Benchmarks");
        foreach (var tag in extra)
        {
            activity?.SetTag(tag.Key, tag.Value);
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            return body();
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
}
