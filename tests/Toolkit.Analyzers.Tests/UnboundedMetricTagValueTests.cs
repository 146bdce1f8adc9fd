using System.Threading.Tasks;
using Toolkit.Analyzers.CodeFixes;
using Toolkit.Analyzers.Rules;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.MetricTagValuesAnalyzer, Toolkit.Analyzers.CodeFixes.RemoveMetricTagCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed class UnboundedMetricTagValueTests
{
    private const string Instruments = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;

        public enum Outcome { Ok, Failed }

        public sealed partial class Checkout
        {
            private const string Constant = "c";
            private static readonly string Region = "eu";
            private static readonly ActivitySource Source = new("shop");
            private static readonly Meter Meter = new("shop");
            private static readonly Counter<long> Orders = Meter.CreateCounter<long>("shop.orders");
            private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("shop.duration", "s");
            private static readonly UpDownCounter<int> Active = Meter.CreateUpDownCounter<int>("shop.active");
            private static readonly Gauge<int> Queue = Meter.CreateGauge<int>("shop.queue");
        }

        """;

    [Fact]
    public Task Warns_OnUnboundedValuesInEveryTagShape() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Place(Guid orderId, string customerEmail, long customerId, int quantity, DateTime placedAt, Uri referrer, double amount, object payload)
                {
                    Orders.Add(1, {|TK3002:new KeyValuePair<string, object?>("order.id", orderId)|});
                    Orders.Add(1, {|TK3002:new KeyValuePair<string, object?>("customer", customerEmail)|}, new("quantity", quantity));
                    Duration.Record(0.5, new("outcome", "ok"), {|TK3002:new("customer", customerId)|}, {|TK3002:new("placed", placedAt)|});
                    Active.Add(1, new KeyValuePair<string, object?>[] { {|TK3002:new("referrer", referrer)|}, new("quantity", quantity) });
                    Queue.Record(quantity, new("a", 1), new("b", 2), new("c", 3), {|TK3002:new("amount", amount)|});
                    Orders.Add(1, [new("a", 1), {|TK3002:new("payload", payload)|}]);

                    var tags = new TagList { { "outcome", "ok" }, {|TK3002:{ "customer.email", customerEmail }|} };
                    {|TK3002:tags.Add("order", orderId)|};
                    {|TK3002:tags.Add(new KeyValuePair<string, object?>("user_id", quantity))|};
                    Orders.Add(1, tags);
                    Duration.Record(1, tags);
                    Orders.Add(1, new TagList { {|TK3002:{ "session", customerEmail }|} });

                    string label = quantity > 1 ? "many" : customerEmail;
                    Orders.Add(1, {|TK3002:new KeyValuePair<string, object?>("label", label)|});
                }
            }
            """);

    [Fact]
    public Task Warns_OnPairsHeldInLocals_AtTheirCreation() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Place(Guid orderId, string customerEmail, bool retried, Outcome outcome)
                {
                    var order = {|TK3002:new KeyValuePair<string, object?>("order.id", orderId)|};
                    KeyValuePair<string, object?> customer = {|TK3002:new("customer", customerEmail)|};
                    var kind = new KeyValuePair<string, object?>("kind", retried ? "retry" : "first");
                    Orders.Add(1, order);
                    Duration.Record(1, kind, customer);
                    Active.Add(1, new KeyValuePair<string, object?>[] { kind, order });

                    var listed = {|TK3002:new KeyValuePair<string, object?>("user_id", customerEmail)|};
                    var tags = new TagList { { "outcome", outcome } };
                    tags.Add(listed);
                    tags.Add(kind);
                    Orders.Add(1, tags);
                }
            }
            """);

    [Fact]
    public Task Silent_OnPairsInLocalsThatAreBoundedOrNeverMeasured() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Place(Guid orderId, Outcome outcome, bool retried, KeyValuePair<string, object?> given)
                {
                    var result = new KeyValuePair<string, object?>("outcome", outcome);
                    var retry = new KeyValuePair<string, object?>("retried", retried);
                    Orders.Add(1, result, retry);
                    Orders.Add(1, given);

                    // A pair only a span sees may carry an id.
                    var order = new KeyValuePair<string, object?>("order.id", orderId);
                    using var activity = Source.StartActivity(ActivityKind.Internal, tags: [order]);
                }
            }
            """);

    [Fact]
    public Task NoFix_ForAPairHeldInALocal() =>
        Verify.VerifyNoFixAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Place(Guid orderId)
                {
                    // Removing the declaration would leave the measurement without its argument.
                    var order = {|TK3002:new KeyValuePair<string, object?>("order.id", orderId)|};
                    Orders.Add(1, order);
                }
            }
            """);

    [Fact]
    public Task Silent_OnBoundedValuesAllowListedKeysAndSpanTags() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Place(Outcome outcome, bool retried, int quantity, int statusCode, string method, Guid orderId, Outcome? previous)
                {
                    string kind = retried ? "retry" : "first";
                    var label = outcome switch { Outcome.Ok => "ok", _ => "failed" };
                    Orders.Add(1, new("outcome", outcome), new("retried", retried), new("quantity", quantity));
                    Orders.Add(1, new("outcome.name", outcome.ToString()), new("kind", kind), new("label", label));
                    Orders.Add(1, new("http.request.method", method), new("http.response.status_code", statusCode), new("source", nameof(Place)));
                    Orders.Add(1, new("region", Region), new("const", Constant), new("size", quantity > 10 ? "many" : "few"));
                    Orders.Add(1, new("previous", previous), new("missing", null), new("kind.or.default", kind ?? "none"));
                    Duration.Record(1, new TagList { { "outcome", outcome }, { "kind", kind } });

                    // Spans may carry ids.
                    using var activity = Source.StartActivity(ActivityKind.Internal, tags: [new("order.id", orderId)]);
                    activity?.SetTag("order.id", orderId);
                    var spanTags = new TagList { { "order.id", orderId } };
                    spanTags.Add("customer", method);
                    foreach (var tag in spanTags)
                    {
                        activity?.SetTag(tag.Key, tag.Value);
                    }
                }
            }
            """);

    [Fact]
    public Task AllowedTagKeys_Option() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Place(string tenant, string customerEmail)
                {
                    Orders.Add(1, new("tenant", tenant), {|TK3002:new("customer", customerEmail)|});
                }
            }
            """,
            "dotnet_code_quality.TK3002.allowed_tag_keys = tenant");

    [Fact]
    public Task RemoveTheTag_FromArgumentsInitializersAndAddCalls() =>
        Verify.VerifyAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Place(Guid orderId, string customerEmail, int quantity)
                {
                    Orders.Add(1, {|TK3002:new("order.id", orderId)|}, new KeyValuePair<string, object?>("quantity", quantity));
                    Orders.Add(1, new("quantity", quantity), new("outcome", "ok"), {|TK3002:new("customer", customerEmail)|});
                    Orders.Add(1, new KeyValuePair<string, object?>[] { {|TK3002:new("order.id", orderId)|}, new("quantity", quantity) });
                    var tags = new TagList
                    {
                        { "quantity", quantity },
                        {|TK3002:{ "customer", customerEmail }|},
                    };
                    {|TK3002:tags.Add("order.id", orderId)|};
                    Orders.Add(1, tags);
                }
            }
            """,
            Instruments + """
            public sealed partial class Checkout
            {
                public void Place(Guid orderId, string customerEmail, int quantity)
                {
                    Orders.Add(1, new KeyValuePair<string, object?>("quantity", quantity));
                    Orders.Add(1, new("quantity", quantity), new("outcome", "ok"));
                    Orders.Add(1, new KeyValuePair<string, object?>[] { new("quantity", quantity) });
                    var tags = new TagList
                    {
                        { "quantity", quantity },
                    };
                    Orders.Add(1, tags);
                }
            }
            """);

    [Fact]
    public Task NoFix_InCollectionExpressions() =>
        Verify.VerifyNoFixAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Place(Guid orderId, string customerEmail)
                {
                    Orders.Add(1, [{|TK3002:new("order.id", orderId)|}]);

                    // Removing either would leave a lone target-typed tag, which doesn't compile.
                    Orders.Add(1, {|TK3002:new("order.id", orderId)|}, {|TK3002:new("customer", customerEmail)|});
                }
            }
            """);

    [Fact]
    public Task HelperParameters_AreJudgedByTheirCallSites() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Stop(Outcome outcome, string requestedBy)
                {
                    RecordShutdown("signal");
                    RecordShutdown(nameof(Stop));
                    RecordShutdown(outcome.ToString());
                    RecordSource(typeof(Checkout).Name);
                    RecordSource(Constant);
                    RecordCaller(requestedBy);
                }

                private void RecordShutdown(string via) => Orders.Add(1, new KeyValuePair<string, object?>("via", via));

                // The name says key, but every call passes a constant or a type's name: bounded.
                private void RecordSource(string sourceKey) => Orders.Add(1, new KeyValuePair<string, object?>("source", sourceKey));

                // One call passes data: unbounded.
                private void RecordCaller(string callerId) => Orders.Add(1, {|TK3002:new KeyValuePair<string, object?>("caller", callerId)|});

                // Public: callers elsewhere may pass anything.
                public void Record(string viaKey) => Orders.Add(1, {|TK3002:new KeyValuePair<string, object?>("via", viaKey)|});
            }
            """);

    [Fact]
    public Task TypeNames_AreBoundedByTheCode() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Record<TProvider>(object state, Type type)
                {
                    Orders.Add(1, new("provider", typeof(TProvider).Name), new("state", state.GetType().Name));
                    Orders.Add(1, new("type", type.FullName), new("namespace", GetType().Namespace));
                }
            }
            """);

    [Fact]
    public Task SemanticConventionAttributes_AndForwardedTags_StaySilent() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Record(string host, string system, string database, string queue, IEnumerable<KeyValuePair<string, object?>> tags)
                {
                    Duration.Record(1, new("server.address", host), new("db.system", system), new("db.namespace", database));
                    Orders.Add(1, new("messaging.destination.name", queue), new("network.peer.address", host));

                    var list = new TagList();
                    foreach (var tag in tags)
                    {
                        list.Add(tag.Key, tag.Value);
                    }

                    Orders.Add(1, list);
                }
            }
            """);

    [Fact]
    public Task TagsHeldInFieldsAndProperties_AreChecked() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(Instruments + """
            public sealed class Pool
            {
                private static readonly Counter<long> Opened = new Meter("db").CreateCounter<long>("db.pool.opened");
                private readonly TagList _tags;
                private readonly TagList _bounded = new() { { "pool.kind", "primary" } };
                private KeyValuePair<string, object?> Tenant { get; }

                public Pool(string connectionString, Guid tenantId)
                {
                    _tags = new TagList { { "pool.name", connectionString } };
                    Tenant = new("tenant", tenantId);
                }

                public void Open()
                {
                    Opened.Add(1, {|TK3002:_tags|});
                    Opened.Add(1, _bounded);
                    Opened.Add(1, {|TK3002:Tenant|});
                }
            }
            """);

    [Fact]
    public Task PersonalData_IsNamedInTheMessage() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Place(string customerEmail, Outcome outcome) =>
                    Orders.Add(1, {|#0:new("user.email", customerEmail)|}, new("outcome", outcome));
            }
            """,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MetricTagValuesAnalyzer.UnboundedValue).WithLocation(0).WithArguments(
                "user.email",
                "personal data ('customerEmail' may hold it: its name says 'email'); metrics back ends export and keep tag values unredacted: leave it out"));

    [Fact]
    public Task Strings_AreJudgedByWhereTheyComeFrom() =>
        AnalyzerVerifier<MetricTagValuesAnalyzer>.VerifyAsync(Instruments + """
            public sealed partial class Checkout
            {
                public void Consume(string serviceName, string endpointLabel, string messageType, Guid orderId, int attempt, string orderKey)
                {
                    // Labels that say nothing about themselves: a service, an endpoint, a type.
                    Orders.Add(1, new KeyValuePair<string, object?>("service", serviceName), new KeyValuePair<string, object?>("endpoint", endpointLabel));
                    Orders.Add(1, new KeyValuePair<string, object?>("consumer.type", messageType));

                    // Built from or holding an identifier.
                    Orders.Add(1, {|TK3002:new KeyValuePair<string, object?>("order", $"order-{orderId}")|});
                    Orders.Add(1, {|TK3002:new KeyValuePair<string, object?>("attempt", attempt.ToString())|});
                    var label = string.IsNullOrEmpty(messageType) ? orderKey : messageType;
                    Orders.Add(1, {|TK3002:new KeyValuePair<string, object?>("label", label)|});
                }
            }
            """);

    [Fact]
    public Task NoFix_ForATagHeldInAField() =>
        Verify.VerifyNoFixAsync(Instruments + """
            public sealed class Pool(string connectionString)
            {
                private static readonly Counter<long> Opened = new Meter("db").CreateCounter<long>("db.pool.opened");
                private readonly TagList _tags = new() { { "pool.name", connectionString }, { "pool.kind", "primary" } };

                // Removing the argument would drop the bounded tag too.
                public void Open() => Opened.Add(1, {|TK3002:_tags|});
            }
            """);
}
