using System.Threading.Tasks;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.AnalyzerVerifier<Toolkit.Analyzers.Rules.PerCallTelemetryObjectAnalyzer>;
using VerifyFix = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.PerCallTelemetryObjectAnalyzer, Toolkit.Analyzers.CodeFixes.MoveToStaticFieldCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed class PerCallTelemetryObjectTests
{
    [Fact]
    public Task Warns_WhenTheObjectLivesOnlyForTheCall() =>
        Verify.VerifyAsync(
            """
            using System;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private readonly Meter _meter = new("Shop");

                public void Place()
                {
                    using var meter = {|TK4002:new Meter("Shop")|};
                    var counter = {|TK4002:meter.CreateCounter<long>("orders.placed")|};
                    counter.Add(1);
                    {|TK4002:_meter.CreateCounter<long>("orders.placed")|}.Add(1);
                    using (var source = {|TK4002:new ActivitySource("Shop")|})
                    {
                        using var activity = source.StartActivity("place");
                    }

                    using var started = {|TK4002:new ActivitySource("Shop")|}.StartActivity("place");
                    Action record = () => {|TK4002:_meter.CreateHistogram<double>("orders.duration", "s")|}.Record(1);
                    record();
                    Local();

                    void Local()
                    {
                        var gauge = {|TK4002:_meter.CreateGauge<int>("orders.queue")|};
                        gauge?.Record(3);
                    }
                }
            }
            """);

    [Fact]
    public Task Silent_ForFieldsConstructorsLazyInitFactoriesAndEscapingLocals() =>
        Verify.VerifyAsync(
            """
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly ActivitySource Source = new("Shop");
                private static readonly Meter StaticMeter;
                private readonly Meter _meter;
                private readonly Counter<long> _placed;
                private Histogram<double>? _duration;

                public Counter<long> Cancelled { get; } = new Meter("Shop").CreateCounter<long>("orders.cancelled");

                public Meter Current { get; set; } = new Meter("Shop");

                static OrderService()
                {
                    StaticMeter = new Meter("Shop.Static");
                }

                public OrderService(IMeterFactory factory)
                {
                    _meter = factory.Create("Shop");
                    var counter = _meter.CreateCounter<long>("orders.placed");
                    _placed = counter;
                }

                public void Place(IMeterFactory factory, List<Meter> meters)
                {
                    _duration ??= _meter.CreateHistogram<double>("orders.duration", "s");
                    Current = new Meter("Shop.Replaced");
                    var fromFactory = factory.Create("Shop");
                    var kept = new Meter("Shop.Kept");
                    meters.Add(kept);
                    _placed.Add(1);
                }

                public static Meter CreateMeter() => new Meter("Shop");

                public static Meter CreateMeterThroughLocal()
                {
                    var meter = new Meter("Shop");
                    meter.CreateCounter<long>("orders.placed");
                    return meter;
                }
            }
            """);

    [Fact]
    public Task ConstantMeter_MovesToAStaticReadonlyField() =>
        VerifyFix.VerifyAsync(
            """
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private const string Name = "Shop";

                /// <summary>Places an order.</summary>
                public void Place()
                {
                    using var meter = {|TK4002:new Meter(Name, "1.0")|};
                    meter.CreateCounter<long>("shop.orders.placed");
                }

                public void Cancel()
                {
                    ActivitySource source = {|TK4002:new("Shop")|};
                    using var activity = source.StartActivity("orders.cancel");
                }
            }
            """,
            """
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private const string Name = "Shop";

                private static readonly Meter s_meter = new Meter(Name, "1.0");

                /// <summary>Places an order.</summary>
                public void Place()
                {
                    s_meter.CreateCounter<long>("shop.orders.placed");
                }

                private static readonly ActivitySource s_source = new("Shop");

                public void Cancel()
                {
                    using var activity = s_source.StartActivity("orders.cancel");
                }
            }
            """,
            fixAll: false);

    [Fact]
    public Task NoFix_ForInstrumentsAndArgumentsFromTheCall() =>
        VerifyFix.VerifyNoFixAsync(
            """
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                private static readonly Meter Meter = new("Shop");
                private static readonly int s_meter = 0;

                public void Place(string name)
                {
                    using var named = {|TK4002:new Meter(name)|};
                    var counter = {|TK4002:Meter.CreateCounter<long>("shop.orders.placed")|};
                    counter.Add(1);
                    using var meter = {|TK4002:new Meter("Shop")|};
                    named.CreateCounter<long>("shop.orders.named");
                }
            }
            """);

    [Fact]
    public Task Silent_InTheProgramsMain() =>
        Verify.VerifyAsync(
            """
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public static class Program
            {
                public static void Main()
                {
                    using var meter = new Meter("Shop");
                    using var source = new ActivitySource("Shop");
                    var counter = meter.CreateCounter<long>("shop.runs");
                    counter.Add(1);
                }
            }
            """);

    [Fact]
    public Task Severity_IsConfigurable() =>
        Verify.VerifyAsync(
            """
            using System.Diagnostics.Metrics;

            public class OrderService
            {
                public void Place()
                {
                    using var meter = new Meter("Shop");
                }
            }
            """,
            "dotnet_diagnostic.TK4002.severity = none");
}
