using System.Threading.Tasks;
using Toolkit.Analyzers.Rules;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.InstrumentNamingAnalyzer, Toolkit.Analyzers.CodeFixes.InstrumentNamingCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed class InstrumentNamingTests
{
    [Fact]
    public Task NamesAndUnitWords_AreRewritten() =>
        Verify.VerifyAsync(
            """
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly Meter Meter = new("Shop");
                private static readonly Counter<long> Placed = Meter.CreateCounter<long>({|TK4004:"Shop.OrdersPlaced"|}, {|TK4004:"requests"|});
                private static readonly Counter<long> Failed = Meter.CreateCounter<long>({|TK4004:"shop.orders.failed_total"|}, unit: {|TK4004:"{failures}"|});
                private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("shop.orders.duration", {|TK4004:"seconds"|}, advice: new() { HistogramBucketBoundaries = [1] });
                private static readonly UpDownCounter<long> Memory = Meter.CreateUpDownCounter<long>({|TK4004:"Shop.Cache_Total"|}, {|TK4004:"bytes"|});
                private static readonly Counter<long> Batches = Meter.CreateCounter<long>("shop.batches", {|TK4004:"Batches"|});
            }
            """,
            """
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly Meter Meter = new("Shop");
                private static readonly Counter<long> Placed = Meter.CreateCounter<long>("shop.orders_placed", "{request}");
                private static readonly Counter<long> Failed = Meter.CreateCounter<long>("shop.orders.failed", unit: "{failure}");
                private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("shop.orders.duration", "s", advice: new() { HistogramBucketBoundaries = [1] });
                private static readonly UpDownCounter<long> Memory = Meter.CreateUpDownCounter<long>("shop.cache", "By");
                private static readonly Counter<long> Batches = Meter.CreateCounter<long>("shop.batches", "{batch}");
            }
            """);

    [Fact]
    public Task NoFix_ForUnitsInNamesAndMilliseconds() =>
        Verify.VerifyNoFixAsync(
            """
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly Meter Meter = new("Shop");
                private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>({|TK4004:"shop.orders.duration_ms"|}, {|TK4004:"ms"|});
                private static readonly Histogram<long> Size = Meter.CreateHistogram<long>({|TK4004:"shop.Payload.Bytes"|}, "By");
                private static readonly Counter<long> Time = Meter.CreateCounter<long>("shop.orders.time", {|TK4004:"milliseconds"|});
            }
            """);

    [Fact]
    public Task Silent_ForConventionalNamesAndUcumUnits() =>
        AnalyzerVerifier<InstrumentNamingAnalyzer>.VerifyAsync(
            """
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private const string Name = "shop.orders.placed";
                private static readonly Meter Meter = new("Shop.Orders");
                private static readonly Counter<long> Placed = Meter.CreateCounter<long>(Name, "{order}");
                private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("http.server.request.duration", "s", advice: new() { HistogramBucketBoundaries = [1] });
                private static readonly UpDownCounter<long> Memory = Meter.CreateUpDownCounter<long>("process.memory.usage", "By");
                private static readonly Counter<long> Total = Meter.CreateCounter<long>("shop.total", "1");
                private static readonly Counter<double> Cpu = Meter.CreateCounter<double>("shop.cpu.time", "s");
                private static readonly Counter<long> Minutes = Meter.CreateCounter<long>("shop.uptime", "min");
                private static readonly Counter<long> Bits = Meter.CreateCounter<long>("shop.network.io", "bit");
                private static readonly Counter<long> Plain = Meter.CreateCounter<long>("shop.orders.cancelled");
                private static readonly Counter<long> Described = Meter.CreateCounter<long>("shop.orders.refunded", null, "Refunds, in Orders");

                public void Create(Meter meter, string name, string unit) => meter.CreateCounter<long>(name, unit);
            }
            """);

    [Fact]
    public Task Severity_IsConfigurable() =>
        AnalyzerVerifier<InstrumentNamingAnalyzer>.VerifyAsync(
            """
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly Counter<long> Placed = new Meter("Shop").CreateCounter<long>("Orders_Total", "requests");
            }
            """,
            "dotnet_diagnostic.TK4004.severity = none");
}
