using System.Threading.Tasks;
using Toolkit.Analyzers.Rules;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.SecondsHistogramAnalyzer, Toolkit.Analyzers.CodeFixes.SecondsHistogramCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed class SecondsHistogramTests
{
    [Fact]
    public Task MissingAdvice_AddsSecondBoundaries() =>
        Verify.VerifyAsync(
            """
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly Meter Meter = new("Shop");
                private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("orders.duration", {|TK4003:"s"|});
                private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("orders.latency", unit: {|TK4003:"s"|}, description: "Latency");
                private static readonly Histogram<double> Explicit = Meter.CreateHistogram<double>(
                    "orders.wait", {|TK4003:"s"|}, "Wait", tags: null, advice: null);
            }
            """,
            """
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly Meter Meter = new("Shop");
                private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("orders.duration", "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
                private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("orders.latency", unit: "s", description: "Latency", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
                private static readonly Histogram<double> Explicit = Meter.CreateHistogram<double>(
                    "orders.wait", "s", "Wait", tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
            }
            """);

    [Fact]
    public Task MillisecondsRecorded_AreRewrittenToSeconds() =>
        Verify.VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly Meter Meter = new("Shop");
                private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("orders.duration", unit: "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
                private readonly Histogram<double> _wait;

                public OrderService(Meter meter)
                {
                    _wait = meter.CreateHistogram<double>("orders.wait", "s", null, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
                }

                public void Place(TimeSpan elapsed, Stopwatch stopwatch)
                {
                    Duration.Record({|TK4003:elapsed.TotalMilliseconds|});
                    _wait.Record({|TK4003:stopwatch.ElapsedMilliseconds|});
                    this._wait.Record({|TK4003:Stopwatch.GetElapsedTime(0).TotalMilliseconds|}, new KeyValuePair<string, object?>("outcome", "ok"));
                }
            }
            """,
            """
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly Meter Meter = new("Shop");
                private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("orders.duration", unit: "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
                private readonly Histogram<double> _wait;

                public OrderService(Meter meter)
                {
                    _wait = meter.CreateHistogram<double>("orders.wait", "s", null, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
                }

                public void Place(TimeSpan elapsed, Stopwatch stopwatch)
                {
                    Duration.Record(elapsed.TotalSeconds);
                    _wait.Record(stopwatch.Elapsed.TotalSeconds);
                    this._wait.Record(Stopwatch.GetElapsedTime(0).TotalSeconds, new KeyValuePair<string, object?>("outcome", "ok"));
                }
            }
            """);

    [Fact]
    public Task NoFix_ForIntegerHistogramsAndScaledValues() =>
        Verify.VerifyNoFixAsync(
            """
            using System;
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly Meter Meter = new("Shop");
                private static readonly Histogram<long> Whole = Meter.CreateHistogram<long>("orders.whole", {|TK4003:"s"|});
                private static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>("orders.duration", "s", null, null, new() { HistogramBucketBoundaries = [1] });

                public void Place(TimeSpan elapsed, double seconds)
                {
                    Duration.Record({|TK4003:elapsed.Milliseconds|});
                    Duration.Record({|TK4003:seconds * 1000|});
                    Whole.Record({|TK4003:(long)elapsed.TotalMilliseconds|});
                }
            }
            """);

    [Fact]
    public Task Silent_ForOtherUnitsAdvisedHistogramsAndSecondValues() =>
        AnalyzerVerifier<SecondsHistogramAnalyzer>.VerifyAsync(
            """
            using System;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private const string Seconds = "s";
                private static readonly Meter Meter = new("Shop");
                private static readonly Histogram<double> Millis = Meter.CreateHistogram<double>("orders.legacy", "ms");
                private static readonly Histogram<double> Size = Meter.CreateHistogram<double>("orders.size", unit: "By", description: "s");
                private static readonly Histogram<double> Advised = Meter.CreateHistogram<double>("orders.duration", Seconds, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
                private static readonly Counter<double> Time = Meter.CreateCounter<double>("orders.time", "s");

                public void Place(TimeSpan elapsed, Stopwatch stopwatch, Histogram<double> local)
                {
                    Millis.Record(elapsed.TotalMilliseconds);
                    Size.Record(stopwatch.ElapsedMilliseconds);
                    Advised.Record(elapsed.TotalSeconds);
                    Advised.Record(stopwatch.Elapsed.TotalSeconds);
                    Advised.Record(elapsed.TotalMilliseconds / 1000);
                    local.Record(elapsed.TotalMilliseconds);
                    Time.Add(elapsed.TotalMilliseconds);
                }
            }
            """);

    [Fact]
    public Task Severity_IsConfigurable() =>
        Verify.VerifyNoFixAsync(
            """
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly Histogram<double> Duration = new Meter("Shop").CreateHistogram<double>("orders.duration", "s");
            }
            """,
            "dotnet_diagnostic.TK4003.severity = none");
}
