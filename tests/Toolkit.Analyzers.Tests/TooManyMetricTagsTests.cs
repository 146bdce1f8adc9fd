using System.Threading.Tasks;
using Toolkit.Analyzers.Rules;
using Xunit;

namespace Toolkit.Analyzers.Tests;

public sealed class TooManyMetricTagsTests
{
    [Fact]
    public Task Reports_GeneratedTagsAboveTheCap_CountingFunctionNameResultAndErrorType() =>
        AnalyzerVerifier<TooManyMetricTagsAnalyzer>.VerifyAsync(
            """
            using Toolkit;

            public partial class Orders
            {
                // code.function.name + 5 tags + result + error.type = 8: at the cap.
                [Timed]
                [return: Tag("ok")]
                public partial bool AtCap([Tag] bool a, [Tag] bool b, [Tag] bool c, [Tag] bool d, [Tag] bool e);

                private bool AtCapCore(bool a, bool b, bool c, bool d, bool e) => true;

                // 9.
                [Counted]
                [return: Tag("ok")]
                public partial bool {|TK3004:OverCap|}([Tag] bool a, [Tag] bool b, [Tag] bool c, [Tag] bool d, [Tag] bool e, [Tag] bool f);

                private bool OverCapCore(bool a, bool b, bool c, bool d, bool e, bool f) => true;

                // Span-only tags don't count, nor does the result for [InFlight] alone: 1 + 7 = 8.
                [InFlight]
                [return: Tag("ok")]
                public partial bool InFlight([Tag] bool a, [Tag] bool b, [Tag] bool c, [Tag] bool d, [Tag] bool e, [Tag] bool f, [Tag] bool g, [Tag(SpanOnly = true)] bool h);

                private bool InFlightCore(bool a, bool b, bool c, bool d, bool e, bool f, bool g, bool h) => true;

                // Traces only: no metric tags at all.
                [Traced]
                public partial void TracedOnly([Tag] bool a, [Tag] bool b, [Tag] bool c, [Tag] bool d, [Tag] bool e, [Tag] bool f, [Tag] bool g, [Tag] bool h, [Tag] bool i);

                private void TracedOnlyCore(bool a, bool b, bool c, bool d, bool e, bool f, bool g, bool h, bool i) { }
            }
            """);

    [Fact]
    public Task ReturnTag_TheGeneratorDrops_IsNotCounted() =>
        AnalyzerVerifier<TooManyMetricTagsAnalyzer>.VerifyAsync(
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Toolkit;

            public partial class Orders
            {
                // A Task has no result and an async stream no single one: the generator drops the tag (TK1009),
                // leaving code.function.name + 6 tags + error.type = 8, at the cap.
                [Timed]
                [return: {|TK1009:Tag("ok")|}]
                public partial Task Save([Tag] bool a, [Tag] bool b, [Tag] bool c, [Tag] bool d, [Tag] bool e, [Tag] bool f);

                private Task SaveCore(bool a, bool b, bool c, bool d, bool e, bool f) => Task.CompletedTask;

                [Counted]
                [return: {|TK1009:Tag("ok")|}]
                public partial IAsyncEnumerable<bool> List([Tag] bool a, [Tag] bool b, [Tag] bool c, [Tag] bool d, [Tag] bool e, [Tag] bool f);

                private async IAsyncEnumerable<bool> ListCore(bool a, bool b, bool c, bool d, bool e, bool f)
                {
                    await Task.Yield();
                    yield return a;
                }
            }
            """);

    [Fact]
    public Task Reports_HandWrittenCallsAboveTheCap() =>
        AnalyzerVerifier<TooManyMetricTagsAnalyzer>.VerifyAsync(
            """
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public sealed class Checkout(Meter meter)
            {
                private readonly Counter<long> _orders = meter.CreateCounter<long>("shop.orders");
                private readonly Histogram<double> _duration = meter.CreateHistogram<double>("shop.duration");

                public void Record()
                {
                    _orders.Add(1, new("a", 1), new("b", 2), new("c", 3), new("d", 4), new("e", 5), new("f", 6), new("g", 7), new("h", 8));
                    {|TK3004:_orders.Add(1, new("a", 1), new("b", 2), new("c", 3), new("d", 4), new("e", 5), new("f", 6), new("g", 7), new("h", 8), new("i", 9))|};
                    {|TK3004:_duration.Record(1, [new("a", 1), new("b", 2), new("c", 3), new("d", 4), new("e", 5), new("f", 6), new("g", 7), new("h", 8), new("i", 9)])|};
                    {|TK3004:_duration.Record(1, new TagList { { "a", 1 }, { "b", 2 }, { "c", 3 }, { "d", 4 }, { "e", 5 }, { "f", 6 }, { "g", 7 }, { "h", 8 }, { "i", 9 } })|};

                    // A TagList built elsewhere isn't counted.
                    var tags = new TagList { { "a", 1 }, { "b", 2 }, { "c", 3 }, { "d", 4 }, { "e", 5 }, { "f", 6 }, { "g", 7 }, { "h", 8 }, { "i", 9 } };
                    _duration.Record(1, tags);
                }
            }
            """);

    [Fact]
    public Task MaxTagsPerInstrument_Option() =>
        AnalyzerVerifier<TooManyMetricTagsAnalyzer>.VerifyAsync(
            """
            using System.Diagnostics.Metrics;
            using Toolkit;

            public sealed partial class Checkout(Meter meter)
            {
                private readonly Counter<long> _orders = meter.CreateCounter<long>("shop.orders");

                public void Record()
                {
                    _orders.Add(1, new("a", 1), new("b", 2), new("c", 3));
                    {|TK3004:_orders.Add(1, new("a", 1), new("b", 2), new("c", 3), new("d", 4))|};
                }

                // code.function.name + 2 tags + error.type = 4.
                [Timed]
                public partial void {|TK3004:Place|}([Tag] bool a, [Tag] bool b);

                private void PlaceCore(bool a, bool b) { }
            }
            """,
            "dotnet_code_quality.TK3004.max_tags_per_instrument = 3");
}
