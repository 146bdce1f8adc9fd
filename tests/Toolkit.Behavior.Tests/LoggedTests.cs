using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Toolkit.TestAssets;
using Xunit;

namespace Toolkit.Behavior.Tests;

/// <summary>[Logged]: a Debug record per completed call, an Error record with the exception per failed one.</summary>
public sealed class LoggedTests
{
    [Fact]
    public void Completed_call_writes_a_debug_record_with_duration_and_outcome()
    {
        var logger = new CapturingLogger();

        Assert.Equal(3, new Jobs(logger).Run(3));

        var record = Assert.Single(logger.Records);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.Equal("method.completed", record.EventId.Name);
        Assert.Equal("Toolkit.TestAssets.Jobs.Run", record.Properties["code.function.name"]);
        Assert.Equal("success", record.Properties["outcome"]);
        Assert.IsType<double>(record.Properties["duration_ms"]);
        Assert.StartsWith("Toolkit.TestAssets.Jobs.Run completed in ", record.Message, StringComparison.Ordinal);
        Assert.Null(record.Exception);
    }

    [Fact]
    public void Traced_timed_and_logged_call_times_the_histogram_and_the_record_on_one_stopwatch()
    {
        using var spans = new ActivityCollector();
        using var metrics = new MetricCollector();
        var logger = new CapturingLogger();

        Assert.Equal(3, new Jobs(logger).Measure(3));

        // The log record needs a stopwatch anyway, so the histogram reads it too rather than the span's clock:
        // recorded first, it cannot exceed the record's duration.
        Assert.Single(spans.Stopped, span => span.OperationName == "Jobs.Measure");
        var duration = Assert.Single(metrics.Of("method.duration", "Jobs.Measure"));
        var record = Assert.Single(logger.Records);
        Assert.InRange(duration.Value * 1000, 0, (double)record.Properties["duration_ms"]!);
    }

    [Fact]
    public void Failed_call_writes_an_error_record_carrying_the_same_exception()
    {
        var logger = new CapturingLogger();

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new Jobs(logger).Run(-1));

        var record = Assert.Single(logger.Records);
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.Equal("method.failed", record.EventId.Name);
        Assert.Same(thrown, record.Exception);
        Assert.Equal("System.ArgumentOutOfRangeException", record.Properties["error.type"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Async_failure_is_logged_once_with_its_exception(bool yield)
    {
        var logger = new CapturingLogger();

        var thrown = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new Jobs(logger).RunAsync(-1, yield, default));

        var record = Assert.Single(logger.Records);
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.Same(thrown, record.Exception);
    }

    [Fact]
    public async Task Awaited_call_is_logged_after_it_completes()
    {
        var logger = new CapturingLogger();

        Assert.Equal(5, await new Jobs(logger).RunAsync(5, yield: true, default));

        var record = Assert.Single(logger.Records);
        Assert.Equal("success", record.Properties["outcome"]);
        Assert.True((double)record.Properties["duration_ms"]! >= 0.5, "the record is written after the awaited delay");
    }

    [Fact]
    public async Task Cancellation_is_a_debug_record_not_an_error()
    {
        var logger = new CapturingLogger();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Jobs(logger).RunAsync(1, yield: false, cts.Token));

        var record = Assert.Single(logger.Records);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.Equal("canceled", record.Properties["outcome"]);
    }

    [Fact]
    public void Only_errors_are_written_when_debug_is_disabled()
    {
        var logger = new CapturingLogger { MinimumLevel = LogLevel.Information };
        var jobs = new Jobs(logger);

        jobs.Run(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => jobs.Run(-1));

        Assert.Equal([LogLevel.Error], logger.Records.Select(r => r.Level).ToArray());
    }

    [Fact]
    public void Throwing_log_provider_leaves_the_result_and_the_exception_alone()
    {
        var logger = new CapturingLogger { Throws = true };
        var jobs = new Jobs(logger);

        Assert.Equal(2, jobs.Run(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => jobs.Run(-2));
    }

    [Fact]
    public async Task Enumeration_is_logged_when_it_ends()
    {
        var logger = new CapturingLogger();

        int sum = 0;
        await foreach (int i in new Jobs(logger).ListAsync(3))
        {
            Assert.Empty(logger.Records);
            sum += i;
        }

        Assert.Equal(3, sum);
        Assert.Equal("Toolkit.TestAssets.Jobs.ListAsync", Assert.Single(logger.Records).Properties["code.function.name"]);
    }
}
