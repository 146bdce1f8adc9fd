using System.Threading.Tasks;
using Xunit;
using HashFix = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.SensitiveDataInSpanAnalyzer, Toolkit.Analyzers.CodeFixes.HashValueCodeFix>;
using ProtectFix = Toolkit.Analyzers.Tests.CodeFixVerifier<Toolkit.Analyzers.Rules.SensitiveDataInSpanAnalyzer, Toolkit.Analyzers.CodeFixes.ProtectParameterCodeFix>;

namespace Toolkit.Analyzers.Tests;

public sealed class SensitiveDataInSpanTests
{
    [Fact]
    public Task SpanAttributesAndBaggage_AreHashed() =>
        HashFix.VerifyAsync(
            """
            using System.Diagnostics;

            public static class Checkout
            {
                public static void Tag(Activity activity, string customerEmail, string sessionToken, string value)
                {
                    activity.SetTag("customer", {|TK2004:customerEmail|});
                    activity.AddBaggage("session", {|TK2004:sessionToken|});
                    activity.SetTag("user.email", {|TK2004:value|});
                    activity.AddEvent(new ActivityEvent("login", tags: new ActivityTagsCollection { { "customer", {|TK2004:customerEmail|} } }));
                }
            }
            """,
            """
            using System.Diagnostics;
            using Toolkit;

            public static class Checkout
            {
                public static void Tag(Activity activity, string customerEmail, string sessionToken, string value)
                {
                    activity.SetTag("customer", TelemetryRedaction.Hash(customerEmail));
                    activity.AddBaggage("session", TelemetryRedaction.Hash(sessionToken));
                    activity.SetTag("user.email", TelemetryRedaction.Hash(value));
                    activity.AddEvent(new ActivityEvent("login", tags: new ActivityTagsCollection { { "customer", TelemetryRedaction.Hash(customerEmail) } }));
                }
            }
            """);

    [Fact]
    public Task TagParameter_IsMarkedHashed() =>
        ProtectFix.VerifyAsync(
            """
            using Toolkit;

            public partial class Checkout
            {
                [Traced]
                public partial int Pay([Tag("customer.phone")] string {|TK2004:phone|}, [Tag("shop.region")] string region);

                private int PayCore(string phone, string region) => 1;
            }
            """,
            """
            using Toolkit;

            public partial class Checkout
            {
                [Traced]
                public partial int Pay([Tag("customer.phone"), Hashed] string phone, [Tag("shop.region")] string region);

                private int PayCore(string phone, string region) => 1;
            }
            """,
            equivalenceKey: "Mark [Hashed]");

    [Fact]
    public Task Silent_OnIdsHashesFlagsAndProtectedTags() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataInSpanAnalyzer>.VerifyAsync(
            """
            using System.Diagnostics;
            using Toolkit;

            public partial class Checkout
            {
                [Traced]
                public partial int Pay([Tag("customer.email")] [Hashed] string email, [Tag("order.id", SpanOnly = true)] string orderId);

                private int PayCore(string email, string orderId) => 1;

                public static void Tag(Activity? activity, string userId, string email, string method, bool emailVerified)
                {
                    activity?.SetTag("enduser.id", userId);
                    activity?.SetTag("http.request.method", method);
                    activity?.SetTag("user.email", TelemetryRedaction.Hash(email));
                    activity?.SetTag("user.email.verified", emailVerified);
                    activity?.SetTag("user.email.count", 3);
                    System.Console.WriteLine(email);
                }
            }
            """);

    [Fact]
    public Task SemanticConventionNetworkAttributes_StaySilent() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataInSpanAnalyzer>.VerifyAsync(
            """
            using System;
            using System.Diagnostics;
            using System.Net;

            public sealed class SiloAddress { public int Generation { get; } }

            public static class Client
            {
                public static void Tag(Activity activity, string address, IPEndPoint peer, Uri endpoint, SiloAddress targetSiloAddress, int port)
                {
                    activity.SetTag("server.address", address);
                    activity.SetTag("server.port", port);
                    activity.SetTag("network.peer.address", peer.Address.ToString());
                    activity.SetTag("server.address", endpoint.Host);
                    activity.SetTag("rpc.target", targetSiloAddress);
                    activity.SetTag("db.system", "postgresql");
                    activity.SetTag("http.request.method", "GET");
                }
            }
            """);

    [Fact]
    public Task FullUrls_AsWritten_AreSensitive() =>
        AnalyzerVerifier<Toolkit.Analyzers.Rules.SensitiveDataInSpanAnalyzer>.VerifyAsync(
            """
            using System;
            using System.Diagnostics;

            public static class Http
            {
                public static void Tag(Activity activity, Uri uri, string queryString)
                {
                    activity.SetTag("url.full", {|TK2004:uri.OriginalString|});
                    activity.SetTag("http.url", {|TK2004:uri.AbsoluteUri|});
                    activity.SetTag("url.full", {|TK2004:uri|});
                    activity.SetTag("url.query", {|TK2004:uri.Query|});
                    activity.SetTag("url.full", $"https://{uri.Host}{{|TK2004:uri.PathAndQuery|}}");

                    // Sanitized, or without user info and query.
                    activity.SetTag("url.full", Redact(uri));
                    activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
                    activity.SetTag("url.path", uri.AbsolutePath);
                    activity.SetTag("server.address", uri.Host);
                }

                private static string Redact(Uri uri) => uri.GetLeftPart(UriPartial.Path);
            }
            """);
}
