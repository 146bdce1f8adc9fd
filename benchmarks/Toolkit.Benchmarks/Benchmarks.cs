using System;
using BenchmarkDotNet.Attributes;

namespace Toolkit.Benchmarks;

/// <summary>One call with trace + duration histogram + call counter, per variant and listener state.</summary>
[MemoryDiagnoser]
public abstract class InstrumentationBenchmarks
{
    private IDisposable? _listening;

    protected Generated Generated { get; } = new();

    protected HandWritten HandWritten { get; } = new();

    protected Naive Naive { get; } = new();

    [Params(Listeners.None, Listeners.Raw, Listeners.OpenTelemetry)]
    public Listeners Listening { get; set; }

    [GlobalSetup]
    public void Setup() => _listening = Benchmarks.Listening.Start(Listening);

    [GlobalCleanup]
    public void Cleanup() => _listening?.Dispose();
}

public class SyncBenchmarks : InstrumentationBenchmarks
{
    [Benchmark(Description = "bare call")]
    public int Bare() => Work.Run(1);

    [Benchmark(Description = "generated")]
    public int GeneratedCode() => Generated.Sync(1);

    [Benchmark(Description = "hand-written", Baseline = true)]
    public int HandWrittenCode() => HandWritten.Sync(1);

    [Benchmark(Description = "naive")]
    public int NaiveCode() => Naive.Sync(1);
}

public class TaskBenchmarks : InstrumentationBenchmarks
{
    [Benchmark(Description = "bare call")]
    public int Bare() => Work.RunTask(1).Result;

    [Benchmark(Description = "generated")]
    public int GeneratedCode() => Generated.TaskAsync(1).Result;

    [Benchmark(Description = "hand-written", Baseline = true)]
    public int HandWrittenCode() => HandWritten.TaskAsync(1).Result;

    [Benchmark(Description = "naive")]
    public int NaiveCode() => Naive.TaskAsync(1).Result;
}

public class ValueTaskBenchmarks : InstrumentationBenchmarks
{
    [Benchmark(Description = "bare call")]
    public int Bare() => Work.RunValueTask(1).Result;

    [Benchmark(Description = "generated")]
    public int GeneratedCode() => Generated.ValueTaskAsync(1).Result;

    [Benchmark(Description = "hand-written", Baseline = true)]
    public int HandWrittenCode() => HandWritten.ValueTaskAsync(1).Result;

    [Benchmark(Description = "naive")]
    public int NaiveCode() => Naive.ValueTaskAsync(1).Result;
}

public class TaggedBenchmarks : InstrumentationBenchmarks
{
    [Benchmark(Description = "bare call")]
    public int Bare() => Work.RunTagged(1, Region.Europe, true, "web");

    [Benchmark(Description = "generated")]
    public int GeneratedCode() => Generated.Tagged(1, Region.Europe, true, "web");

    [Benchmark(Description = "hand-written", Baseline = true)]
    public int HandWrittenCode() => HandWritten.Tagged(1, Region.Europe, true, "web");

    [Benchmark(Description = "naive")]
    public int NaiveCode() => Naive.Tagged(1, Region.Europe, true, "web");
}
