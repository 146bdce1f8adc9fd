using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;

namespace Toolkit.Benchmarks;

/// <summary>
/// A business event at a disabled level: the logger enabled from <see cref="LogLevel.Warning"/> up, no span, nothing listening to the counter.
/// </summary>
[MemoryDiagnoser]
public class DisabledEventBenchmarks
{
    private ILoggerFactory? _logging;
    private ILogger _logger = null!;
    private Generated _generated = null!;
    private HandWritten _handWritten = null!;
    private Naive _naive = null!;

    [GlobalSetup]
    public void Setup()
    {
        _logging = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Warning).AddProvider(new Listening.DroppingProvider()));
        var logger = _logging.CreateLogger("Toolkit.Benchmarks");
        _logger = logger;
        _generated = new Generated(logger);
        _handWritten = new HandWritten(logger);
        _naive = new Naive(logger);
    }

    [GlobalCleanup]
    public void Cleanup() => _logging?.Dispose();

    /// <summary>The floor: the level check every variant makes, through the factory's logger.</summary>
    [Benchmark(Description = "IsEnabled only")]
    public bool IsEnabledAlone() => _logger.IsEnabled(LogLevel.Information);

    [Benchmark(Description = "generated")]
    public void GeneratedCode() => _generated.Done(1);

    [Benchmark(Description = "hand-written", Baseline = true)]
    public void HandWrittenCode() => _handWritten.Done(1);

    [Benchmark(Description = "naive")]
    public void NaiveCode() => _naive.Done(1);
}
