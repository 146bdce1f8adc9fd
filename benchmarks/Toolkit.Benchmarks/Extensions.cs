using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

// Unit is experimental in the generator; it is what makes the instruments the same as the others.
#pragma warning disable EXTEXP0003

namespace Toolkit.Benchmarks;

/// <summary>
/// The duration histogram, call counter and business-event counter as the <c>Microsoft.Extensions.Telemetry</c>
/// metric generator writes them: one strongly typed instrument per tag set.
/// </summary>
internal static partial class ExtensionsMetrics
{
    [Histogram<double>("code.function.name", Name = "method.duration", Unit = "s")]
    public static partial MethodDuration CreateDuration(Meter meter);

    [Counter<long>("code.function.name", Name = "method.calls", Unit = "{call}")]
    public static partial MethodCalls CreateCalls(Meter meter);

    [Histogram<double>("code.function.name", "shop.region", "shop.express", "shop.channel", Name = "method.duration", Unit = "s")]
    public static partial TaggedMethodDuration CreateTaggedDuration(Meter meter);

    [Counter<long>("code.function.name", "shop.region", "shop.express", "shop.channel", Name = "method.calls", Unit = "{call}")]
    public static partial TaggedMethodCalls CreateTaggedCalls(Meter meter);

    [Counter<long>("event.name", Name = "business.events", Unit = "{event}")]
    public static partial BusinessEvents CreateBusinessEvents(Meter meter);
}

/// <summary>
/// Metrics through the <c>Microsoft.Extensions.Telemetry</c> generator's instruments, the span and the business event
/// as in <see cref="HandWritten"/>. The generated instruments do not expose <c>Enabled</c>, so the clock is read and
/// the measurement recorded on every call; they cannot carry bucket advice or an optional <c>error.type</c> tag.
/// </summary>
public sealed class Extensions(ILogger logger)
{
    public const string Name = "Bench.Extensions";

    private static readonly ActivitySource s_source = new(Name);
    private static readonly Meter s_meter = new(Name);
    private static readonly MethodDuration s_duration = ExtensionsMetrics.CreateDuration(s_meter);
    private static readonly MethodCalls s_calls = ExtensionsMetrics.CreateCalls(s_meter);
    private static readonly TaggedMethodDuration s_taggedDuration = ExtensionsMetrics.CreateTaggedDuration(s_meter);
    private static readonly TaggedMethodCalls s_taggedCalls = ExtensionsMetrics.CreateTaggedCalls(s_meter);
    private static readonly BusinessEvents s_events = ExtensionsMetrics.CreateBusinessEvents(s_meter);

    private static readonly LogDefineOptions s_skipEnabledCheck = new() { SkipEnabledCheck = true };
    private static readonly Action<ILogger, int, int, Exception?> s_workDone = LoggerMessage.Define<int, int>(
        LogLevel.Information, new EventId(Events.WorkDoneId, Events.Name), "work.done x={x} result={result}", s_skipEnabledCheck);
    private static readonly Action<ILogger, int, Region, bool, string, int, Exception?> s_taggedDone = LoggerMessage.Define<int, Region, bool, string, int>(
        LogLevel.Information, new EventId(Events.WorkDoneId, Events.Name), "work.done x={x} region={region} express={express} channel={channel} result={result}", s_skipEnabledCheck);

    private static readonly object s_true = true;
    private static readonly object s_false = false;

    private readonly ILogger _logger = logger;

    public int Sync(int x)
    {
        var activity = Start("Extensions.Sync");
        long start = Stopwatch.GetTimestamp();
        try
        {
            int result = Work.Run(x);
            WorkDone(_logger, activity, x, result);
            return result;
        }
        catch
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            Record(activity, start, "Extensions.Sync");
        }
    }

    public Task<int> TaskAsync(int x)
    {
        var activity = Start("Extensions.TaskAsync");
        long start = Stopwatch.GetTimestamp();
        var task = Work.RunTask(x);
        if (task.IsCompletedSuccessfully)
        {
            WorkDone(_logger, activity, x, task.Result);
            Record(activity, start, "Extensions.TaskAsync");
            return task;
        }

        return Awaited(task, _logger, activity, start, x);

        static async Task<int> Awaited(Task<int> task, ILogger logger, Activity? activity, long start, int x)
        {
            try
            {
                int result = await task.ConfigureAwait(false);
                WorkDone(logger, activity, x, result);
                return result;
            }
            finally
            {
                Record(activity, start, "Extensions.TaskAsync");
            }
        }
    }

    public ValueTask<int> ValueTaskAsync(int x)
    {
        var activity = Start("Extensions.ValueTaskAsync");
        long start = Stopwatch.GetTimestamp();
        var task = Work.RunValueTask(x);
        if (task.IsCompletedSuccessfully)
        {
            WorkDone(_logger, activity, x, task.Result);
            Record(activity, start, "Extensions.ValueTaskAsync");
            return task;
        }

        return Awaited(task, _logger, activity, start, x);

        static async ValueTask<int> Awaited(ValueTask<int> task, ILogger logger, Activity? activity, long start, int x)
        {
            try
            {
                int result = await task.ConfigureAwait(false);
                WorkDone(logger, activity, x, result);
                return result;
            }
            finally
            {
                Record(activity, start, "Extensions.ValueTaskAsync");
            }
        }
    }

    public int Tagged(int x, Region region, bool express, string channel)
    {
        var activity = s_source.StartActivity("Extensions.Tagged");
        string regionName = region == Region.Europe ? "Europe" : "Americas";
        object expressTag = express ? s_true : s_false;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("code.function.name", "Extensions.Tagged");
            activity.SetTag("shop.region", regionName);
            activity.SetTag("shop.express", expressTag);
            activity.SetTag("shop.channel", channel);
        }

        long start = Stopwatch.GetTimestamp();
        try
        {
            int result = Work.RunTagged(x, region, express, channel);
            if (_logger.IsEnabled(LogLevel.Information))
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

            s_events.Add(1, Events.Name);
            return result;
        }
        catch
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            s_taggedDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, "Extensions.Tagged", regionName, expressTag, channel);
            s_taggedCalls.Add(1, "Extensions.Tagged", regionName, expressTag, channel);
            activity?.Dispose();
        }
    }

    private static Activity? Start(string function)
    {
        var activity = s_source.StartActivity(function);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("code.function.name", function);
        }

        return activity;
    }

    private static void WorkDone(ILogger logger, Activity? activity, int x, int result)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            s_workDone(logger, x, result, null);
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.AddEvent(new ActivityEvent(Events.Name, tags: new ActivityTagsCollection { { "x", x }, { "result", result } }));
        }

        s_events.Add(1, Events.Name);
    }

    private static void Record(Activity? activity, long start, string function)
    {
        s_duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, function);
        s_calls.Add(1, function);
        activity?.Dispose();
    }
}
