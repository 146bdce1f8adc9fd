using System.Threading.Tasks;
using Toolkit.Analyzers.Rules;
using Xunit;

namespace Toolkit.Analyzers.Tests;

public sealed class NonConstantMetricNameTests
{
    [Fact]
    public Task Warns_OnComputedInstrumentNamesAndTagKeys() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(
            """
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public enum Outcome { Ok, Failed }

            public sealed class Checkout(Meter meter)
            {
                private readonly Counter<long> _orders = meter.CreateCounter<long>("shop.orders");

                public void Record(string tenant, string key, Outcome outcome)
                {
                    meter.CreateCounter<long>({|TK3003:"shop." + tenant|});
                    meter.CreateHistogram<double>({|TK3003:$"shop.{tenant}.duration"|});
                    meter.CreateObservableGauge({|TK3003:tenant|}, () => 1);
                    var name = "shop.calls";
                    name += tenant;
                    meter.CreateCounter<long>({|TK3003:name|});
                    _orders.Add(1, new({|TK3003:key|}, 1), new KeyValuePair<string, object?>({|TK3003:key + ".x"|}, outcome));
                    var tags = new TagList { { {|TK3003:tenant|}, true } };
                    tags.Add({|TK3003:"shop." + key|}, outcome);
                    _orders.Add(1, tags);
                }
            }
            """);

    [Fact]
    public Task Silent_OnConstantsAndFixedChoices() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(
            """
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public sealed class Checkout(Meter meter)
            {
                private const string Name = "shop.orders";
                private static readonly string Prefix = "shop";

                public void Record(bool retried, string tenant)
                {
                    var orders = meter.CreateCounter<long>(Name, unit: tenant, description: tenant);
                    meter.CreateCounter<long>(nameof(Record));
                    meter.CreateCounter<long>(Prefix);
                    string name = retried ? "shop.retries" : "shop.calls";
                    meter.CreateCounter<long>(name);
                    orders.Add(1, new(Name, 1), new(retried ? "retried" : "first", true));

                    // Span tags are not metric tags.
                    Activity.Current?.SetTag(tenant, 1);
                    var spanTags = new TagList { { tenant, 1 } };
                }
            }
            """);

    [Fact]
    public Task Severity_IsConfigurable() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(
            """
            using System.Diagnostics.Metrics;

            public sealed class Checkout(Meter meter)
            {
                public void Record(string tenant) => meter.CreateCounter<long>("shop." + tenant);
            }
            """,
            "dotnet_diagnostic.TK3003.severity = none");

    [Fact]
    public Task Silent_OnForwardingLoopsAndBridgedInstrumentNames() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(
            """
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;

            public sealed class EventCounterInfo
            {
                public string Name { get; set; } = "";
                public double Value { get; set; }
            }

            public sealed class Bridge(Meter meter)
            {
                private readonly Counter<long> _calls = meter.CreateCounter<long>("bridge.calls");

                public void Forward(IEnumerable<KeyValuePair<string, object?>> tags, KeyValuePair<string, object?>[] more)
                {
                    var list = new TagList();
                    foreach (var tag in tags)
                    {
                        list.Add(tag.Key, tag.Value);
                    }

                    foreach (var tag in more)
                    {
                        list.Add(new KeyValuePair<string, object?>(tag.Key, tag.Value));
                    }

                    _calls.Add(1, list);
                }

                // An EventCounter republished as an instrument: the counter's own name.
                public void Publish(EventCounterInfo counter) => meter.CreateObservableGauge(counter.Name, () => counter.Value);
            }
            """);
}
