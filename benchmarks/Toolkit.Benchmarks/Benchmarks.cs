using BenchmarkDotNet.Attributes;

namespace Toolkit.Benchmarks;

/// <summary>
/// One call with trace + duration histogram + call counter + business event, per variant and listener state.
/// </summary>
[MemoryDiagnoser]
public abstract class InstrumentationBenchmarks
{
    private Session? _session;

    protected Generated Generated { get; private set; } = null!;

    protected HandWritten HandWritten { get; private set; } = null!;

    protected Naive Naive { get; private set; } = null!;

    protected Woven Woven { get; } = new();

    protected Extensions Extensions { get; private set; } = null!;

    [Params(Listeners.None, Listeners.Raw, Listeners.OpenTelemetry)]
    public Listeners Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _session = Benchmarks.Listening.Start(Listening);
        var logger = _session.Logging.CreateLogger("Toolkit.Benchmarks");
        Generated = new Generated(logger);
        HandWritten = new HandWritten(logger);
        Naive = new Naive(logger);
        Extensions = new Extensions(logger);
        InstrumentedAttribute.Logger = logger;
    }

    [GlobalCleanup]
    public void Cleanup() => _session?.Dispose();
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

    [Benchmark(Description = "AspectInjector")]
    public int WovenCode() => Woven.Sync(1);

    [Benchmark(Description = "M.E.Telemetry metrics")]
    public int ExtensionsCode() => Extensions.Sync(1);
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

    [Benchmark(Description = "AspectInjector")]
    public int WovenCode() => Woven.TaskAsync(1).Result;

    [Benchmark(Description = "M.E.Telemetry metrics")]
    public int ExtensionsCode() => Extensions.TaskAsync(1).Result;
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

    [Benchmark(Description = "AspectInjector")]
    public int WovenCode() => Woven.ValueTaskAsync(1).Result;

    [Benchmark(Description = "M.E.Telemetry metrics")]
    public int ExtensionsCode() => Extensions.ValueTaskAsync(1).Result;
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

    [Benchmark(Description = "AspectInjector")]
    public int WovenCode() => Woven.Tagged(1, Region.Europe, true, "web");

    [Benchmark(Description = "M.E.Telemetry metrics")]
    public int ExtensionsCode() => Extensions.Tagged(1, Region.Europe, true, "web");
}
