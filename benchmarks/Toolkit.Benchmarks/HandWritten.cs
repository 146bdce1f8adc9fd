using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Toolkit.Benchmarks;

/// <summary>
/// The same telemetry as an expert writes it: span guarded, Enabled checked before the clock and the tags,
/// TagList on the stack, a cached <see cref="LoggerMessage.Define{T1, T2}(LogLevel, EventId, string, LogDefineOptions?)"/>
/// that skips its own enabled check, synchronous task completion finished without an await.
/// </summary>
public sealed class HandWritten(ILogger logger)
{
    public const string Name = "Bench.HandWritten";

    private static readonly ActivitySource s_source = new(Name);
    private static readonly Meter s_meter = new(Name);
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(
        "method.duration", "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
    private static readonly Counter<long> s_calls = s_meter.CreateCounter<long>("method.calls", "{call}");
    private static readonly Counter<long> s_events = s_meter.CreateCounter<long>("business.events", "{event}");

    private static readonly LogDefineOptions s_skipEnabledCheck = new() { SkipEnabledCheck = true };
    private static readonly Action<ILogger, int, Exception?> s_done = LoggerMessage.Define<int>(
        LogLevel.Information, new EventId(Events.WorkDoneId, Events.Name), "work.done x={x}", s_skipEnabledCheck);
    private static readonly Action<ILogger, int, int, Exception?> s_workDone = LoggerMessage.Define<int, int>(
        LogLevel.Information, new EventId(Events.WorkDoneId, Events.Name), "work.done x={x} result={result}", s_skipEnabledCheck);
    private static readonly Action<ILogger, int, Region, bool, string, int, Exception?> s_taggedDone = LoggerMessage.Define<int, Region, bool, string, int>(
        LogLevel.Information, new EventId(Events.WorkDoneId, Events.Name), "work.done x={x} region={region} express={express} channel={channel} result={result}", s_skipEnabledCheck);

    private static readonly object s_true = true;
    private static readonly object s_false = false;

    private readonly ILogger _logger = logger;

    public int Sync(int x)
    {
        var activity = s_source.StartActivity("HandWritten.Sync");
        bool timed = s_duration.Enabled;
        bool counted = s_calls.Enabled;
        bool logged = _logger.IsEnabled(LogLevel.Information);
        bool events = s_events.Enabled;
        if (activity is null && !timed && !counted && !logged && !events)
        {
            return Work.Run(x);
        }

        activity?.SetTag("code.function.name", "HandWritten.Sync");
        long start = timed ? Stopwatch.GetTimestamp() : 0;
        string? error = null;
        try
        {
            int result = Work.Run(x);
            WorkDone(_logger, activity, logged, events, x, result);
            return result;
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
        bool logged = _logger.IsEnabled(LogLevel.Information);
        bool events = s_events.Enabled;
        if (activity is null && !timed && !counted && !logged && !events)
        {
            return Work.RunTask(x);
        }

        activity?.SetTag("code.function.name", "HandWritten.TaskAsync");
        long start = timed ? Stopwatch.GetTimestamp() : 0;
        var task = Work.RunTask(x);
        if (task.IsCompleted)
        {
            if (task.IsCompletedSuccessfully)
            {
                WorkDone(_logger, activity, logged, events, x, task.Result);
            }

            Record(activity, timed, counted, start, task.IsFaulted ? task.Exception!.InnerException!.GetType().FullName : null, "HandWritten.TaskAsync");
            return task;
        }

        return Awaited(task, _logger, activity, timed, counted, logged, events, start, x);

        static async Task<int> Awaited(Task<int> task, ILogger logger, Activity? activity, bool timed, bool counted, bool logged, bool events, long start, int x)
        {
            string? error = null;
            try
            {
                int result = await task.ConfigureAwait(false);
                WorkDone(logger, activity, logged, events, x, result);
                return result;
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
        bool logged = _logger.IsEnabled(LogLevel.Information);
        bool events = s_events.Enabled;
        if (activity is null && !timed && !counted && !logged && !events)
        {
            return Work.RunValueTask(x);
        }

        activity?.SetTag("code.function.name", "HandWritten.ValueTaskAsync");
        long start = timed ? Stopwatch.GetTimestamp() : 0;
        var task = Work.RunValueTask(x);
        if (task.IsCompletedSuccessfully)
        {
            WorkDone(_logger, activity, logged, events, x, task.Result);
            Record(activity, timed, counted, start, null, "HandWritten.ValueTaskAsync");
            return task;
        }

        return Awaited(task, _logger, activity, timed, counted, logged, events, start, x);

        static async ValueTask<int> Awaited(ValueTask<int> task, ILogger logger, Activity? activity, bool timed, bool counted, bool logged, bool events, long start, int x)
        {
            string? error = null;
            try
            {
                int result = await task.ConfigureAwait(false);
                WorkDone(logger, activity, logged, events, x, result);
                return result;
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
        bool logged = _logger.IsEnabled(LogLevel.Information);
        bool events = s_events.Enabled;
        if (activity is null && !timed && !counted && !logged && !events)
        {
            return Work.RunTagged(x, region, express, channel);
        }

        string regionName = region == Region.Europe ? "Europe" : "Americas";
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("code.function.name", "HandWritten.Tagged");
            activity.SetTag("shop.region", regionName);
            activity.SetTag("shop.express", express ? s_true : s_false);
            activity.SetTag("shop.channel", channel);
        }

        long start = timed ? Stopwatch.GetTimestamp() : 0;
        string? error = null;
        try
        {
            int result = Work.RunTagged(x, region, express, channel);
            if (logged)
            {
                s_taggedDone(_logger, x, region, express, channel, result, null);
            }

            if (activity is { IsAllDataRequested: true })
            {
                activity.AddEvent(new ActivityEvent(Events.Name, tags: new ActivityTagsCollection
                {
                    { "x", x }, { "region", region }, { "express", express }, { "channel", channel }, { "result", result },
                }));
            }

            if (events)
            {
                s_events.Add(1, new KeyValuePair<string, object?>("event.name", Events.Name));
            }

            return result;
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

    /// <summary>The business event alone.</summary>
    public void Done(int x)
    {
        bool logged = _logger.IsEnabled(LogLevel.Information);
        bool events = s_events.Enabled;
        var current = s_source.HasListeners() ? Activity.Current : null;
        if (!logged && !events && current is null)
        {
            return;
        }

        if (logged)
        {
            s_done(_logger, x, null);
        }

        if (current is { IsAllDataRequested: true })
        {
            current.AddEvent(new ActivityEvent(Events.Name, tags: new ActivityTagsCollection { { "x", x } }));
        }

        if (events)
        {
            s_events.Add(1, new KeyValuePair<string, object?>("event.name", Events.Name));
        }
    }

    private static void WorkDone(ILogger logger, Activity? activity, bool logged, bool events, int x, int result)
    {
        if (logged)
        {
            s_workDone(logger, x, result, null);
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.AddEvent(new ActivityEvent(Events.Name, tags: new ActivityTagsCollection { { "x", x }, { "result", result } }));
        }

        if (events)
        {
            s_events.Add(1, new KeyValuePair<string, object?>("event.name", Events.Name));
        }
    }

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
