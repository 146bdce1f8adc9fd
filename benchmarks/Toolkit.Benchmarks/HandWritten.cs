using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;

namespace Toolkit.Benchmarks;

/// <summary>
/// The same telemetry as an expert writes it: span guarded, Enabled checked before the clock and the tags,
/// TagList on the stack, synchronous task completion finished without an await.
/// </summary>
public sealed class HandWritten
{
    public const string Name = "Bench.HandWritten";

    private static readonly ActivitySource s_source = new(Name);
    private static readonly Meter s_meter = new(Name);
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(
        "method.duration", "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
    private static readonly Counter<long> s_calls = s_meter.CreateCounter<long>("method.calls", "{call}");

    public int Sync(int x)
    {
        var activity = s_source.StartActivity("HandWritten.Sync");
        bool timed = s_duration.Enabled;
        bool counted = s_calls.Enabled;
        if (activity is null && !timed && !counted)
        {
            return Work.Run(x);
        }

        activity?.SetTag("code.function.name", "HandWritten.Sync");
        activity?.SetTag("code.namespace", "Toolkit.Benchmarks");
        long start = timed ? Stopwatch.GetTimestamp() : 0;
        string? error = null;
        try
        {
            return Work.Run(x);
        }
        catch (Exception e)
        {
            error = e.GetType().FullName;
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            Record(activity, timed, counted, start, error, "HandWritten.Sync");
        }
    }

    public Task<int> TaskAsync(int x)
    {
        var activity = s_source.StartActivity("HandWritten.TaskAsync");
        bool timed = s_duration.Enabled;
        bool counted = s_calls.Enabled;
        if (activity is null && !timed && !counted)
        {
            return Work.RunTask(x);
        }

        activity?.SetTag("code.function.name", "HandWritten.TaskAsync");
        activity?.SetTag("code.namespace", "Toolkit.Benchmarks");
        long start = timed ? Stopwatch.GetTimestamp() : 0;
        var task = Work.RunTask(x);
        if (task.IsCompleted)
        {
            Record(activity, timed, counted, start, task.IsFaulted ? task.Exception!.InnerException!.GetType().FullName : null, "HandWritten.TaskAsync");
            return task;
        }

        return Awaited(task, activity, timed, counted, start);

        static async Task<int> Awaited(Task<int> task, Activity? activity, bool timed, bool counted, long start)
        {
            string? error = null;
            try
            {
                return await task.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                error = e.GetType().FullName;
                throw;
            }
            finally
            {
                Record(activity, timed, counted, start, error, "HandWritten.TaskAsync");
            }
        }
    }

    public ValueTask<int> ValueTaskAsync(int x)
    {
        var activity = s_source.StartActivity("HandWritten.ValueTaskAsync");
        bool timed = s_duration.Enabled;
        bool counted = s_calls.Enabled;
        if (activity is null && !timed && !counted)
        {
            return Work.RunValueTask(x);
        }

        activity?.SetTag("code.function.name", "HandWritten.ValueTaskAsync");
        activity?.SetTag("code.namespace", "Toolkit.Benchmarks");
        long start = timed ? Stopwatch.GetTimestamp() : 0;
        var task = Work.RunValueTask(x);
        if (task.IsCompletedSuccessfully)
        {
            Record(activity, timed, counted, start, null, "HandWritten.ValueTaskAsync");
            return task;
        }

        return Awaited(task, activity, timed, counted, start);

        static async ValueTask<int> Awaited(ValueTask<int> task, Activity? activity, bool timed, bool counted, long start)
        {
            string? error = null;
            try
            {
                return await task.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                error = e.GetType().FullName;
                throw;
            }
            finally
            {
                Record(activity, timed, counted, start, error, "HandWritten.ValueTaskAsync");
            }
        }
    }

    public int Tagged(int x, Region region, bool express, string channel)
    {
        var activity = s_source.StartActivity("HandWritten.Tagged");
        bool timed = s_duration.Enabled;
        bool counted = s_calls.Enabled;
        if (activity is null && !timed && !counted)
        {
            return Work.RunTagged(x, region, express, channel);
        }

        string regionName = region == Region.Europe ? "Europe" : "Americas";
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("code.function.name", "HandWritten.Tagged");
            activity.SetTag("code.namespace", "Toolkit.Benchmarks");
            activity.SetTag("shop.region", regionName);
            activity.SetTag("shop.express", express ? s_true : s_false);
            activity.SetTag("shop.channel", channel);
        }

        long start = timed ? Stopwatch.GetTimestamp() : 0;
        string? error = null;
        try
        {
            return Work.RunTagged(x, region, express, channel);
        }
        catch (Exception e)
        {
            error = e.GetType().FullName;
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            if (timed || counted)
            {
                var tags = new TagList
                {
                    { "code.function.name", "HandWritten.Tagged" },
                    { "shop.region", regionName },
                    { "shop.express", express ? s_true : s_false },
                    { "shop.channel", channel },
                };
                if (error is not null)
                {
                    tags.Add("error.type", error);
                }

                if (timed)
                {
                    s_duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, in tags);
                }

                if (counted)
                {
                    s_calls.Add(1, in tags);
                }
            }

            activity?.Dispose();
        }
    }

    private static readonly object s_true = true;
    private static readonly object s_false = false;

    private static void Record(Activity? activity, bool timed, bool counted, long start, string? error, string function)
    {
        if (timed || counted)
        {
            var tags = new TagList { { "code.function.name", function } };
            if (error is not null)
            {
                tags.Add("error.type", error);
            }

            if (timed)
            {
                s_duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, in tags);
            }

            if (counted)
            {
                s_calls.Add(1, in tags);
            }
        }

        activity?.Dispose();
    }
}
