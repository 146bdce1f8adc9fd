using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using AspectInjector.Broker;
using Microsoft.Extensions.Logging;

namespace Toolkit.Benchmarks;

/// <summary>The same telemetry as AspectInjector around-advice, woven into each method at build time.</summary>
public sealed class Woven
{
    public const string Name = "Bench.Woven";

    [Instrumented]
    public int Sync(int x) => Work.Run(x);

    [Instrumented]
    public Task<int> TaskAsync(int x) => Work.RunTask(x);

    [Instrumented]
    public ValueTask<int> ValueTaskAsync(int x) => Work.RunValueTask(x);

    [Instrumented]
    public int Tagged(int x, [WovenTag("shop.region")] Region region, [WovenTag("shop.express")] bool express, [WovenTag("shop.channel")] string channel) =>
        Work.RunTagged(x, region, express, channel);
}

/// <summary>Marks a parameter as a span attribute and metric tag for <see cref="InstrumentedAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class WovenTagAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// Around-advice with the hand-written guards: span, duration histogram, call counter and business event. What the
/// weaving costs is its calling convention: the arguments in an <see cref="object"/> array, the result boxed, the
/// body called through a delegate, the method's metadata looked up per call.
/// </summary>
[Aspect(Scope.Global)]
[Injection(typeof(InstrumentedAttribute))]
[AttributeUsage(AttributeTargets.Method)]
public sealed class InstrumentedAttribute : Attribute
{
    private static readonly ActivitySource s_source = new(Woven.Name);
    private static readonly Meter s_meter = new(Woven.Name);
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(
        "method.duration", "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
    private static readonly Counter<long> s_calls = s_meter.CreateCounter<long>("method.calls", "{call}");
    private static readonly Counter<long> s_events = s_meter.CreateCounter<long>("business.events", "{event}");
    private static readonly EventId s_workDone = new(Events.WorkDoneId, Events.Name);
    private static readonly ConcurrentDictionary<MethodBase, Shape> s_shapes = new();

    /// <summary>The logger advice writes business events to; aspects are created by the weaver, not by DI.</summary>
    public static ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    [Advice(Kind.Around, Targets = Target.Method)]
    public object Around(
        [Argument(Source.Target)] Func<object[], object> target,
        [Argument(Source.Arguments)] object[] args,
        [Argument(Source.Metadata)] MethodBase method)
    {
        var shape = s_shapes.GetOrAdd(method, Shape.Of);
        var logger = Logger;
        var activity = s_source.StartActivity(shape.Function);
        bool timed = s_duration.Enabled;
        bool counted = s_calls.Enabled;
        bool logged = logger.IsEnabled(LogLevel.Information);
        bool events = s_events.Enabled;
        if (activity is null && !timed && !counted && !logged && !events)
        {
            return target(args);
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("code.function.name", shape.Function);
            foreach (var (index, name) in shape.Tags)
            {
                activity.SetTag(name, Tag(args[index]));
            }
        }

        long start = timed ? Stopwatch.GetTimestamp() : 0;
        object result;
        try
        {
            result = target(args);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            Record(shape, args, activity, timed, counted, start, e.GetType().FullName);
            throw;
        }

        switch (result)
        {
            case Task<int> { IsCompletedSuccessfully: true } task:
                WorkDone(shape, args, logger, activity, logged, events, task.Result);
                break;
            case Task<int> task:
                return Completion(task, shape, args, logger, activity, timed, counted, logged, events, start);
            case ValueTask<int> { IsCompletedSuccessfully: true } valueTask:
                WorkDone(shape, args, logger, activity, logged, events, valueTask.Result);
                break;
            case ValueTask<int> valueTask:
                return new ValueTask<int>(Completion(valueTask.AsTask(), shape, args, logger, activity, timed, counted, logged, events, start));
            case int value:
                WorkDone(shape, args, logger, activity, logged, events, value);
                break;
        }

        Record(shape, args, activity, timed, counted, start, null);
        return result;
    }

    private static async Task<int> Completion(Task<int> task, Shape shape, object[] args, ILogger logger, Activity? activity, bool timed, bool counted, bool logged, bool events, long start)
    {
        string? error = null;
        try
        {
            int result = await task.ConfigureAwait(false);
            WorkDone(shape, args, logger, activity, logged, events, result);
            return result;
        }
        catch (Exception e)
        {
            error = e.GetType().FullName;
            throw;
        }
        finally
        {
            Record(shape, args, activity, timed, counted, start, error);
        }
    }

    private static object? Tag(object value) => value is Region region ? (region == Region.Europe ? "Europe" : "Americas") : value;

    private static void WorkDone(Shape shape, object[] args, ILogger logger, Activity? activity, bool logged, bool events, int result)
    {
        if (logged)
        {
            var values = new object?[args.Length + 1];
            args.CopyTo(values, 0);
            values[^1] = result;
#pragma warning disable CA2254 // One template per method, built once from its parameters.
            logger.Log(LogLevel.Information, s_workDone, shape.Template, values);
#pragma warning restore CA2254
        }

        if (activity is { IsAllDataRequested: true })
        {
            var tags = new ActivityTagsCollection();
            for (int i = 0; i < args.Length; i++)
            {
                tags.Add(shape.Parameters[i], args[i]);
            }

            tags.Add("result", result);
            activity.AddEvent(new ActivityEvent(Events.Name, tags: tags));
        }

        if (events)
        {
            s_events.Add(1, new KeyValuePair<string, object?>("event.name", Events.Name));
        }
    }

    private static void Record(Shape shape, object[] args, Activity? activity, bool timed, bool counted, long start, string? error)
    {
        if (timed || counted)
        {
            var tags = new TagList { { "code.function.name", shape.Function } };
            foreach (var (index, name) in shape.Tags)
            {
                tags.Add(name, Tag(args[index]));
            }

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

    /// <summary>What the advice needs to know about one method, computed on its first call.</summary>
    private sealed class Shape(string function, string @namespace, string[] parameters, (int Index, string Name)[] tags)
    {
        public string Function { get; } = function;

        public string Namespace { get; } = @namespace;

        public string[] Parameters { get; } = parameters;

        public (int Index, string Name)[] Tags { get; } = tags;

        public string Template { get; } = "work.done" + string.Concat(parameters.Select(p => $" {p}={{{p}}}")) + " result={result}";

        public static Shape Of(MethodBase method)
        {
            var parameters = method.GetParameters();
            return new Shape(
                $"{method.DeclaringType!.Name}.{method.Name}",
                method.DeclaringType.Namespace ?? "",
                parameters.Select(p => p.Name!).ToArray(),
                parameters
                    .Select((p, i) => (Index: i, Tag: p.GetCustomAttribute<WovenTagAttribute>()))
                    .Where(p => p.Tag is not null)
                    .Select(p => (p.Index, p.Tag!.Name))
                    .ToArray());
        }
    }
}
