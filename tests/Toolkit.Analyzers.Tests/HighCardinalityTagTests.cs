using System.Threading.Tasks;
using Toolkit.Analyzers.CodeFixes;
using Toolkit.Analyzers.Rules;
using Xunit;
using Verify = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.HighCardinalityTagAnalyzer, Toolkit.Analyzers.CodeFixes.HighCardinalityTagCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed class HighCardinalityTagTests
{
    [Fact]
    public Task Warns_OnUnboundedTypesAndIdentifierNames() =>
        AnalyzerVerifier<HighCardinalityTagAnalyzer>.VerifyAsync(
            """
            using System;
            using System.Net;
            using System.Threading.Tasks;
            using Toolkit;

            public partial class Orders
            {
                [Timed]
                public partial int Place(
                    [{|TK3001:Tag("order.key")|}] Guid order,
                    [{|TK3001:Tag|}] DateTimeOffset? placedAt,
                    [{|TK3001:Tag("amount")|}] decimal amount,
                    [{|TK3001:Tag("peer")|}] IPAddress peer,
                    [{|TK3001:Tag("customer")|}] long customerId,
                    [{|TK3001:Tag("user.id")|}] int user,
                    [{|TK3001:Tag("shop.region")|}] string region,
                    [{|TK3001:Tag("payload")|}] object payload);

                private int PlaceCore(Guid order, DateTimeOffset? placedAt, decimal amount, IPAddress peer, long customerId, int user, string region, object payload) => 0;

                [Counted]
                [return: {|TK3001:Tag("created.at")|}]
                public partial Task<DateTime> CreateAsync();

                private Task<DateTime> CreateAsyncCore() => Task.FromResult(DateTime.UtcNow);

                [InFlight]
                public partial void Run([{|TK3001:Tag("request.path")|}] Uri requestPath, [{|TK3001:Tag("elapsed")|}] TimeSpan elapsed, [{|TK3001:Tag("sessionKey")|}] int sessionKey);

                private void RunCore(Uri requestPath, TimeSpan elapsed, int sessionKey) { }
            }
            """);

    [Fact]
    public Task Silent_OnBoundedSpanOnlyAllowListedAndWithoutMetrics() =>
        AnalyzerVerifier<HighCardinalityTagAnalyzer>.VerifyAsync(
            """
            using System;
            using Toolkit;

            public enum Region { Eu, Us }

            public partial class Orders
            {
                [Timed, Counted]
                [return: Tag("placed")]
                public partial bool Place(
                    [Tag("order.id")] Region orderId,
                    [Tag("user.id")] bool? userId,
                    [Tag("order.id", SpanOnly = true)] Guid order,
                    [Tag(SpanOnly = true)] string customerEmail,
                    [Tag("http.request.method")] string method,
                    [Tag("http.response.status_code")] int status,
                    [Tag("error.type")] string error,
                    [Tag("quantity")] int quantity,
                    Guid untagged);

                private bool PlaceCore(Region orderId, bool? userId, Guid order, string customerEmail, string method, int status, string error, int quantity, Guid untagged) => true;

                [Traced]
                public partial void Traced([Tag("order.id")] Guid orderId, [Tag] string customerEmail);

                private void TracedCore(Guid orderId, string customerEmail) { }

                [InFlight]
                [return: Tag("finished.at")]
                public partial DateTime InFlightOnly();

                private DateTime InFlightOnlyCore() => DateTime.UtcNow;

                public void Plain([Tag("order.id")] Guid orderId) { }
            }
            """);

    [Fact]
    public Task Silent_OnRedactedTagsTheGeneratorDrops_ButNotOnHashedOnes() =>
        AnalyzerVerifier<HighCardinalityTagAnalyzer>.VerifyAsync(
            """
            using Toolkit;

            public partial class Payments
            {
                [Counted]
                public partial void Pay([Redacted, {|TK1009:Tag("card")|}] string cardNumber, [Hashed, Redacted, {|TK3001:Tag("customer")|}] string customerId);

                private void PayCore(string cardNumber, string customerId) { }
            }
            """);

    [Fact]
    public Task AllowedTagKeys_Option_AddsToTheDefaults() =>
        AnalyzerVerifier<HighCardinalityTagAnalyzer>.VerifyAsync(
            """
            using Toolkit;

            public partial class Orders
            {
                [Timed]
                public partial void Place([Tag("shop.region")] string region, [Tag("tenant.id")] int tenant, [Tag("http.route")] string route, [{|TK3001:Tag("order.id")|}] long order);

                private void PlaceCore(string region, int tenant, string route, long order) { }
            }
            """,
            "dotnet_code_quality.TK3001.allowed_tag_keys = shop.region, tenant.id");

    [Fact]
    public Task AllowedTagKeys_SharedOption_AppliesToo() =>
        AnalyzerVerifier<HighCardinalityTagAnalyzer>.VerifyAsync(
            """
            using Toolkit;

            public partial class Orders
            {
                [Counted]
                public partial void Place([Tag("shop.region")] string region);

                private void PlaceCore(string region) { }
            }
            """,
            "dotnet_code_quality.allowed_tag_keys = shop.region");

    [Fact]
    public Task MakeSpanOnly_AddsOrSetsTheNamedArgument() =>
        Verify.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Toolkit;

            public partial class Orders
            {
                [Timed]
                [return: {|TK3001:Tag("created.at")|}]
                public partial Task<DateTime> Place([{|TK3001:Tag("order.id")|}] Guid order, [{|TK3001:Tag|}] string customerEmail, [Hashed, {|TK3001:Tag("user", SpanOnly = false)|}] string userId);

                private Task<DateTime> PlaceCore(Guid order, string customerEmail, string userId) => Task.FromResult(DateTime.UtcNow);
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Toolkit;

            public partial class Orders
            {
                [Timed]
                [return: Tag("created.at", SpanOnly = true)]
                public partial Task<DateTime> Place([Tag("order.id", SpanOnly = true)] Guid order, [Tag(SpanOnly = true)] string customerEmail, [Hashed, Tag("user", SpanOnly = true)] string userId);

                private Task<DateTime> PlaceCore(Guid order, string customerEmail, string userId) => Task.FromResult(DateTime.UtcNow);
            }
            """,
            HighCardinalityTagCodeFix.MakeSpanOnly);

    [Fact]
    public Task RemoveTheTag_KeepsOtherAttributes() =>
        Verify.VerifyAsync(
            """
            using System;
            using Toolkit;

            public partial class Orders
            {
                [Counted]
                [return: {|TK3001:Tag("created.at")|}]
                public partial DateTime Place([{|TK3001:Tag("order.id")|}] Guid order, [Hashed, {|TK3001:Tag|}] string userId, [Tag("quantity")] int quantity);

                private DateTime PlaceCore(Guid order, string userId, int quantity) => DateTime.UtcNow;
            }
            """,
            """
            using System;
            using Toolkit;

            public partial class Orders
            {
                [Counted]
                public partial DateTime Place(Guid order, [Hashed] string userId, [Tag("quantity")] int quantity);

                private DateTime PlaceCore(Guid order, string userId, int quantity) => DateTime.UtcNow;
            }
            """,
            HighCardinalityTagCodeFix.RemoveTag);

    [Fact]
    public Task Warns_OnUnboundedTagPropertiesOfATypeWithInstanceGauges() =>
        AnalyzerVerifier<HighCardinalityTagAnalyzer>.VerifyAsync(
            """
            using System;
            using Toolkit;

            public enum Lane { Express, Standard }

            public sealed class OrderQueue
            {
                [{|TK3001:Tag("queue.id")|}] public Guid Id { get; } = Guid.NewGuid();

                [Tag("queue.lane")] public Lane Lane { get; }

                [Tag("queue.durable")] public bool Durable { get; }

                [Tag("queue.key", SpanOnly = true)] public Guid Key { get; }

                [Gauge("queue.depth")] public int Depth => 0;
            }

            public static class Stock
            {
                [Tag("stock.id")] public static Guid Id => Guid.Empty;

                [Gauge("stock.units")] public static int Units => 0;
            }

            public sealed class NoGauges
            {
                [Tag("thing.id")] public Guid Id { get; }
            }
            """);

    [Fact]
    public Task MakeSpanOnly_TakesATagPropertyOffTheGauges() =>
        Verify.VerifyAsync(
            """
            using System;
            using Toolkit;

            public sealed class OrderQueue
            {
                [{|TK3001:Tag("queue.id")|}] public Guid Id { get; } = Guid.NewGuid();

                [Gauge("queue.depth")] public int Depth => 0;
            }
            """,
            """
            using System;
            using Toolkit;

            public sealed class OrderQueue
            {
                [Tag("queue.id", SpanOnly = true)] public Guid Id { get; } = Guid.NewGuid();

                [Gauge("queue.depth")] public int Depth => 0;
            }
            """,
            HighCardinalityTagCodeFix.MakeSpanOnly);

    [Fact]
    public Task Severity_IsConfigurable() =>
        AnalyzerVerifier<HighCardinalityTagAnalyzer>.VerifyAsync(
            """
            using System;
            using Toolkit;

            public partial class Orders
            {
                [Timed]
                public partial void Place([Tag("order.id")] Guid order);

                private void PlaceCore(Guid order) { }
            }
            """,
            "dotnet_diagnostic.TK3001.severity = none");
}
